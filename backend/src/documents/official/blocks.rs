//! Body blocks in the decree's body style: 14 pt, justified, a 1.27 cm first-line indent, 6 pt
//! after each paragraph, 1.15 line spacing; "Điều 1." in bold; dashes for lists.

use docx_rs::{AlignmentType, BreakType, Docx, Run, SpecialIndentType};

use super::error::DocumentError;
use super::layout::{BODY_LINE, BODY_PT, FIRST_LINE_INDENT_MM, PARAGRAPH_AFTER_PT, mm_to_twips};
use super::model::{Align, Block, Paragraph, Span};
use super::table::data_table;
use super::text::{Look, alignment, paragraph, spacing, span_runs};

/// What goes into the document's body, in order.
pub(crate) enum Element {
    // Boxed: docx-rs paragraphs and tables are large (kilobytes) and of very different sizes.
    Paragraph(Box<docx_rs::Paragraph>),
    Table(Box<docx_rs::Table>),
}

impl Element {
    pub(crate) fn paragraph(p: docx_rs::Paragraph) -> Self {
        Self::Paragraph(Box::new(p))
    }

    pub(crate) fn table(t: docx_rs::Table) -> Self {
        Self::Table(Box::new(t))
    }

    pub(crate) fn add_to(self, docx: Docx) -> Docx {
        match self {
            Self::Paragraph(p) => docx.add_paragraph(*p),
            Self::Table(t) => docx.add_table(*t),
        }
    }
}

/// The elements of `blocks`, in order.
pub(crate) fn blocks(blocks: &[Block]) -> Result<Vec<Element>, DocumentError> {
    blocks.iter().map(block).collect()
}

fn block(block: &Block) -> Result<Element, DocumentError> {
    let body = Look::pt(BODY_PT);
    Ok(match block {
        Block::Paragraph(p) => Element::paragraph(body_paragraph(p)),
        Block::Heading(text) => Element::paragraph(indented(&[Span::bold(text.as_str())], body)),
        Block::Article { number, spans } => {
            let mut all = vec![Span::bold(format!("Điều {number}.")), Span::plain(" ")];
            all.extend(spans.iter().cloned());
            Element::paragraph(indented(&all, body))
        }
        Block::Bullet(spans) => {
            let mut all = vec![Span::plain("- ")];
            all.extend(spans.iter().cloned());
            Element::paragraph(indented(&all, body))
        }
        Block::Table(table) => Element::table(data_table(table)?),
        Block::PageBreak => Element::paragraph(
            paragraph(AlignmentType::Left, body).add_run(Run::new().add_break(BreakType::Page)),
        ),
    })
}

/// A body paragraph: justified (or as asked), indented unless told not to.
fn body_paragraph(p: &Paragraph) -> docx_rs::Paragraph {
    let look = Look::pt(BODY_PT);
    let mut out = styled(alignment(p.align), look);
    if p.first_line_indent && p.align != Align::Center {
        out = out.indent(
            None,
            Some(SpecialIndentType::FirstLine(first_line())),
            None,
            None,
        );
    }
    span_runs(&p.spans, look)
        .into_iter()
        .fold(out, docx_rs::Paragraph::add_run)
}

/// A justified paragraph with the first-line indent.
fn indented(spans: &[Span], look: Look) -> docx_rs::Paragraph {
    span_runs(spans, look).into_iter().fold(
        styled(AlignmentType::Both, look).indent(
            None,
            Some(SpecialIndentType::FirstLine(first_line())),
            None,
            None,
        ),
        docx_rs::Paragraph::add_run,
    )
}

/// An empty body paragraph: aligned, with the body's spacing.
pub(crate) fn styled(align: AlignmentType, look: Look) -> docx_rs::Paragraph {
    paragraph(align, look).line_spacing(spacing(0, PARAGRAPH_AFTER_PT, BODY_LINE))
}

fn first_line() -> i32 {
    mm_to_twips(FIRST_LINE_INDENT_MM)
}
