//! Realistic inputs for the four commendation documents.

use chrono::NaiveDate;

use crate::documents::official::{
    Absence, Agency, Awardee, AwardeeKind, BienBanHopHoiDong, Participant, QuyetDinhKhenThuong,
    Recipients, Signature, Tally, Threshold, ToTrinhKhenThuong, VoteBase,
};

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn awardees() -> Vec<Awardee> {
    vec![
        Awardee {
            kind: AwardeeKind::Individual,
            name: "Bà Phạm Thị Thảo".to_owned(),
            position: Some("Trợ giúp viên pháp lý".to_owned()),
            unit: "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Đồng Tháp".to_owned(),
            achievement: "Hoàn thành xuất sắc nhiệm vụ năm 2025".to_owned(),
            reward: Some(468_000),
        },
        Awardee {
            kind: AwardeeKind::Collective,
            name: "Phòng Hành chính tư pháp".to_owned(),
            position: None,
            unit: "Sở Tư pháp".to_owned(),
            achievement: "Dẫn đầu phong trào thi đua chuyển đổi số năm 2025".to_owned(),
            reward: Some(1_404_000),
        },
        Awardee {
            kind: AwardeeKind::Individual,
            name: "Ông Lê Văn Minh".to_owned(),
            position: Some("Giám đốc".to_owned()),
            unit: "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Đồng Tháp".to_owned(),
            achievement: String::new(),
            reward: Some(468_000),
        },
    ]
}

pub fn decision() -> QuyetDinhKhenThuong {
    QuyetDinhKhenThuong {
        agency: Agency::so_tu_phap_dong_thap(),
        number: Some(5),
        date: Some(day(2026, 1, 5)),
        issuer_title: "Giám đốc Sở Tư pháp tỉnh Đồng Tháp".to_owned(),
        awarded_by: "Giám đốc Sở Tư pháp".to_owned(),
        award_form: "Giấy khen".to_owned(),
        occasion: "đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025".to_owned(),
        grounds: vec![
            "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022".to_owned(),
            "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định \
             về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng và quy định chi tiết, \
             hướng dẫn thi hành Luật Thi đua, khen thưởng;"
                .to_owned(),
            "Căn cứ Quyết định của Ủy ban nhân dân tỉnh Đồng Tháp quy định chức năng, nhiệm vụ, \
             quyền hạn và cơ cấu tổ chức của Sở Tư pháp tỉnh Đồng Tháp"
                .to_owned(),
        ],
        proposal: "Theo đề nghị của Chánh Văn phòng Sở".to_owned(),
        awardees: awardees(),
        funding: "Kinh phí khen thưởng được chi từ Quỹ thi đua, khen thưởng của Sở Tư pháp"
            .to_owned(),
        executors: "Chánh Văn phòng Sở, Thủ trưởng các đơn vị thuộc và trực thuộc Sở và các tập \
                    thể, cá nhân có tên tại Điều 1"
            .to_owned(),
        signature: Signature::new("Phó Giám đốc", "Nguyễn Tấn Phong").authority("KT. Giám đốc"),
        recipients: Recipients::new([
            "Như Điều 3;",
            "- Ban Giám đốc Sở",
            "Trang thông tin điện tử Sở",
        ]),
    }
}

pub fn proposal() -> ToTrinhKhenThuong {
    ToTrinhKhenThuong {
        agency: Agency {
            governing_body: "SỞ TƯ PHÁP".to_owned(),
            name: "VĂN PHÒNG".to_owned(),
            code: "VP".to_owned(),
            place: "Đồng Tháp".to_owned(),
        },
        number: Some(12),
        date: Some(day(2025, 12, 22)),
        subject: "Về việc đề nghị tặng Giấy khen cho tập thể, cá nhân có thành tích xuất sắc \
                  năm 2025"
            .to_owned(),
        addressee: "Giám đốc Sở Tư pháp".to_owned(),
        grounds: vec!["Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;".to_owned()],
        background: vec![
            "Ngày 18 tháng 12 năm 2025, Hội đồng Thi đua - Khen thưởng Sở đã họp xét và thống \
             nhất đề nghị khen thưởng."
                .to_owned(),
        ],
        award_form: "Giấy khen của Giám đốc Sở Tư pháp".to_owned(),
        nominees: awardees(),
        signature: Signature::new("Chánh Văn phòng", "Trần Văn Hòa"),
        recipients: Recipients::new(["Như trên", "Hội đồng TĐKT Sở"]),
    }
}

