//! The plan's four general standards (section II.3, verbatim) as the first published criteria
//! sets, one for individuals and one for collectives.

use diesel::prelude::*;

use super::model::{self, CriteriaSetInput, CriterionInput, CriterionMode};
use crate::db::DbConnection;
use crate::db::schema::criteria_sets;
use crate::error::AppResult;
use crate::exemplars::types::SubjectKind;

pub const STANDARDS: [&str; 4] = [
    "Gương mẫu chấp hành tốt chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước, gắn với việc \
“Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh” theo tinh thần Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.",
    "Hoàn thành xuất sắc nhiệm vụ được giao.",
    "Có mô hình mới, cách làm hay, nhiều sáng kiến, giải pháp sáng tạo được áp dụng mang lại hiệu quả thiết thực và \
là nhân tố nổi trội, tiêu biểu, dẫn đầu trong các phong trào thi đua.",
    "Có tinh thần tương thân tương ái, giúp đỡ mọi người cùng tiến bộ; tích cực tham gia các hoạt động xã hội; \
hoạt động nhân đạo, từ thiện, góp phần tích cực vào sự phát triển của tỉnh.",
];

fn guidance(kind: SubjectKind) -> [&'static str; 4] {
    match kind {
        SubjectKind::Individual => [
            "Nhận xét của chi bộ, thủ trưởng đơn vị; không vi phạm kỷ luật; kết quả học tập và làm theo Bác.",
            "Kết quả đánh giá, xếp loại công chức, viên chức: Hoàn thành xuất sắc nhiệm vụ.",
            "Sáng kiến, giải pháp được công nhận; mô hình, cách làm được áp dụng và hiệu quả đạt được.",
            "Hoạt động xã hội, nhân đạo, từ thiện đã tham gia; ghi nhận của đồng nghiệp, người dân.",
        ],
        SubjectKind::Collective => [
            "Tập thể và các thành viên chấp hành tốt chủ trương, chính sách, pháp luật; không có thành viên bị kỷ luật.",
            "Kết quả thực hiện nhiệm vụ của tập thể; xếp loại chất lượng tổ chức.",
            "Mô hình, cách làm hay của tập thể được áp dụng, nhân rộng; sáng kiến của tập thể.",
            "Phong trào tương thân tương ái, hoạt động xã hội, nhân đạo, từ thiện của tập thể.",
        ],
    }
}

fn standards(code: &str, name: &str, kind: SubjectKind) -> CriteriaSetInput {
    CriteriaSetInput {
        code: code.to_owned(),
        name: name.to_owned(),
        subject_kind: kind,
        description: Some(
            "Tiêu chuẩn chung của tập thể, cá nhân điển hình tiên tiến theo Kế hoạch tuyên truyền và nhân rộng \
điển hình tiên tiến của Sở Tư pháp giai đoạn 2026-2030 (mục II.3)."
                .to_owned(),
        ),
        pass_threshold: 100,
        nurture_threshold: 50,
        criteria: STANDARDS
            .iter()
            .zip(guidance(kind))
            .map(|(text, guidance)| CriterionInput {
                text: (*text).to_owned(),
                guidance: Some(guidance.to_owned()),
                weight: 25,
                mode: CriterionMode::PassFail,
                max_score: None,
            })
            .collect(),
    }
}

/// Creates and publishes the two standard sets when there are no criteria sets.
pub fn ensure(conn: &mut DbConnection, now: chrono::NaiveDateTime) -> AppResult<bool> {
    let existing: i64 = criteria_sets::table.count().get_result(conn)?;
    if existing > 0 {
        return Ok(false);
    }
    for input in [
        standards(
            "TCC-CN",
            "Tiêu chuẩn chung – cá nhân điển hình tiên tiến",
            SubjectKind::Individual,
        ),
        standards(
            "TCC-TT",
            "Tiêu chuẩn chung – tập thể điển hình tiên tiến",
            SubjectKind::Collective,
        ),
    ] {
        let id = model::insert_draft(conn, now, &input)?;
        let row = model::find_row(conn, id)?;
        model::publish(conn, &row, crate::http::etag::IfMatch::Any, now)?;
    }
    Ok(true)
}
