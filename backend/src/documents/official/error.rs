//! Why a document could not be written. Every case is a caller's data error except `Package`,
//! which would be a bug here or in docx-rs.

use super::certificate::CertificateField;

#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// A table without columns cannot be drawn.
    #[error("a table has no columns")]
    TableWithoutColumns,
    /// A row has more or fewer cells than the table has columns. Nothing is cut or padded
    /// silently: the caller's data is wrong.
    #[error("row {row} of a table has {found} cells, the table has {expected} columns")]
    RowWidth {
        row: usize,
        expected: usize,
        found: usize,
    },
    /// The totals row's label span and cells do not add up to the table's columns.
    #[error("the totals row spans {found} columns, the table has {expected}")]
    TotalsWidth { expected: usize, found: usize },
    /// A field of a certificate layout lies outside the page or has an impossible size.
    #[error("certificate field {field:?}: {reason}")]
    CertificateLayout {
        field: CertificateField,
        reason: String,
    },
    /// docx-rs produced something unexpected, or zipping failed.
    #[error("could not write the DOCX package: {0}")]
    Package(String),
}
