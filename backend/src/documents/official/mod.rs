//! Official Vietnamese administrative documents as DOCX, in the format of Nghị định 30/2020/NĐ-CP
//! (Phụ lục I): tờ trình, biên bản, quyết định with an annexed list, báo cáo, and Giấy khen
//! certificates.
//!
//! # How it is used
//!
//! A document is plain data ([`OfficialDocument`]): the header fields, a body of [`Block`]s, the
//! signature, the nơi nhận and any annexes. [`render`] turns it into the bytes of a `.docx`. The
//! commendation workflow builds its four documents with [`to_trinh`], [`bien_ban_hop_hoi_dong`],
//! [`quyet_dinh_khen_thuong`] and [`giay_khen`]; anything else (a báo cáo with tables, a kế
//! hoạch) is an [`OfficialDocument::new`] plus a few blocks:
//!
//! ```
//! use chrono::NaiveDate;
//! use lantoa::documents::official::{
//!     Agency, Block, DocumentKind, OfficialDocument, Recipients, Signature, render,
//! };
//!
//! let mut doc = OfficialDocument::new(
//!     &Agency::so_tu_phap_dong_thap(),
//!     DocumentKind::BaoCao,
//!     "Kết quả phát hiện, bồi dưỡng điển hình tiên tiến năm 2026",
//! );
//! doc.number = Some(12);
//! doc.date = NaiveDate::from_ymd_opt(2026, 10, 30);
//! doc.body = vec![
//!     Block::heading("I. KẾT QUẢ ĐẠT ĐƯỢC"),
//!     Block::text("Năm 2026, các đơn vị đã phát hiện 48 điển hình tiên tiến."),
//! ];
//! doc.signature =
//!     Some(Signature::new("PHÓ GIÁM ĐỐC", "Nguyễn Tấn Phong").authority("KT. GIÁM ĐỐC"));
//! doc.recipients = Some(Recipients::new(["Sở Nội vụ", "Ban Giám đốc Sở"]));
//! let bytes = render(&doc)?;
//! assert!(bytes.starts_with(b"PK"));
//! # Ok::<(), lantoa::documents::official::DocumentError>(())
//! ```
//!
//! # Library choice and its gaps
//!
//! The documents are built with `docx-rs` 0.4 (without its `image` feature: no images yet).
//! It covers page size and margins, document default fonts (all four `w:rFonts` slots, so
//! Vietnamese letters with stacked diacritics stay in Times New Roman in Word's East Asian and
//! complex-script paths too), paragraph borders (the short rules under the agency name, the
//! tiêu ngữ and the trích yếu), tables, the `PAGE` field, a different first-page header
//! (`w:titlePg`) and paragraph frames (`w:framePr`), which position the fields of a Giấy khen
//! printed on a pre-printed blank.
//!
//! One thing it lacks: a table row cannot be marked as a header row repeated on each page
//! (`w:tblHeader`). Rather than write the whole package by hand for one element, the renderer
//! uses docx-rs's own escape hatch: `docx_rs::Docx::build` returns the package parts as bytes
//! (`XMLDocx`, public fields) before zipping, and [`package`] inserts `w:tblHeader` after a
//! row-height marker that only header rows carry, checks that it found exactly as many markers
//! as it wrote header rows, then zips the parts with docx-rs's own `pack` (see `package.rs`,
//! which also explains why each document is built on a thread of its own).
//!
//! The page layout (A4, margins, font sizes, spacing) lives in [`layout`] as named constants,
//! each within the range the decree allows.

mod blocks;
mod certificate;
mod closing;
mod commendation;
mod dates;
mod error;
mod heading;
pub mod layout;
mod measure;
mod model;
mod numbers;
mod package;
mod page_header;
mod render;
mod table;
mod text;

pub use certificate::{
    CertificateField, CertificateLayout, CertificateMode, CertificatePage, FieldAlign,
    FieldPosition, GiayKhen, render_certificate,
};
pub use commendation::{
    Absence, Awardee, AwardeeKind, BienBanHopHoiDong, Participant, QuyetDinhKhenThuong, Tally,
    Threshold, ToTrinhKhenThuong, VoteBase, awardee_table, bien_ban_hop_hoi_dong, giay_khen,
    quyet_dinh_khen_thuong, to_trinh,
};
pub use dates::{date_line, day_text, month_text, number_line, number_text};
pub use error::DocumentError;
pub use model::{
    Agency, Align, Annex, Block, Column, DataTable, DocumentKind, OfficialDocument, Paragraph,
    Recipients, Row, Signature, Span, TotalsRow,
};
pub use numbers::{amount_in_words, format_dong, format_percent};
pub use render::render;

#[cfg(test)]
mod tests;
