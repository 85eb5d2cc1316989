use super::checks::*;
use super::docx_xml::{Node, Package, alignment, look, paragraph, run_with, table_rows};
use super::fixtures::decision;
use crate::documents::official::{quyet_dinh_khen_thuong, render};

fn rendered() -> (Package, Node) {
    let bytes = render(&quyet_dinh_khen_thuong(&decision())).unwrap();
    let package = Package::open(&bytes);
    let document = package.document();
    (package, document)
}

#[test]
fn the_decision_is_an_a4_page_in_times_new_roman_numbered_from_page_two() {
    let (package, _) = rendered();
    assert_a4_portrait(&package);
    assert_times_new_roman(&package);
    assert_page_numbers_from_page_two(&package);
}

#[test]
fn the_decision_has_the_decree_s_header_title_and_issuer_line() {
    let (_, document) = rendered();
    assert_header(
        &document,
        "UBND TỈNH ĐỒNG THÁP",
        "SỞ TƯ PHÁP",
        "Số: 05/QĐ-STP",
        "Đồng Tháp, ngày 05 tháng 01 năm 2026",
    );
    assert_title(
        &document,
        "QUYẾT ĐỊNH",
        "Về việc tặng Giấy khen cho tập thể, cá nhân đã có thành tích xuất sắc trong thực hiện \
         nhiệm vụ năm 2025",
    );
    let issuer = paragraph(&document, "GIÁM ĐỐC SỞ TƯ PHÁP TỈNH ĐỒNG THÁP");
    assert_eq!(
        look(run_with(issuer, "GIÁM ĐỐC SỞ TƯ PHÁP TỈNH ĐỒNG THÁP")),
        (14.0, true, false)
    );
    assert_eq!(alignment(issuer), Some("center"));
}

#[test]
fn the_grounds_are_italic_and_end_with_semicolons_then_the_proposal() {
    let (_, document) = rendered();
    let law = "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;";
    let p = paragraph(&document, law);
    assert_body_paragraph(p);
    assert_eq!(look(run_with(p, law)), (14.0, false, true));
    assert!(document.all("w:p").iter().any(|p| {
        p.text_content()
            .starts_with("Căn cứ Nghị định số 152/2025/NĐ-CP")
            && p.text_content().ends_with("Luật Thi đua, khen thưởng;")
    }));
    paragraph(&document, "Theo đề nghị của Chánh Văn phòng Sở.");
    let decides = paragraph(&document, "QUYẾT ĐỊNH:");
    assert_eq!(look(run_with(decides, "QUYẾT ĐỊNH:")), (14.0, true, false));
}

#[test]
fn articles_start_with_a_bold_label_and_state_the_award_and_the_money() {
    let (_, document) = rendered();
    let articles: Vec<&Node> = document
        .all("w:p")
        .into_iter()
        .filter(|p| p.text_content().starts_with("Điều "))
        .collect();
    assert_eq!(articles.len(), 3);
    for (index, article) in articles.iter().enumerate() {
        let label = format!("Điều {}.", index + 1);
        assert_eq!(
            look(run_with(article, &label)),
            (14.0, true, false),
            "{label}"
        );
        let rest: Vec<&Node> = article.all("w:r").into_iter().skip(1).collect();
        assert!(rest.iter().all(|r| !look(r).1), "only the label is bold");
        assert_body_paragraph(article);
    }
    assert_eq!(
        articles[0].text_content(),
        "Điều 1. Tặng Giấy khen của Giám đốc Sở Tư pháp cho 01 tập thể và 02 cá nhân (có danh \
         sách kèm theo) đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025."
    );
    let money = articles[1].text_content();
    assert!(
        money.contains("tổng số tiền thưởng là 2.340.000 đồng (Bằng chữ: Hai triệu ba trăm bốn mươi nghìn đồng)"),
        "{money}"
    );
    assert!(
        money.ends_with("Quỹ thi đua, khen thưởng của Sở Tư pháp."),
        "{money}"
    );
    let execution = articles[2].text_content();
    assert!(execution.starts_with("Điều 3. Quyết định này có hiệu lực kể từ ngày ký."));
    assert!(
        execution.ends_with("chịu trách nhiệm thi hành Quyết định này./."),
        "{execution}"
    );
}

#[test]
fn the_signature_is_at_the_right_and_the_recipients_at_the_left() {
    let (_, document) = rendered();
    assert_signature(
        &document,
        &["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Tấn Phong"],
    );
    assert_recipients(
        &document,
        &[
            "Như Điều 3",
            "Ban Giám đốc Sở",
            "Trang thông tin điện tử Sở",
        ],
    );
    // One borderless row: nơi nhận in the left cell, signature in the right one.
    let closing = document
        .all("w:tbl")
        .into_iter()
        .find(|t| t.text_content().contains("Nơi nhận:"))
        .unwrap();
    let rows = table_rows(closing);
    assert_eq!(rows.len(), 1);
    assert!(rows[0][0].starts_with("Nơi nhận:"));
    assert!(rows[0][1].starts_with("KT. GIÁM ĐỐCPHÓ GIÁM ĐỐC"));
    assert!(
        closing.all("w:cantSplit").len() == 1,
        "the block stays on one page"
    );
    // The signature's space: an exact-height empty line between the title and the name.
    let cell = closing.all("w:tc")[1];
    let spaces: Vec<&Node> = cell
        .all("w:spacing")
        .into_iter()
        .filter(|s| s.attr("w:lineRule") == Some("exact"))
        .collect();
    assert_eq!(spaces.len(), 1);
    assert!(spaces[0].attr("w:line").unwrap().parse::<i32>().unwrap() > 1000);
}

