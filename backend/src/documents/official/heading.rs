//! The top of the first page: the two-column header (agency and number at the left, quốc hiệu,
//! tiêu ngữ and date at the right), then the type name, the trích yếu, the issuer line of a
//! quyết định and the "Kính gửi" of a tờ trình.

use docx_rs::{
    AlignmentType, BorderType, LineSpacing, LineSpacingType, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Table, TableCell, TableCellMargins, TableLayoutType,
    TableRow, VAlignType, WidthType,
};

use super::layout::{
    AGENCY_PT, COLOR, DATE_PT, MOTTO_PT, NATIONAL_NAME_PT, NUMBER_PT, TITLE_PT, mm_to_twips,
};
use super::measure::text_width_twips;
use super::model::OfficialDocument;
use super::text::{Look, line, paragraph, spacing};

pub(crate) const NATIONAL_NAME: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub(crate) const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";

/// Widths of the header's columns, in twips: 6.3 cm and 10.2 cm, filling the 16.5 cm between
/// the margins. The right one holds the quốc hiệu (about 9.6 cm at 13 pt bold) on one line.
const LEFT_COLUMN: i32 = 3572;
const RIGHT_COLUMN: i32 = 5783;
/// Cell padding left and right (1 mm), so the quốc hiệu fits the right column.
const CELL_PADDING: i32 = 57;

/// The header table, and the centred blocks under it.
pub(crate) fn heading(doc: &OfficialDocument) -> (Table, Vec<docx_rs::Paragraph>) {
    (header_table(doc), title_block(doc))
}

/// The two-column borderless table: agency over number at the left, quốc hiệu and tiêu ngữ
/// over the date at the right. The number and the date share a row so they line up.
fn header_table(doc: &OfficialDocument) -> Table {
    let agency = Look::pt(AGENCY_PT);
    let mut left = Vec::new();
    if !doc.governing_body.trim().is_empty() {
        left.push(line(
            &doc.governing_body.to_uppercase(),
            agency,
            AlignmentType::Center,
        ));
    }
    let issuer = doc.issuer.to_uppercase();
    left.push(line(&issuer, agency.bold(), AlignmentType::Center));
    // The decree: a rule of a third to a half of the issuer's name.
    let issuer_width = text_width_twips(&issuer, AGENCY_PT, true);
    left.push(rule(issuer_width * 2 / 5, LEFT_COLUMN - 2 * CELL_PADDING));

    let right = vec![
        line(
            NATIONAL_NAME,
            Look::pt(NATIONAL_NAME_PT).bold(),
            AlignmentType::Center,
        ),
        line(MOTTO, Look::pt(MOTTO_PT).bold(), AlignmentType::Center),
        // The decree: a rule as long as the tiêu ngữ.
        rule(
            text_width_twips(MOTTO, MOTTO_PT, true),
            RIGHT_COLUMN - 2 * CELL_PADDING,
        ),
    ];

    let number = line(
        &doc.number_line(),
        Look::pt(NUMBER_PT),
        AlignmentType::Center,
    )
    .line_spacing(spacing(6, 0, 240));
    let date = line(
        &doc.date_line(),
        Look::pt(DATE_PT).italic(),
        AlignmentType::Center,
    )
    .line_spacing(spacing(6, 0, 240));

    two_columns(
        vec![(left, right), (vec![number], vec![date])],
        LEFT_COLUMN,
        RIGHT_COLUMN,
    )
}

/// A borderless fixed-width table of two columns, one table row per pair of paragraph lists.
pub(crate) fn two_columns(
    rows: Vec<(Vec<docx_rs::Paragraph>, Vec<docx_rs::Paragraph>)>,
    left_width: i32,
    right_width: i32,
) -> Table {
    let cell = |paragraphs: Vec<docx_rs::Paragraph>, width: i32| {
        paragraphs
            .into_iter()
            .fold(TableCell::new(), TableCell::add_paragraph)
            .width(twips(width), WidthType::Dxa)
            .vertical_align(VAlignType::Top)
    };
    let rows = rows
        .into_iter()
        .map(|(l, r)| TableRow::new(vec![cell(l, left_width), cell(r, right_width)]).cant_split())
        .collect();
    Table::new(rows)
        .clear_all_border()
        .set_grid(vec![twips(left_width), twips(right_width)])
        .width(twips(left_width + right_width), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(
            TableCellMargins::new()
                .margin_left(twips(CELL_PADDING), WidthType::Dxa)
                .margin_right(twips(CELL_PADDING), WidthType::Dxa),
        )
}

/// A centred horizontal rule `width` twips long inside a space `available` twips wide: an empty
/// paragraph with a bottom border, narrowed by equal indents.
pub(crate) fn rule(width: i32, available: i32) -> docx_rs::Paragraph {
    let width = width.clamp(mm_to_twips(10.0), available.max(0));
    let indent = ((available - width) / 2).max(0);
    let mut p = paragraph(AlignmentType::Center, Look::pt(1))
        .indent(Some(indent), None, Some(indent), None)
        // An exact 3 pt line keeps the empty paragraph thin.
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(0)
                .line(60)
                .line_rule(LineSpacingType::Exact),
        );
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(6)
                .space(1)
                .color(COLOR),
        ),
    );
    p
}

/// Type name, trích yếu with its rule, then the issuer line and the addressees.
fn title_block(doc: &OfficialDocument) -> Vec<docx_rs::Paragraph> {
    let title = Look::pt(TITLE_PT).bold();
    let text_width = super::layout::text_width_twips();
    let mut out = vec![
        line(doc.kind.title(), title, AlignmentType::Center).line_spacing(spacing(18, 0, 240)),
    ];
    let subject = doc.subject.trim();
    if !subject.is_empty() {
        out.push(line(subject, title, AlignmentType::Center));
        // A short rule: a third of the trích yếu's length, at most a third of the text width.
        let subject_width = text_width_twips(subject, TITLE_PT, true).min(text_width);
        out.push(rule(subject_width / 3, text_width));
    }
    if let Some(issuer_line) = doc.issuer_line.as_deref().filter(|s| !s.trim().is_empty()) {
        out.push(
            line(&issuer_line.to_uppercase(), title, AlignmentType::Center)
                .line_spacing(spacing(12, 6, 240)),
        );
    }
    let addressees: Vec<&str> = doc
        .addressees
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
        .collect();
    let body = Look::pt(super::layout::BODY_PT);
    match addressees.as_slice() {
        [] => {}
        [one] => out.push(
            line(&format!("Kính gửi: {one}"), body, AlignmentType::Center)
                .line_spacing(spacing(12, 6, 240)),
        ),
        many => {
            let indent = mm_to_twips(35.0);
            out.push(
                line("Kính gửi:", body, AlignmentType::Left)
                    .indent(Some(indent), None, None, None)
                    .line_spacing(spacing(12, 0, 240)),
            );
            for (i, addressee) in many.iter().enumerate() {
                let end = if i + 1 == many.len() { "." } else { ";" };
                out.push(
                    line(&format!("- {addressee}{end}"), body, AlignmentType::Left).indent(
                        Some(indent + mm_to_twips(20.0)),
                        None,
                        None,
                        None,
                    ),
                );
            }
        }
    }
    out
}

/// docx-rs wants widths as `usize`; all ours are positive.
pub(crate) fn twips(value: i32) -> usize {
    usize::try_from(value).unwrap_or(0)
}
