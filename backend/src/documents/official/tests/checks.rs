//! Checks every official document must pass, whatever its kind.

use super::docx_xml::{Node, Package, alignment, look, paragraph, run_with};
use crate::documents::official::layout::{
    A4_HEIGHT_MM, A4_WIDTH_MM, FONT, MARGIN_BOTTOM_MM, MARGIN_LEFT_MM, MARGIN_RIGHT_MM,
    MARGIN_TOP_MM, mm_to_twips,
};

/// A4 portrait, the margins of the layout constants, in twips.
pub fn assert_a4_portrait(package: &Package) {
    let document = package.document();
    let size = document.all("w:pgSz")[0];
    assert_eq!(size.attr("w:w"), Some("11906"));
    assert_eq!(size.attr("w:h"), Some("16838"));
    assert_eq!(
        size.attr("w:w"),
        Some(mm_to_twips(A4_WIDTH_MM).to_string().as_str())
    );
    assert_eq!(
        size.attr("w:h"),
        Some(mm_to_twips(A4_HEIGHT_MM).to_string().as_str())
    );
    assert_ne!(size.attr("w:orient"), Some("landscape"));
    let margins = document.all("w:pgMar")[0];
    for (attr, mm, twips) in [
        ("w:top", MARGIN_TOP_MM, "1134"),
        ("w:bottom", MARGIN_BOTTOM_MM, "1134"),
        ("w:left", MARGIN_LEFT_MM, "1701"),
        ("w:right", MARGIN_RIGHT_MM, "850"),
    ] {
        assert_eq!(margins.attr(attr), Some(twips), "{attr}");
        assert_eq!(
            margins.attr(attr),
            Some(mm_to_twips(mm).to_string().as_str()),
            "{attr}"
        );
    }
}

/// Times New Roman in the document defaults and on every run of the body and the headers, in
/// all four font slots; black text.
pub fn assert_times_new_roman(package: &Package) {
    let styles = package.xml("word/styles.xml");
    let defaults = styles.all("w:rPrDefault");
    assert_eq!(defaults.len(), 1, "document defaults");
    assert_all_slots(defaults[0].all("w:rFonts")[0]);

    let mut parts = vec![package.document()];
    for name in package
        .parts
        .keys()
        .filter(|n| n.starts_with("word/header"))
    {
        parts.push(package.xml(name));
    }
    for part in &parts {
        let runs = part.all("w:r");
        assert!(!runs.is_empty());
        for run in runs {
            let props = run
                .child("w:rPr")
                .unwrap_or_else(|| panic!("run without properties: {run:?}"));
            let fonts = props
                .child("w:rFonts")
                .unwrap_or_else(|| panic!("run without fonts: {run:?}"));
            assert_all_slots(fonts);
            assert_eq!(
                props.child("w:color").and_then(|c| c.attr("w:val")),
                Some("000000")
            );
        }
    }
}

fn assert_all_slots(fonts: &Node) {
    for slot in ["w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"] {
        assert_eq!(fonts.attr(slot), Some(FONT), "{slot} in {fonts:?}");
    }
}

