//! Files from clients that the server parses. Each reader checks what the file declares and
//! counts what it really holds against fixed limits before it keeps anything in memory, so that
//! no upload can exhaust the server.

pub mod sheet;
pub mod zip_bounds;
