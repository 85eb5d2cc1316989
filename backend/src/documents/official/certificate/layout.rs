//! Where each variable field of a Giấy khen goes on a pre-printed blank (phôi): a layout the
//! Office can store as a JSON setting and adjust to its printer and its blanks.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::documents::official::error::DocumentError;

/// A field of a Giấy khen that changes from one certificate to the next.
///
/// - `recipient_name`: "Ông Nguyễn Văn A", or the collective's name.
/// - `position`: the recipient's position.
/// - `unit_name`: the recipient's unit.
/// - `achievement`: "Đã có thành tích xuất sắc trong …".
/// - `decision_number`: "Số: 05/QĐ-STP".
/// - `register_number`: the number in the register of awards (số vào sổ), alone.
/// - `date_line`: "Đồng Tháp, ngày 05 tháng 01 năm 2026".
/// - `place`: "Đồng Tháp", alone.
/// - `day`: the day, alone.
/// - `month`: the month, alone.
/// - `year`: the year, alone.
/// - `issuer_title`: "GIÁM ĐỐC SỞ TƯ PHÁP TỈNH ĐỒNG THÁP".
/// - `signer_authority`: "KT. GIÁM ĐỐC"; nothing when the director signs.
/// - `signer_title`: "GIÁM ĐỐC" or "PHÓ GIÁM ĐỐC".
/// - `signer_name`: the signer's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CertificateField {
    /// "Ông Nguyễn Văn A", or the collective's name.
    RecipientName,
    /// Chức vụ: "Phó Trưởng phòng Hành chính tư pháp".
    Position,
    /// Đơn vị: "Sở Tư pháp tỉnh Đồng Tháp".
    UnitName,
    /// "Đã có thành tích xuất sắc trong …".
    Achievement,
    /// "Số: 05/QĐ-STP".
    DecisionNumber,
    /// The number in the register of awards (số vào sổ), alone: "125".
    RegisterNumber,
    /// "Đồng Tháp, ngày 05 tháng 01 năm 2026".
    DateLine,
    /// "Đồng Tháp", alone, for blanks that print "…, ngày … tháng … năm …".
    Place,
    /// "05", alone.
    Day,
    /// "01", alone.
    Month,
    /// "2026", alone.
    Year,
    /// "GIÁM ĐỐC SỞ TƯ PHÁP TỈNH ĐỒNG THÁP", for blanks that leave it out.
    IssuerTitle,
    /// "KT. GIÁM ĐỐC"; nothing when the director signs.
    SignerAuthority,
    /// "GIÁM ĐỐC" or "PHÓ GIÁM ĐỐC".
    SignerTitle,
    /// The signer's name.
    SignerName,
}

/// The sheet a Giấy khen is printed on.
///
/// - `a4_landscape`: A4, landscape.
/// - `a4_portrait`: A4, portrait.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CertificatePage {
    #[default]
    A4Landscape,
    A4Portrait,
}

impl CertificatePage {
    /// Width and height in millimetres.
    pub fn size_mm(self) -> (f64, f64) {
        match self {
            Self::A4Landscape => (297.0, 210.0),
            Self::A4Portrait => (210.0, 297.0),
        }
    }
}

/// Alignment of a field's text inside its box.
///
/// - `left`: left-aligned.
/// - `center`: centred.
/// - `right`: right-aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FieldAlign {
    Left,
    #[default]
    Center,
    Right,
}

/// One field's box: its top-left corner measured from the top-left corner of the sheet, its
/// width (long text wraps inside it and the box grows downwards), and its type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FieldPosition {
    pub field: CertificateField,
    pub x_mm: f64,
    pub y_mm: f64,
    pub width_mm: f64,
    pub font_size_pt: f64,
    #[serde(default)]
    pub bold: bool,
    #[serde(default)]
    pub italic: bool,
    #[serde(default)]
    pub align: FieldAlign,
}

/// The fields to print on a blank, and the blank's paper.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CertificateLayout {
    #[serde(default)]
    pub page: CertificatePage,
    pub fields: Vec<FieldPosition>,
}

/// Smallest and largest accepted font sizes, in points.
const FONT_SIZES: std::ops::RangeInclusive<f64> = 4.0..=96.0;
/// Narrowest accepted box, in millimetres.
const MIN_WIDTH_MM: f64 = 5.0;

