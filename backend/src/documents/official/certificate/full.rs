//! A Giấy khen printed whole on plain A4 landscape paper: every line centred, the decision
//! number at the bottom left and the date and signing block at the bottom right.

use docx_rs::{AlignmentType, Docx};

use super::giay_khen::GiayKhen;
use super::layout::CertificateField as F;
use crate::documents::official::closing::signature_block;
use crate::documents::official::heading::{MOTTO, NATIONAL_NAME, rule, two_columns};
use crate::documents::official::layout::{
    CERTIFICATE_MARGIN_BOTTOM_MM, CERTIFICATE_MARGIN_SIDE_MM, CERTIFICATE_MARGIN_TOP_MM, DATE_PT,
    NUMBER_PT, mm_to_twips,
};
use crate::documents::official::measure::text_width_twips;
use crate::documents::official::render::{PageSetup, end_paragraph};
use crate::documents::official::text::{Look, line, spacing};

const NATIONAL_NAME_PT: u8 = 14;
const MOTTO_PT: u8 = 15;
const ISSUER_PT: u8 = 16;
const AWARD_PT: u8 = 16;
const GIAY_KHEN_PT: u8 = 40;
const RECIPIENT_PT: u8 = 24;
const DETAIL_PT: u8 = 15;
const ACHIEVEMENT_PT: u8 = 16;

pub(crate) fn page() -> PageSetup {
    PageSetup {
        width_mm: 297.0,
        height_mm: 210.0,
        top_mm: CERTIFICATE_MARGIN_TOP_MM,
        bottom_mm: CERTIFICATE_MARGIN_BOTTOM_MM,
        left_mm: CERTIFICATE_MARGIN_SIDE_MM,
        right_mm: CERTIFICATE_MARGIN_SIDE_MM,
    }
}

pub(crate) fn build(cert: &GiayKhen) -> Docx {
    let page = page();
    let width = mm_to_twips(page.width_mm - page.left_mm - page.right_mm);
    let center = AlignmentType::Center;
    let mut top = vec![
        line(NATIONAL_NAME, Look::pt(NATIONAL_NAME_PT).bold(), center),
        line(MOTTO, Look::pt(MOTTO_PT).bold(), center),
        rule(text_width_twips(MOTTO, MOTTO_PT, true), width),
        line(
            &cert.field_text(F::IssuerTitle),
            Look::pt(ISSUER_PT).bold(),
            center,
        )
        .line_spacing(spacing(18, 0, 240)),
        line("TẶNG", Look::pt(AWARD_PT).bold(), center).line_spacing(spacing(12, 0, 240)),
        line("GIẤY KHEN", Look::pt(GIAY_KHEN_PT).bold(), center).line_spacing(spacing(0, 6, 240)),
        line(
            &cert.field_text(F::RecipientName),
            Look::pt(RECIPIENT_PT).bold(),
            center,
        ),
    ];
    for field in [F::Position, F::UnitName] {
        let text = cert.field_text(field);
        if !text.is_empty() {
            top.push(line(&text, Look::pt(DETAIL_PT), center).line_spacing(spacing(3, 0, 240)));
        }
    }
    top.push(
        line(
            &cert.field_text(F::Achievement),
            Look::pt(ACHIEVEMENT_PT).italic(),
            center,
        )
        .line_spacing(spacing(9, 0, 276)),
    );

    let mut left = vec![
        line(
            &cert.field_text(F::DecisionNumber),
            Look::pt(NUMBER_PT),
            center,
        )
        .line_spacing(spacing(12, 0, 240)),
    ];
    let register = cert.field_text(F::RegisterNumber);
    if !register.is_empty() {
        left.push(line(
            &format!("Số vào sổ: {register}"),
            Look::pt(NUMBER_PT),
            center,
        ));
    }
    let mut right = vec![
        line(
            &cert.field_text(F::DateLine),
            Look::pt(DATE_PT).italic(),
            center,
        )
        .line_spacing(spacing(12, 0, 240)),
    ];
    right.extend(signature_block(&cert.signature));

    let left_width = width * 2 / 5;
    let bottom = two_columns(vec![(left, right)], left_width, width - left_width);
    top.into_iter()
        .fold(page.document(), Docx::add_paragraph)
        .add_table(bottom)
        .add_paragraph(end_paragraph())
}
