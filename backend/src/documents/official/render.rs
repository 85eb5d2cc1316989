//! An [`OfficialDocument`] as the bytes of a `.docx`: the page set-up, then the heading, the
//! body, the closing and the annexes, in that order.

use docx_rs::{AlignmentType, Docx, LineSpacing, LineSpacingType, PageMargin, PageOrientationType};

use super::blocks::{Element, blocks};
use super::closing::closing;
use super::error::DocumentError;
use super::heading::{heading, rule};
use super::layout::{
    A4_HEIGHT_MM, A4_WIDTH_MM, BODY_PT, FOOTER_DISTANCE_MM, HEADER_DISTANCE_MM, MARGIN_BOTTOM_MM,
    MARGIN_LEFT_MM, MARGIN_RIGHT_MM, MARGIN_TOP_MM, TITLE_PT, half_points, mm_to_twips,
    text_width_twips,
};
use super::model::{Annex, Block, OfficialDocument};
use super::package::render_isolated;
use super::page_header::with_page_numbers;
use super::text::{Look, fonts, line, paragraph, spacing};

/// Writes `doc` as a `.docx`. Fails only on malformed tables (see [`DocumentError`]); text of
/// any length is laid out over as many pages as it needs. This is blocking CPU work
/// (milliseconds for a decision, longer for lists of thousands of rows): call it from
/// `web::block` in a handler.
pub fn render(doc: &OfficialDocument) -> Result<Vec<u8>, DocumentError> {
    render_isolated(|| build(doc))
}

fn build(doc: &OfficialDocument) -> Result<(Docx, usize), DocumentError> {
    let mut elements = Vec::new();
    let (header, title) = heading(doc);
    elements.push(Element::table(header));
    elements.extend(title.into_iter().map(Element::paragraph));
    elements.extend(blocks(&doc.body)?);
    elements.extend(closing(doc));
    for annex in &doc.annexes {
        elements.extend(annex_elements(annex)?);
    }
    if matches!(elements.last(), Some(Element::Table(_))) {
        elements.push(Element::paragraph(end_paragraph()));
    }
    let docx = elements
        .into_iter()
        .fold(PageSetup::portrait().document(), |d, e| e.add_to(d));
    let tables = doc
        .body
        .iter()
        .chain(doc.annexes.iter().flat_map(|a| a.body.iter()))
        .filter(|b| matches!(b, Block::Table(_)))
        .count();
    Ok((with_page_numbers(docx), tables))
}

/// A 1 pt empty paragraph. Word expects a paragraph between a table and the end of a section.
pub(crate) fn end_paragraph() -> docx_rs::Paragraph {
    paragraph(AlignmentType::Left, Look::pt(1)).line_spacing(
        LineSpacing::new()
            .line(20)
            .line_rule(LineSpacingType::Exact)
            .after(0),
    )
}

/// A new page, the optional label ("PHỤ LỤC I"), the title, the italic caption, a short rule,
/// then the annex's blocks.
fn annex_elements(annex: &Annex) -> Result<Vec<Element>, DocumentError> {
    let title = Look::pt(TITLE_PT).bold();
    let mut heading = Vec::new();
    if let Some(label) = annex.label.as_deref().filter(|l| !l.trim().is_empty()) {
        heading.push(line(
            &label.trim().to_uppercase(),
            title,
            AlignmentType::Center,
        ));
    }
    heading.push(line(annex.title.trim(), title, AlignmentType::Center));
    if let Some(caption) = annex.caption.as_deref().filter(|c| !c.trim().is_empty()) {
        heading.push(line(
            caption.trim(),
            Look::pt(BODY_PT).italic(),
            AlignmentType::Center,
        ));
    }
    heading.push(rule(text_width_twips() / 5, text_width_twips()));
    let mut out: Vec<Element> = heading
        .into_iter()
        .enumerate()
        .map(|(i, p)| Element::paragraph(if i == 0 { p.page_break_before(true) } else { p }))
        .collect();
    // Space between the rule and what follows.
    out.push(Element::paragraph(
        paragraph(AlignmentType::Left, Look::pt(BODY_PT)).line_spacing(spacing(0, 0, 240)),
    ));
    out.extend(blocks(&annex.body)?);
    Ok(out)
}

/// Size, orientation and margins of a section, in millimetres.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PageSetup {
    pub width_mm: f64,
    pub height_mm: f64,
    pub top_mm: f64,
    pub bottom_mm: f64,
    pub left_mm: f64,
    pub right_mm: f64,
}

impl PageSetup {
    /// A4 portrait with the decree's margins.
    pub(crate) fn portrait() -> Self {
        Self {
            width_mm: A4_WIDTH_MM,
            height_mm: A4_HEIGHT_MM,
            top_mm: MARGIN_TOP_MM,
            bottom_mm: MARGIN_BOTTOM_MM,
            left_mm: MARGIN_LEFT_MM,
            right_mm: MARGIN_RIGHT_MM,
        }
    }

    /// An empty document on this page, with Times New Roman 14 as the default of every run.
    pub(crate) fn document(self) -> Docx {
        let landscape = self.width_mm > self.height_mm;
        let twips_u32 = |mm: f64| u32::try_from(mm_to_twips(mm)).unwrap_or(0);
        Docx::new()
            .page_size(twips_u32(self.width_mm), twips_u32(self.height_mm))
            .page_orient(if landscape {
                PageOrientationType::Landscape
            } else {
                PageOrientationType::Portrait
            })
            .page_margin(PageMargin {
                top: mm_to_twips(self.top_mm),
                bottom: mm_to_twips(self.bottom_mm),
                left: mm_to_twips(self.left_mm),
                right: mm_to_twips(self.right_mm),
                header: mm_to_twips(HEADER_DISTANCE_MM),
                footer: mm_to_twips(FOOTER_DISTANCE_MM),
                gutter: 0,
            })
            .default_fonts(fonts())
            .default_size(half_points(BODY_PT))
    }
}