impl Default for CertificateLayout {
    /// A4 landscape: the recipient and the achievement centred in the middle band, the decision
    /// number at the bottom left, the date and the signing block at the bottom right. A starting
    /// point; each batch of blanks needs its own measurements.
    fn default() -> Self {
        use CertificateField as F;
        let field = |field, x_mm, y_mm, width_mm, font_size_pt, bold, italic| FieldPosition {
            field,
            x_mm,
            y_mm,
            width_mm,
            font_size_pt,
            bold,
            italic,
            align: FieldAlign::Center,
        };
        Self {
            page: CertificatePage::A4Landscape,
            fields: vec![
                field(F::RecipientName, 30.0, 92.0, 237.0, 24.0, true, false),
                field(F::Position, 30.0, 104.0, 237.0, 15.0, false, false),
                field(F::UnitName, 30.0, 111.0, 237.0, 15.0, false, false),
                field(F::Achievement, 40.0, 120.0, 217.0, 16.0, false, true),
                field(F::DecisionNumber, 25.0, 160.0, 100.0, 13.0, false, false),
                field(F::DateLine, 150.0, 150.0, 122.0, 14.0, false, true),
                field(F::SignerAuthority, 150.0, 157.0, 122.0, 14.0, true, false),
                field(F::SignerTitle, 150.0, 163.0, 122.0, 14.0, true, false),
                field(F::SignerName, 150.0, 190.0, 122.0, 14.0, true, false),
            ],
        }
    }
}

impl CertificateLayout {
    /// Every box starts on the sheet and ends inside its width, and every size is printable.
    /// A layout comes from a setting people edit, so it is checked rather than trusted.
    pub fn validate(&self) -> Result<(), DocumentError> {
        let (page_width, page_height) = self.page.size_mm();
        for f in &self.fields {
            let invalid = |reason: String| DocumentError::CertificateLayout {
                field: f.field,
                reason,
            };
            let numbers = [f.x_mm, f.y_mm, f.width_mm, f.font_size_pt];
            if numbers.iter().any(|n| !n.is_finite()) {
                return Err(invalid("a position or size is not a number".to_owned()));
            }
            if f.x_mm < 0.0 || f.y_mm < 0.0 {
                return Err(invalid(format!(
                    "({}, {}) mm is off the sheet",
                    f.x_mm, f.y_mm
                )));
            }
            if f.width_mm < MIN_WIDTH_MM {
                return Err(invalid(format!(
                    "width {} mm is under {MIN_WIDTH_MM} mm",
                    f.width_mm
                )));
            }
            if f.x_mm + f.width_mm > page_width {
                return Err(invalid(format!(
                    "{} + {} mm passes the sheet's width of {page_width} mm",
                    f.x_mm, f.width_mm
                )));
            }
            if f.y_mm >= page_height {
                return Err(invalid(format!(
                    "y = {} mm is below the sheet's height of {page_height} mm",
                    f.y_mm
                )));
            }
            if !FONT_SIZES.contains(&f.font_size_pt) {
                return Err(invalid(format!(
                    "font size {} pt is outside {}–{} pt",
                    f.font_size_pt,
                    FONT_SIZES.start(),
                    FONT_SIZES.end()
                )));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_layout_is_valid_and_round_trips_through_json() {
        let layout = CertificateLayout::default();
        assert!(layout.validate().is_ok());
        let json = serde_json::to_string(&layout).unwrap_or_default();
        assert!(json.contains(r#""page":"a4_landscape""#), "{json}");
        assert!(
            json.contains(r#""field":"recipient_name","xMm":30.0,"yMm":92.0"#),
            "{json}"
        );
        let back: CertificateLayout = serde_json::from_str(&json).unwrap();
        assert_eq!(back, layout);
    }

    #[test]
    fn optional_attributes_have_defaults() {
        let json = r#"{"fields":[{"field":"day","xMm":10,"yMm":20,"widthMm":15,"fontSizePt":14}]}"#;
        let layout: CertificateLayout = serde_json::from_str(json).unwrap();
        assert_eq!(layout.page, CertificatePage::A4Landscape);
        let field = &layout.fields[0];
        assert_eq!(
            (field.bold, field.italic, field.align),
            (false, false, FieldAlign::Center)
        );
    }

    #[test]
    fn boxes_off_the_sheet_or_unprintable_sizes_are_refused() {
        let mut layout = CertificateLayout::default();
        layout.fields[0].x_mm = 200.0; // 200 + 237 > 297
        assert!(matches!(
            layout.validate(),
            Err(DocumentError::CertificateLayout {
                field: CertificateField::RecipientName,
                ..
            })
        ));
        let mut layout = CertificateLayout::default();
        layout.fields[1].y_mm = 210.0;
        assert!(layout.validate().is_err());
        let mut layout = CertificateLayout::default();
        layout.fields[2].font_size_pt = 0.0;
        assert!(layout.validate().is_err());
        let mut layout = CertificateLayout::default();
        layout.fields[3].width_mm = f64::NAN;
        assert!(layout.validate().is_err());
        let mut layout = CertificateLayout {
            page: CertificatePage::A4Portrait,
            ..Default::default()
        };
        layout.fields.truncate(1);
        // 30 + 237 mm does not fit across a portrait sheet.
        assert!(layout.validate().is_err());
    }
}