fn member(name: &str, role: &str) -> Participant {
    Participant {
        name: name.to_owned(),
        role: role.to_owned(),
    }
}

pub fn minutes() -> BienBanHopHoiDong {
    let chair = member("Ông Nguyễn Văn An", "Giám đốc Sở - Chủ tịch Hội đồng");
    let secretary = member(
        "Bà Trần Thị Lan",
        "Chuyên viên Văn phòng Sở - Thư ký Hội đồng",
    );
    BienBanHopHoiDong {
        agency: Agency {
            governing_body: "SỞ TƯ PHÁP".to_owned(),
            name: "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG".to_owned(),
            code: "HĐTĐKT".to_owned(),
            place: "Đồng Tháp".to_owned(),
        },
        number: Some(3),
        subject: "Họp xét đề nghị tặng Giấy khen năm 2025".to_owned(),
        council: "Hội đồng Thi đua - Khen thưởng Sở".to_owned(),
        started_at: day(2025, 12, 18).and_hms_opt(14, 0, 0).unwrap(),
        ended_at: chrono::NaiveTime::from_hms_opt(16, 30, 0),
        venue: "Phòng họp Sở Tư pháp".to_owned(),
        chair: chair.clone(),
        secretary,
        members_total: 9,
        present: vec![
            chair,
            member(
                "Ông Nguyễn Tấn Phong",
                "Phó Giám đốc Sở - Phó Chủ tịch Hội đồng",
            ),
            member(
                "Ông Trần Văn Hòa",
                "Chánh Văn phòng Sở - Ủy viên thường trực",
            ),
            member(
                "Ông Lê Văn Minh",
                "Giám đốc Trung tâm Trợ giúp pháp lý - Ủy viên",
            ),
            member(
                "Bà Võ Thị Hạnh",
                "Trưởng phòng Hành chính tư pháp - Ủy viên",
            ),
            member("Ông Đặng Quốc Bảo", "Trưởng phòng Bổ trợ tư pháp - Ủy viên"),
            member("Bà Huỳnh Ngọc Trâm", "Chủ tịch Công đoàn - Ủy viên"),
        ],
        absent: vec![
            Absence {
                participant: member("Ông Phan Minh Tâm", "Ủy viên"),
                reason: "đi công tác".to_owned(),
            },
            Absence {
                participant: member("Bà Lý Thu Ba", "Ủy viên"),
                reason: String::new(),
            },
        ],
        quorum: Threshold {
            percent: 50,
            strict: true,
        },
        content: vec![
            "Thường trực Hội đồng trình bày Tờ trình số 12/TTr-VP và danh sách đề nghị.".to_owned(),
        ],
        ballot: "bỏ phiếu kín".to_owned(),
        vote_base: VoteBase::AllMembers,
        threshold: Threshold {
            percent: 70,
            strict: false,
        },
        tallies: vec![
            Tally {
                nominee: "Phòng Hành chính tư pháp".to_owned(),
                unit: "Sở Tư pháp".to_owned(),
                approve: 7,
                reject: 0,
                abstain: 0,
            },
            Tally {
                nominee: "Bà Phạm Thị Thảo".to_owned(),
                unit: "Trung tâm Trợ giúp pháp lý".to_owned(),
                approve: 6,
                reject: 1,
                abstain: 0,
            },
        ],
        conclusions: vec!["Hội đồng thống nhất đề nghị Giám đốc Sở tặng Giấy khen.".to_owned()],
    }
}
