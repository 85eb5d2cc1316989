use super::checks::*;
use super::docx_xml::{Node, Package, look, paragraph, run_with, table_rows};
use super::fixtures::minutes;
use crate::documents::official::{VoteBase, bien_ban_hop_hoi_dong, render};

fn texts(document: &Node) -> Vec<String> {
    document
        .all("w:p")
        .iter()
        .map(|p| p.text_content())
        .collect()
}

#[test]
fn the_minutes_record_attendance_quorum_and_the_vote_on_each_nominee() {
    let package = Package::open(&render(&bien_ban_hop_hoi_dong(&minutes())).unwrap());
    assert_a4_portrait(&package);
    assert_times_new_roman(&package);
    assert_page_numbers_from_page_two(&package);
    let document = package.document();
    assert_header(
        &document,
        "SỞ TƯ PHÁP",
        "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG",
        "Số: 03/BB-HĐTĐKT",
        "Đồng Tháp, ngày 18 tháng 12 năm 2025",
    );
    assert_title(
        &document,
        "BIÊN BẢN",
        "Họp xét đề nghị tặng Giấy khen năm 2025",
    );

    let all = texts(&document);
    assert!(
        all.contains(&"Thời gian: Vào lúc 14 giờ 00 phút, ngày 18 tháng 12 năm 2025.".to_owned())
    );
    assert!(all.contains(&"Địa điểm: Phòng họp Sở Tư pháp.".to_owned()));
    assert!(
        all.contains(&"- Chủ trì: Ông Nguyễn Văn An, Giám đốc Sở - Chủ tịch Hội đồng.".to_owned())
    );
    assert!(all.contains(
        &"- Thành viên Hội đồng Thi đua - Khen thưởng Sở có mặt: 7/9 thành viên, gồm:".to_owned()
    ));
    assert!(all.contains(&"- Vắng: 2 thành viên, gồm:".to_owned()));
    assert!(all.contains(&"+ Ông Phan Minh Tâm, Ủy viên (lý do: đi công tác);".to_owned()));
    assert!(all.contains(&"+ Bà Lý Thu Ba, Ủy viên;".to_owned()));
    assert!(all.iter().any(|t| t
        == "Số thành viên có mặt chiếm 77,78% tổng số thành viên Hội đồng Thi đua - Khen \
                  thưởng Sở (quy định trên 50%), cuộc họp đủ điều kiện tiến hành."));
    for heading in [
        "I. THÀNH PHẦN",
        "II. NỘI DUNG",
        "III. KẾT QUẢ BIỂU QUYẾT",
        "IV. KẾT LUẬN",
    ] {
        assert_eq!(
            look(run_with(paragraph(&document, heading), heading)),
            (14.0, true, false)
        );
    }
    assert!(all.iter().any(|t| t.contains(
        "Tỷ lệ đồng ý tính trên tổng số thành viên Hội đồng Thi đua - Khen thưởng Sở (9); được \
         đề nghị khi tỷ lệ đồng ý từ 70% trở lên."
    )));

    let table = document
        .all("w:tbl")
        .into_iter()
        .find(|t| t.text_content().contains("Đồng ý"))
        .unwrap();
    let rows = table_rows(table);
    assert_eq!(
        rows,
        vec![
            vec![
                "STT",
                "Tập thể, cá nhân được đề nghị",
                "Đơn vị",
                "Đồng ý",
                "Không đồng ý",
                "Không biểu quyết",
                "Tỷ lệ đồng ý",
                "Kết quả"
            ],
            vec![
                "1",
                "Phòng Hành chính tư pháp",
                "Sở Tư pháp",
                "7",
                "0",
                "0",
                "77,78%",
                "Đạt"
            ],
            vec![
                "2",
                "Bà Phạm Thị Thảo",
                "Trung tâm Trợ giúp pháp lý",
                "6",
                "1",
                "0",
                "66,67%",
                "Không đạt"
            ],
        ]
    );
    assert_eq!(look(run_with(table, "77,78%")).0, 12.0);
    assert!(all.iter().any(
        |t| t.starts_with("Cuộc họp kết thúc vào lúc 16 giờ 30 phút cùng ngày.")
            && t.ends_with("./.")
    ));

    // Secretary at the left, chair at the right, no nơi nhận.
    let closing = document
        .all("w:tbl")
        .into_iter()
        .find(|t| t.text_content().contains("THƯ KÝ"))
        .unwrap();
    let rows = table_rows(closing);
    assert_eq!(rows[0], ["THƯ KÝTrần Thị Lan", "CHỦ TRÌNguyễn Văn An"]);
    assert_signature(
        &document,
        &["THƯ KÝ", "CHỦ TRÌ", "Trần Thị Lan", "Nguyễn Văn An"],
    );
    assert!(!all.contains(&"Nơi nhận:".to_owned()));
}

#[test]
fn shares_can_be_counted_on_the_members_present() {
    let mut input = minutes();
    input.vote_base = VoteBase::Present;
    let document = Package::open(&render(&bien_ban_hop_hoi_dong(&input)).unwrap()).document();
    let table = document
        .all("w:tbl")
        .into_iter()
        .find(|t| t.text_content().contains("Đồng ý"))
        .unwrap();
    let rows = table_rows(table);
    assert_eq!((rows[1][6].as_str(), rows[1][7].as_str()), ("100%", "Đạt"));
    assert_eq!(
        (rows[2][6].as_str(), rows[2][7].as_str()),
        ("85,71%", "Đạt")
    );
}
