//! A Giấy khen printed on a pre-printed blank (phôi): only the variable fields, each in a Word
//! frame (`w:framePr`) placed at an absolute position from the sheet's top-left corner, so the
//! text lands on the blank's lines whatever the margins. Frames rather than drawing text boxes:
//! they are plain paragraphs, which Word and LibreOffice both position exactly and which need
//! no drawing markup.

use docx_rs::{AlignmentType, Docx, FrameProperty};

use super::giay_khen::GiayKhen;
use super::layout::{CertificateLayout, FieldAlign, FieldPosition};
use crate::documents::official::error::DocumentError;
use crate::documents::official::layout::mm_to_twips;
use crate::documents::official::render::{PageSetup, end_paragraph};
use crate::documents::official::text::{Look, line};

/// Margins of the blank's section. The frames ignore them; they only keep Word from warning
/// that the page's margins are outside the printable area.
const MARGIN_MM: f64 = 10.0;

pub(crate) fn build(cert: &GiayKhen, layout: &CertificateLayout) -> Result<Docx, DocumentError> {
    layout.validate()?;
    let (width_mm, height_mm) = layout.page.size_mm();
    let page = PageSetup {
        width_mm,
        height_mm,
        top_mm: MARGIN_MM,
        bottom_mm: MARGIN_MM,
        left_mm: MARGIN_MM,
        right_mm: MARGIN_MM,
    };
    let docx = layout
        .fields
        .iter()
        .filter_map(|position| {
            let text = cert.field_text(position.field);
            (!text.is_empty()).then(|| framed(&text, position))
        })
        .fold(page.document(), Docx::add_paragraph);
    Ok(docx.add_paragraph(end_paragraph()))
}

/// `text` in a frame `width_mm` wide whose top-left corner is at (`x_mm`, `y_mm`) from the
/// sheet's top-left corner. The frame's height follows the text.
fn framed(text: &str, position: &FieldPosition) -> docx_rs::Paragraph {
    let mut look = Look {
        half_points: half_points(position.font_size_pt),
        bold: false,
        italic: false,
    };
    if position.bold {
        look = look.bold();
    }
    if position.italic {
        look = look.italic();
    }
    let align = match position.align {
        FieldAlign::Left => AlignmentType::Left,
        FieldAlign::Center => AlignmentType::Center,
        FieldAlign::Right => AlignmentType::Right,
    };
    let frame = FrameProperty::new()
        .h_anchor("page")
        .v_anchor("page")
        .x(mm_to_twips(position.x_mm))
        .y(mm_to_twips(position.y_mm))
        .width(u32::try_from(mm_to_twips(position.width_mm)).unwrap_or(0))
        .h_rule("auto")
        .wrap("around");
    let mut p = line(text, look, align);
    p.property = p.property.frame_property(frame);
    p
}

/// Word's half-points for a size in points (validated to 4–96 pt before).
fn half_points(pt: f64) -> usize {
    (pt * 2.0).round().clamp(1.0, 3276.0) as usize
}