#[test]
fn the_annex_lists_the_awardees_on_a_new_page_with_a_repeated_header_row() {
    let (_, document) = rendered();
    let title = paragraph(&document, "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN");
    assert!(title.child("w:pPr").unwrap().has_child("w:pageBreakBefore"));
    assert_eq!(
        look(run_with(
            title,
            "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN"
        )),
        (14.0, true, false)
    );
    let caption =
        "(Kèm theo Quyết định số 05/QĐ-STP ngày 05 tháng 01 năm 2026 của Giám đốc Sở Tư pháp)";
    assert_eq!(
        look(run_with(paragraph(&document, caption), caption)),
        (14.0, false, true)
    );

    let table = document
        .all("w:tbl")
        .into_iter()
        .find(|t| t.text_content().contains("Thành tích"))
        .unwrap();
    let rows = table_rows(table);
    assert_eq!(
        rows[0],
        [
            "STT",
            "Họ và tên / Tên tập thể",
            "Chức vụ, đơn vị",
            "Thành tích",
            "Số tiền thưởng (đồng)"
        ]
    );
    assert_eq!(rows[1], ["I. TẬP THỂ"]);
    assert_eq!(
        rows[2],
        [
            "1",
            "Phòng Hành chính tư pháp",
            "Sở Tư pháp",
            "Dẫn đầu phong trào thi đua chuyển đổi số năm 2025",
            "1.404.000"
        ]
    );
    assert_eq!(rows[3], ["II. CÁ NHÂN"]);
    assert_eq!(
        rows[4],
        [
            "1",
            "Bà Phạm Thị Thảo",
            "Trợ giúp viên pháp lý, Trung tâm Trợ giúp pháp lý nhà nước tỉnh Đồng Tháp",
            "Hoàn thành xuất sắc nhiệm vụ năm 2025",
            "468.000"
        ]
    );
    assert_eq!(rows[5][0], "2");
    assert_eq!(rows[6], ["Tổng cộng", "2.340.000"]);
    assert_eq!(rows.len(), 7);

    let trs: Vec<&Node> = table.children.iter().filter(|c| c.name == "w:tr").collect();
    // The header row repeats on each page and is bold; no other row repeats.
    assert!(trs[0].child("w:trPr").unwrap().has_child("w:tblHeader"));
    assert!(trs[1..].iter().all(|r| r.all("w:tblHeader").is_empty()));
    assert!(trs[0].all("w:r").iter().all(|r| look(r).1));
    // The group row spans the five columns; the totals label spans four.
    assert_eq!(trs[1].all("w:gridSpan")[0].attr("w:val"), Some("5"));
    assert_eq!(trs[6].all("w:gridSpan")[0].attr("w:val"), Some("4"));
    // Amounts are right-aligned, the total bold.
    let amount = trs[2].all("w:tc")[4].all("w:p")[0];
    assert_eq!(alignment(amount), Some("right"));
    let total = run_with(trs[6], "2.340.000");
    assert!(look(total).1);
    // Borders on every side and between cells.
    let borders = table
        .child("w:tblPr")
        .unwrap()
        .child("w:tblBorders")
        .unwrap();
    for side in [
        "w:top",
        "w:left",
        "w:bottom",
        "w:right",
        "w:insideH",
        "w:insideV",
    ] {
        assert_eq!(
            borders.child(side).and_then(|b| b.attr("w:val")),
            Some("single"),
            "{side}"
        );
    }
    // The grid adds up to the width between the margins.
    let grid: i32 = table
        .all("w:gridCol")
        .iter()
        .map(|c| c.attr("w:w").unwrap().parse::<i32>().unwrap())
        .sum();
    assert_eq!(grid, crate::documents::official::layout::text_width_twips());
}

#[test]
fn an_unnumbered_undated_draft_leaves_the_blanks_for_the_clerk() {
    let mut input = decision();
    input.number = None;
    input.date = None;
    let package = Package::open(&render(&quyet_dinh_khen_thuong(&input)).unwrap());
    let document = package.document();
    paragraph(&document, "Số:      /QĐ-STP");
    paragraph(&document, "Đồng Tháp, ngày       tháng       năm 20..");
    paragraph(
        &document,
        "(Kèm theo Quyết định số      /QĐ-STP ngày       tháng       năm 20.. của Giám đốc Sở Tư pháp)",
    );
}
