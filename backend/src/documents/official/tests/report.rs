//! A document built by hand from blocks, as the reporting module will: a báo cáo with a
//! table, and the ways a hand-built table can be wrong.

use super::checks::*;
use super::docx_xml::{Package, alignment, look, paragraph, run_with, table_rows};
use crate::documents::official::{
    Agency, Block, Column, DataTable, DocumentError, DocumentKind, OfficialDocument, Recipients,
    Row, Signature, Span, TotalsRow, render,
};

fn report(table: DataTable) -> OfficialDocument {
    let mut doc = OfficialDocument::new(
        &Agency::so_tu_phap_dong_thap(),
        DocumentKind::BaoCao,
        "Kết quả phát hiện điển hình tiên tiến năm 2026",
    );
    doc.number = Some(212);
    doc.date = chrono::NaiveDate::from_ymd_opt(2026, 10, 30);
    doc.body = vec![
        Block::heading("I. KẾT QUẢ"),
        Block::rich(vec![
            Span::plain("Các đơn vị đã phát hiện "),
            Span::bold("48"),
            Span::plain(" điển hình, "),
            Span::italic("trong đó 12 tập thể"),
            Span::plain("."),
        ]),
        Block::bullet("Văn phòng Sở: 6 điển hình."),
        Block::Table(table),
    ];
    doc.signature = Some(Signature::new("Giám đốc", "Nguyễn Văn An").note("(Đã ký)"));
    doc.recipients = Some(Recipients::new(["Sở Nội vụ", "Bộ Tư pháp"]));
    doc
}

fn units_table(rows: usize) -> DataTable {
    let mut table = DataTable::new(vec![
        Column::text("Đơn vị", 3),
        Column::number("Số điển hình", 1),
    ]);
    table.rows = (0..rows)
        .map(|i| Row::Cells(vec![format!("Đơn vị {i}"), i.to_string()]))
        .collect();
    table.totals = Some(TotalsRow {
        label: "Tổng cộng".into(),
        label_span: 1,
        cells: vec!["48".into()],
    });
    table
}

#[test]
fn a_report_built_from_blocks_follows_the_decree() {
    let package = Package::open(&render(&report(units_table(200))).unwrap());
    assert_a4_portrait(&package);
    assert_times_new_roman(&package);
    assert_page_numbers_from_page_two(&package);
    let document = package.document();
    assert_header(
        &document,
        "UBND TỈNH ĐỒNG THÁP",
        "SỞ TƯ PHÁP",
        "Số: 212/BC-STP",
        "Đồng Tháp, ngày 30 tháng 10 năm 2026",
    );
    assert_title(
        &document,
        "BÁO CÁO",
        "Kết quả phát hiện điển hình tiên tiến năm 2026",
    );

    let heading = paragraph(&document, "I. KẾT QUẢ");
    assert_body_paragraph(heading);
    assert!(look(run_with(heading, "I. KẾT QUẢ")).1);
    let rich = paragraph(
        &document,
        "Các đơn vị đã phát hiện 48 điển hình, trong đó 12 tập thể.",
    );
    assert_body_paragraph(rich);
    assert_eq!(look(run_with(rich, "48")), (14.0, true, false));
    assert_eq!(
        look(run_with(rich, "trong đó 12 tập thể")),
        (14.0, false, true)
    );
    assert_body_paragraph(paragraph(&document, "- Văn phòng Sở: 6 điển hình."));

    assert_signature(&document, &["GIÁM ĐỐC", "Nguyễn Văn An"]);
    assert_eq!(look(run_with(&document, "(Đã ký)")), (14.0, false, true));
    assert_recipients(&document, &["Sở Nội vụ", "Bộ Tư pháp"]);

    let tables = document.all("w:tbl");
    let table = tables
        .iter()
        .find(|t| t.text_content().contains("Số điển hình"))
        .unwrap();
    assert_eq!(table.all("w:tblHeader").len(), 1);
    let rows = table_rows(table);
    assert_eq!(rows.len(), 1 + 200 + 1);
    assert_eq!(rows[0], ["Đơn vị", "Số điển hình"]);
    assert_eq!(rows[201], ["Tổng cộng", "48"]);
    let number = table
        .all("w:p")
        .into_iter()
        .find(|p| p.text_content() == "199")
        .unwrap();
    assert_eq!(alignment(number), Some("right"));
    // The body's last element before the section properties is a paragraph.
    let body = document.all("w:body")[0];
    let last = body
        .children
        .iter()
        .rev()
        .find(|c| c.name != "w:sectPr")
        .unwrap();
    assert_eq!(last.name, "w:p");
}

#[test]
fn a_bare_document_without_body_signature_or_recipients_still_renders() {
    let doc = OfficialDocument::new(&Agency::so_tu_phap_dong_thap(), DocumentKind::ThongBao, "");
    let document = Package::open(&render(&doc).unwrap()).document();
    paragraph(&document, "THÔNG BÁO");
    paragraph(&document, "Số:      /TB-STP");
    assert_eq!(document.all("w:tbl").len(), 1, "only the header table");
}

#[test]
fn malformed_tables_are_refused_with_the_reason() {
    let mut table = units_table(1);
    table
        .rows
        .push(Row::Cells(vec!["Phòng Hành chính tư pháp".into()]));
    assert!(matches!(
        render(&report(table)),
        Err(DocumentError::RowWidth {
            row: 2,
            expected: 2,
            found: 1
        })
    ));

    let mut table = units_table(1);
    table.totals = Some(TotalsRow {
        label: "Tổng cộng".into(),
        label_span: 1,
        cells: vec!["4".into(), "x".into()],
    });
    assert!(matches!(
        render(&report(table)),
        Err(DocumentError::TotalsWidth {
            expected: 2,
            found: 3
        })
    ));

    assert!(matches!(
        render(&report(DataTable::new(Vec::new()))),
        Err(DocumentError::TableWithoutColumns)
    ));
}
