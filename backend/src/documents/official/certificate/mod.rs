//! Giấy khen certificates, printed in full on plain paper or as variable fields on a
//! pre-printed blank.

mod blank;
mod full;
mod giay_khen;
mod layout;

pub use giay_khen::GiayKhen;
pub use layout::{CertificateField, CertificateLayout, CertificatePage, FieldAlign, FieldPosition};

use super::error::DocumentError;
use super::package::render_isolated;

/// How to print a certificate.
#[derive(Debug, Clone, PartialEq)]
pub enum CertificateMode {
    /// Everything, on plain A4 landscape paper.
    Full,
    /// Only the variable fields, where `layout` puts them on a pre-printed blank.
    Blank(CertificateLayout),
}

/// Writes `cert` as a `.docx` of one page. A blank's layout is validated first
/// ([`CertificateLayout::validate`]).
pub fn render_certificate(
    cert: &GiayKhen,
    mode: &CertificateMode,
) -> Result<Vec<u8>, DocumentError> {
    render_isolated(|| {
        let docx = match mode {
            CertificateMode::Full => full::build(cert),
            CertificateMode::Blank(layout) => blank::build(cert, layout)?,
        };
        Ok((docx, 0))
    })
}
