//! The layout numbers of NĐ 30/2020/NĐ-CP, Phụ lục I, in one place: the page, the margins, the
//! font sizes and the spacing. Each value is chosen inside the range the decree allows (noted
//! beside it), so a change here stays lawful if it stays inside that range.

/// A4, portrait.
pub const A4_WIDTH_MM: f64 = 210.0;
pub const A4_HEIGHT_MM: f64 = 297.0;

/// Top margin: 20–25 mm.
pub const MARGIN_TOP_MM: f64 = 20.0;
/// Bottom margin: 20–25 mm.
pub const MARGIN_BOTTOM_MM: f64 = 20.0;
/// Left margin: 30–35 mm.
pub const MARGIN_LEFT_MM: f64 = 30.0;
/// Right margin: 15–20 mm.
pub const MARGIN_RIGHT_MM: f64 = 15.0;
/// Where the page number sits: from the top edge, inside the top margin.
pub const HEADER_DISTANCE_MM: f64 = 10.0;
pub const FOOTER_DISTANCE_MM: f64 = 10.0;

/// The only font: Times New Roman (Unicode, TCVN 6909:2001).
pub const FONT: &str = "Times New Roman";
/// Black, written out rather than "auto" so that a dark page theme cannot change it.
pub const COLOR: &str = "000000";

/// Quốc hiệu: 12–13, bold, upper case.
pub const NATIONAL_NAME_PT: u8 = 13;
/// Tiêu ngữ: 13–14, bold.
pub const MOTTO_PT: u8 = 14;
/// Cơ quan chủ quản and cơ quan ban hành: 12–13.
pub const AGENCY_PT: u8 = 13;
/// "Số: …": 13.
pub const NUMBER_PT: u8 = 13;
/// Địa danh, ngày: 13–14, italic.
pub const DATE_PT: u8 = 14;
/// Tên loại and trích yếu: 13–14, bold.
pub const TITLE_PT: u8 = 14;
/// Body text: 13–14.
pub const BODY_PT: u8 = 14;
/// Signing block (authority, title, name): 13–14, bold.
pub const SIGNATURE_PT: u8 = 14;
/// "Nơi nhận:": 12, bold italic.
pub const RECIPIENTS_HEADING_PT: u8 = 12;
/// Nơi nhận entries: 11.
pub const RECIPIENTS_PT: u8 = 11;
/// Page numbers: 13–14.
pub const PAGE_NUMBER_PT: u8 = 13;
/// Tables inherit the body's range; 13 leaves room for five or six columns.
pub const TABLE_PT: u8 = 13;

/// Body first-line indent: 1–1.27 cm.
pub const FIRST_LINE_INDENT_MM: f64 = 12.7;
/// Space after a body paragraph: at least 6 pt.
pub const PARAGRAPH_AFTER_PT: u32 = 6;
/// Body line spacing in 240ths of a line (Word's `w:line` with `auto`): single (240) to 1.5
/// (360). 1.15 keeps a one-page decision on one page.
pub const BODY_LINE: i32 = 276;
/// Space left for the handwritten signature and the seal, between title and name.
pub const SIGNATURE_SPACE_MM: f64 = 28.0;

/// Giấy khen printed in full, on A4 landscape.
pub const CERTIFICATE_MARGIN_TOP_MM: f64 = 20.0;
pub const CERTIFICATE_MARGIN_BOTTOM_MM: f64 = 15.0;
pub const CERTIFICATE_MARGIN_SIDE_MM: f64 = 25.0;

// Checked when compiling: a change outside the decree's ranges does not build.
const _: () = {
    assert!(MARGIN_TOP_MM >= 20.0 && MARGIN_TOP_MM <= 25.0);
    assert!(MARGIN_BOTTOM_MM >= 20.0 && MARGIN_BOTTOM_MM <= 25.0);
    assert!(MARGIN_LEFT_MM >= 30.0 && MARGIN_LEFT_MM <= 35.0);
    assert!(MARGIN_RIGHT_MM >= 15.0 && MARGIN_RIGHT_MM <= 20.0);
    assert!(FIRST_LINE_INDENT_MM >= 10.0 && FIRST_LINE_INDENT_MM <= 12.7);
    assert!(PARAGRAPH_AFTER_PT >= 6);
    assert!(BODY_LINE >= 240 && BODY_LINE <= 360);
    assert!(NATIONAL_NAME_PT >= 12 && NATIONAL_NAME_PT <= 13);
    assert!(MOTTO_PT >= 13 && MOTTO_PT <= 14);
    assert!(BODY_PT >= 13 && BODY_PT <= 14);
};

/// Twips (1/1440 inch, Word's unit for lengths) in `mm` millimetres, rounded.
pub fn mm_to_twips(mm: f64) -> i32 {
    (mm * 1440.0 / 25.4).round() as i32
}

/// The usable width of a portrait page, between the margins, in twips.
pub fn text_width_twips() -> i32 {
    mm_to_twips(A4_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM)
}

/// Word sizes in half-points.
pub(crate) fn half_points(pt: u8) -> usize {
    usize::from(pt) * 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a4_and_the_margins_in_twips() {
        assert_eq!(mm_to_twips(A4_WIDTH_MM), 11906);
        assert_eq!(mm_to_twips(A4_HEIGHT_MM), 16838);
        assert_eq!(mm_to_twips(MARGIN_TOP_MM), 1134);
        assert_eq!(mm_to_twips(MARGIN_LEFT_MM), 1701);
        assert_eq!(mm_to_twips(MARGIN_RIGHT_MM), 850);
        assert_eq!(mm_to_twips(FIRST_LINE_INDENT_MM), 720);
    }
}
