use super::checks::*;
use super::docx_xml::{Package, alignment, paragraph, table_rows};
use super::fixtures::proposal;
use crate::documents::official::{render, to_trinh};

#[test]
fn the_proposal_addresses_the_director_and_annexes_the_nominees() {
    let package = Package::open(&render(&to_trinh(&proposal())).unwrap());
    assert_a4_portrait(&package);
    assert_times_new_roman(&package);
    assert_page_numbers_from_page_two(&package);
    let document = package.document();
    assert_header(
        &document,
        "SỞ TƯ PHÁP",
        "VĂN PHÒNG",
        "Số: 12/TTr-VP",
        "Đồng Tháp, ngày 22 tháng 12 năm 2025",
    );
    assert_title(
        &document,
        "TỜ TRÌNH",
        "Về việc đề nghị tặng Giấy khen cho tập thể, cá nhân có thành tích xuất sắc năm 2025",
    );
    let addressee = paragraph(&document, "Kính gửi: Giám đốc Sở Tư pháp");
    assert_eq!(alignment(addressee), Some("center"));

    assert_body_paragraph(paragraph(
        &document,
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;",
    ));
    let request = paragraph(
        &document,
        "Kính trình Giám đốc Sở Tư pháp xem xét, quyết định tặng Giấy khen của Giám đốc Sở Tư pháp \
         cho 01 tập thể và 02 cá nhân (có danh sách kèm theo)./.",
    );
    assert_body_paragraph(request);
    assert_signature(&document, &["CHÁNH VĂN PHÒNG", "Trần Văn Hòa"]);
    assert_recipients(&document, &["Như trên", "Hội đồng TĐKT Sở"]);

    paragraph(
        &document,
        "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ TẶNG GIẤY KHEN CỦA GIÁM ĐỐC SỞ TƯ PHÁP",
    );
    paragraph(
        &document,
        "(Kèm theo Tờ trình số 12/TTr-VP ngày 22 tháng 12 năm 2025)",
    );
    let table = document
        .all("w:tbl")
        .into_iter()
        .find(|t| t.text_content().contains("Thành tích"))
        .unwrap();
    let rows = table_rows(table);
    assert_eq!(rows.len(), 7);
    assert_eq!(rows.last().unwrap(), &["Tổng cộng", "2.340.000"]);
}
