//! Page numbers: centred in the top margin from page 2 on, none on page 1 (the decree). The
//! section gets a different first-page header (`w:titlePg`) that is empty.

use docx_rs::{AlignmentType, Docx, FieldCharType, Header, InstrPAGE, InstrText};

use super::layout::PAGE_NUMBER_PT;
use super::text::{Look, line, paragraph, run};

/// `docx` with an empty first-page header and a centred `PAGE` field on the other pages.
pub(crate) fn with_page_numbers(docx: Docx) -> Docx {
    let look = Look::pt(PAGE_NUMBER_PT);
    // The field's cached result is "2", what a reader without field updates shows on page 2.
    let number = run("", look)
        .add_field_char(FieldCharType::Begin, false)
        .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
        .add_field_char(FieldCharType::Separate, false)
        .add_text("2")
        .add_field_char(FieldCharType::End, false);
    let numbered =
        Header::new().add_paragraph(paragraph(AlignmentType::Center, look).add_run(number));
    let first = Header::new().add_paragraph(line("", look, AlignmentType::Center));
    docx.header(numbered).first_header(first).title_pg()
}