/// The header block: quốc hiệu 13 bold, tiêu ngữ 14 bold with a rule under it, the agency lines,
/// the number (13) and the italic date line (14), all centred.
pub fn assert_header(
    document: &Node,
    governing_body: &str,
    issuer: &str,
    number_line: &str,
    date_line: &str,
) {
    let header_table = document.all("w:tbl")[0];
    let national = paragraph(header_table, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assert_eq!(
        look(run_with(national, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
        (13.0, true, false)
    );
    assert_eq!(alignment(national), Some("center"));
    let motto = paragraph(header_table, "Độc lập - Tự do - Hạnh phúc");
    assert_eq!(
        look(run_with(motto, "Độc lập - Tự do - Hạnh phúc")),
        (14.0, true, false)
    );

    // The rule under the tiêu ngữ: the next paragraph in the cell has a bottom border.
    let cell = header_table
        .all("w:tc")
        .into_iter()
        .find(|c| c.text_content().contains("Hạnh phúc"))
        .unwrap();
    let paragraphs: Vec<&Node> = cell.children.iter().filter(|c| c.name == "w:p").collect();
    let motto_index = paragraphs
        .iter()
        .position(|p| p.text_content() == "Độc lập - Tự do - Hạnh phúc")
        .unwrap();
    let rule = paragraphs[motto_index + 1];
    let border = rule
        .child("w:pPr")
        .and_then(|p| p.child("w:pBdr"))
        .and_then(|b| b.child("w:bottom"));
    assert_eq!(border.and_then(|b| b.attr("w:val")), Some("single"));

    if !governing_body.is_empty() {
        assert_eq!(
            look(run_with(header_table, governing_body)),
            (13.0, false, false)
        );
    }
    assert_eq!(look(run_with(header_table, issuer)), (13.0, true, false));
    let issuer_cell = header_table
        .all("w:tc")
        .into_iter()
        .find(|c| c.text_content().contains(issuer))
        .unwrap();
    assert!(
        issuer_cell
            .all("w:bottom")
            .iter()
            .any(|b| b.attr("w:val") == Some("single")),
        "rule under the issuer"
    );

    let number = paragraph(header_table, number_line);
    assert_eq!(look(run_with(number, number_line)), (13.0, false, false));
    assert_eq!(alignment(number), Some("center"));
    let date = paragraph(header_table, date_line);
    assert_eq!(look(run_with(date, date_line)), (14.0, false, true));
    assert_eq!(alignment(date), Some("center"));
    // No visible borders on the layout table.
    let borders = header_table
        .child("w:tblPr")
        .and_then(|p| p.child("w:tblBorders"))
        .unwrap();
    assert!(
        borders
            .children
            .iter()
            .all(|b| b.attr("w:val") == Some("nil")),
        "{borders:?}"
    );
}

/// Page numbers: a different first page whose header has no field, and a default header with
/// a centred PAGE field.
pub fn assert_page_numbers_from_page_two(package: &Package) {
    let document = package.document();
    let section = document.all("w:sectPr")[0];
    assert!(section.has_child("w:titlePg"), "a different first page");
    let first = package.header("first");
    assert!(
        first.all("w:instrText").is_empty(),
        "no page number on page 1"
    );
    assert!(first.all("w:fldSimple").is_empty());
    let default = package.header("default");
    let instructions: Vec<String> = default
        .all("w:instrText")
        .iter()
        .map(|i| i.text.trim().to_owned())
        .collect();
    assert_eq!(instructions, vec!["PAGE"]);
    assert_eq!(alignment(default.all("w:p")[0]), Some("center"));
    assert_eq!(look(default.all("w:r")[0]).0, 13.0);
}

/// The type name (14, bold, centred) and the trích yếu (bold, centred).
pub fn assert_title(document: &Node, title: &str, subject: &str) {
    let p = paragraph(document, title);
    assert_eq!(look(run_with(p, title)), (14.0, true, false));
    assert_eq!(alignment(p), Some("center"));
    let p = paragraph(document, subject);
    assert_eq!(look(run_with(p, subject)), (14.0, true, false));
    assert_eq!(alignment(p), Some("center"));
}

/// "Nơi nhận:" bold italic 12, the entries at 11 with a dash and a semicolon, the archive last.
pub fn assert_recipients(document: &Node, entries: &[&str]) {
    let heading = paragraph(document, "Nơi nhận:");
    assert_eq!(look(run_with(heading, "Nơi nhận:")), (12.0, true, true));
    let texts: Vec<String> = document
        .all("w:p")
        .iter()
        .map(|p| p.text_content())
        .collect();
    let start = texts.iter().position(|t| t == "Nơi nhận:").unwrap();
    let mut expected: Vec<String> = entries.iter().map(|e| format!("- {e};")).collect();
    expected.push("- Lưu: VT, VP.".to_owned());
    assert_eq!(
        &texts[start + 1..start + 1 + expected.len()],
        expected.as_slice()
    );
    for entry in &expected {
        assert_eq!(
            look(run_with(document, entry)),
            (11.0, false, false),
            "{entry}"
        );
    }
}

/// A body paragraph: 14 pt, justified, 1.27 cm (720 twips) first-line indent, 6 pt after,
/// line spacing between single and 1.5.
pub fn assert_body_paragraph(p: &Node) {
    assert_eq!(alignment(p), Some("both"));
    let props = p.child("w:pPr").unwrap();
    assert_eq!(
        props.child("w:ind").and_then(|i| i.attr("w:firstLine")),
        Some("720")
    );
    let spacing = props.child("w:spacing").unwrap();
    assert_eq!(spacing.attr("w:after"), Some("120"));
    let line: i32 = spacing.attr("w:line").unwrap().parse().unwrap();
    assert!((240..=360).contains(&line));
    assert_eq!(spacing.attr("w:lineRule"), Some("auto"));
    for run in p.all("w:r") {
        assert_eq!(look(run).0, 14.0);
    }
}

/// The signing block: each line bold 14, centred, in order, with the name last.
pub fn assert_signature(document: &Node, lines: &[&str]) {
    for line in lines {
        let p = paragraph(document, line);
        assert_eq!(look(run_with(p, line)), (14.0, true, false), "{line}");
        assert_eq!(alignment(p), Some("center"));
    }
}
