//! From a docx-rs document to the bytes of a `.docx`: the one patch docx-rs cannot express
//! (header rows repeated on each page), zipping, and a fresh thread for each document.
//!
//! Why a thread: docx-rs numbers paragraphs (`w14:paraId`) from a thread-local `u32` counter
//! that only ever grows and panics when it overflows, and it offers no public way to reset it.
//! A long-lived server thread rendering documents for years would creep towards that limit, and
//! the identifiers of one document would depend on what the thread wrote before. Building each
//! document on its own short-lived thread starts the counter afresh (the same input gives the
//! same bytes) and turns any panic inside docx-rs into an error instead of a crashed worker.

use std::io::Cursor;

use docx_rs::{Docx, HeightRule, TableRow};

use super::error::DocumentError;

/// Minimum height of a table's header row, in twips (7 mm). Only header rows carry a height, so
/// the `w:trHeight` docx-rs writes for it also marks where `w:tblHeader` goes.
const HEADER_ROW_HEIGHT: f32 = 397.0;

/// Marks `row` as a header row, to be repeated at the top of each page.
pub(crate) fn header_row(row: TableRow) -> TableRow {
    row.row_height(HEADER_ROW_HEIGHT)
        .height_rule(HeightRule::AtLeast)
}

/// The element docx-rs writes for [`header_row`].
fn header_row_marker() -> String {
    format!(r#"<w:trHeight w:val="{HEADER_ROW_HEIGHT}" w:hRule="atLeast" />"#)
}

/// Runs `build` on a new thread and zips what it returns. `header_rows` is how many rows it
/// marked with [`header_row`].
pub(crate) fn render_isolated<F>(build: F) -> Result<Vec<u8>, DocumentError>
where
    F: FnOnce() -> Result<(Docx, usize), DocumentError> + Send,
{
    std::thread::scope(|scope| {
        let handle = std::thread::Builder::new()
            .name("docx-render".to_owned())
            .spawn_scoped(scope, move || {
                let (docx, header_rows) = build()?;
                pack(docx, header_rows)
            })
            .map_err(|e| DocumentError::Package(format!("cannot start a thread: {e}")))?;
        handle
            .join()
            .unwrap_or_else(|_| Err(DocumentError::Package("docx-rs panicked".to_owned())))
    })
}

fn pack(docx: Docx, header_rows: usize) -> Result<Vec<u8>, DocumentError> {
    let mut parts = docx.build();
    if header_rows > 0 {
        let xml = std::str::from_utf8(&parts.document)
            .map_err(|e| DocumentError::Package(format!("document.xml is not UTF-8: {e}")))?;
        let marker = header_row_marker();
        let found = xml.matches(&marker).count();
        if found != header_rows {
            // docx-rs changed how it writes a row height: fail loudly rather than lose the
            // repeated headers without anyone noticing.
            return Err(DocumentError::Package(format!(
                "found {found} header-row markers for {header_rows} header rows"
            )));
        }
        parts.document = xml
            .replace(&marker, &format!("{marker}<w:tblHeader />"))
            .into_bytes();
    }
    let mut out = Cursor::new(Vec::new());
    parts
        .pack(&mut out)
        .map_err(|e| DocumentError::Package(e.to_string()))?;
    Ok(out.into_inner())
}
