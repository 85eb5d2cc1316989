//! Publicity ("tuyên truyền, nhân rộng", sections II and III of the plan).

pub mod share;
