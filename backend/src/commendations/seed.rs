//! Reference data of the pipeline, created on first start and then kept by the Office: the award
//! catalogue (domain brief §1.2), the base salary of 01/07/2024, the occasions of 2026 and the
//! plan's reviews, and the eligibility rules. Numbers marked "[?]" in the brief are data, to be
//! checked against the official texts and edited.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::catalogue::{self, AwardFormInput};
use super::eligibility::{self, CheckKind, RuleInput, Severity};
use super::facts::DisciplineLevel;
use super::occasions::{self, OccasionInput};
use super::salary::{self, BaseSalaryInput};
use super::types::{Authority, AwardKind, AwardSubject, OccasionKind, VoteDenominator};
use crate::db::DbConnection;
use crate::db::schema::{
    award_forms, base_salaries, commendation_occasions, eligibility_rules, movements,
};
use crate::error::AppResult;
use crate::http::etag::IfMatch;
use crate::time::Day;

const LAW: &str = "Luật Thi đua, khen thưởng số 06/2022/QH15";
const DECREE: &str = "Nghị định số 152/2025/NĐ-CP (kiểm tra điều khoản áp dụng)";

struct Form {
    code: &'static str,
    name: &'static str,
    kind: AwardKind,
    subject: AwardSubject,
    authority: Authority,
    /// (working days of the notice) when a notice is required.
    notice: Option<Option<i32>>,
    /// (threshold %, strict, denominator) when a vote is required.
    vote: Option<(i32, bool, VoteDenominator)>,
    individual: Option<f64>,
    collective: Option<f64>,
    basis: &'static str,
}

fn forms() -> Vec<Form> {
    use Authority::*;
    use AwardKind::{Form as F, Title as T};
    use AwardSubject::{Both, Collective as C, Individual as I};
    use VoteDenominator::{AllMembers as All, MembersPresent as Present};
    vec![
        Form {
            code: "BIEU-DUONG",
            name: "Biểu dương",
            kind: F,
            subject: Both,
            authority: GiamDocSo,
            notice: None,
            vote: None,
            individual: None,
            collective: None,
            basis: "Kế hoạch tuyên truyền và nhân rộng điển hình tiên tiến của Sở Tư pháp giai đoạn 2026-2030, mục III.4 (biểu dương kịp thời)",
        },
        Form {
            code: "GK-GDS",
            name: "Giấy khen của Giám đốc Sở Tư pháp",
            kind: F,
            subject: Both,
            authority: GiamDocSo,
            notice: None,
            vote: Some((50, true, Present)),
            individual: Some(0.3),
            collective: Some(0.6),
            basis: "Luật Thi đua, khen thưởng số 06/2022/QH15 (Giấy khen); Nghị định số 152/2025/NĐ-CP; mức thưởng theo NĐ 91/2017 [?]",
        },
        Form {
            code: "LDTT",
            name: "Lao động tiên tiến",
            kind: T,
            subject: I,
            authority: GiamDocSo,
            notice: None,
            vote: Some((50, true, Present)),
            individual: Some(0.3),
            collective: None,
            basis: "Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 80 khoản 1 (thẩm quyền Giám đốc Sở)",
        },
        Form {
            code: "CSTDCS",
            name: "Chiến sĩ thi đua cơ sở",
            kind: T,
            subject: I,
            authority: GiamDocSo,
            notice: Some(None),
            vote: Some((70, false, All)),
            individual: Some(1.0),
            collective: None,
            basis: "Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 80 khoản 1; tỷ lệ và ngưỡng bỏ phiếu theo quy chế thi đua của Sở [?]",
        },
        Form {
            code: "TTLDTT",
            name: "Tập thể lao động tiên tiến",
            kind: T,
            subject: C,
            authority: GiamDocSo,
            notice: None,
            vote: Some((50, true, Present)),
            individual: None,
            collective: Some(0.8),
            basis: "Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 80 khoản 1",
        },
        Form {
            code: "TTLDXS",
            name: "Tập thể lao động xuất sắc",
            kind: T,
            subject: C,
            authority: ChuTichUbndTinh,
            notice: Some(None),
            vote: Some((70, false, All)),
            individual: None,
            collective: Some(1.5),
            basis: "Luật Thi đua, khen thưởng số 06/2022/QH15 (thẩm quyền Chủ tịch UBND tỉnh); quy định khen thưởng của tỉnh Đồng Tháp [?]",
        },
        Form {
            code: "BK-UBND",
            name: "Bằng khen của Chủ tịch UBND tỉnh",
            kind: F,
            subject: Both,
            authority: ChuTichUbndTinh,
            notice: Some(None),
            vote: Some((70, false, Present)),
            individual: Some(1.0),
            collective: Some(2.0),
            basis: "Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 79 [?]; quy định khen thưởng của tỉnh Đồng Tháp",
        },
        Form {
            code: "CSTD-T",
            name: "Chiến sĩ thi đua cấp tỉnh",
            kind: T,
            subject: I,
            authority: ChuTichUbndTinh,
            notice: Some(Some(10)),
            vote: Some((90, false, All)),
            individual: Some(3.0),
            collective: None,
            basis: "Luật Thi đua, khen thưởng số 06/2022/QH15; bỏ phiếu kín từ 90% tổng số thành viên Hội đồng (NĐ 91/2017, Điều 45.8 – kiểm tra quy định hiện hành) [?]",
        },
        Form {
            code: "CO-UBND",
            name: "Cờ thi đua của UBND tỉnh",
            kind: T,
            subject: C,
            authority: ChuTichUbndTinh,
            notice: Some(Some(10)),
            vote: Some((90, false, All)),
            individual: None,
            collective: Some(8.0),
            basis: "Luật Thi đua, khen thưởng số 06/2022/QH15; quy định khen thưởng của tỉnh Đồng Tháp (chỉ tiêu theo khối, cụm) [?]",
        },
        Form {
            code: "BK-BTP",
            name: "Bằng khen của Bộ trưởng Bộ Tư pháp",
            kind: F,
            subject: Both,
            authority: BoTruongBoTuPhap,
            notice: Some(None),
            vote: Some((70, false, Present)),
            individual: Some(1.0),
            collective: Some(2.0),
            basis: "Luật Thi đua, khen thưởng số 06/2022/QH15; quy định thi đua, khen thưởng ngành Tư pháp [?]",
        },
        Form {
            code: "CO-BTP",
            name: "Cờ thi đua ngành Tư pháp",
            kind: T,
            subject: C,
            authority: BoTruongBoTuPhap,
            notice: Some(Some(10)),
            vote: Some((90, false, All)),
            individual: None,
            collective: Some(8.0),
            basis: "Luật Thi đua, khen thưởng số 06/2022/QH15; quy định thi đua, khen thưởng ngành Tư pháp [?]",
        },
        Form {
            code: "KNC-TP",
            name: "Kỷ niệm chương \"Vì sự nghiệp Tư pháp\"",
            kind: F,
            subject: I,
            authority: BoTruongBoTuPhap,
            notice: None,
            vote: None,
            individual: None,
            collective: None,
            basis: "Thông tư số 14/2025/TT-BTP (Kỷ niệm chương \"Vì sự nghiệp Tư pháp\", hiệu lực từ 15/9/2025)",
        },
    ]
}

fn form_input(f: &Form) -> AwardFormInput {
    let (percent, strict, denominator) =
        f.vote
            .unwrap_or((50, true, VoteDenominator::MembersPresent));
    AwardFormInput {
        code: f.code.to_owned(),
        name: f.name.to_owned(),
        kind: f.kind,
        subject_kind: f.subject,
        authority: f.authority,
        requires_notice: f.notice.is_some(),
        notice_working_days: f.notice.flatten(),
        requires_vote: f.vote.is_some(),
        vote_threshold_percent: percent,
        vote_threshold_strict: strict,
        vote_denominator: denominator,
        individual_multiple: f.individual,
        collective_multiple: f.collective,
        legal_basis: f.basis.to_owned(),
        description: None,
    }
}

fn day(y: i32, m: u32, d: u32) -> Option<Day> {
    NaiveDate::from_ymd_opt(y, m, d).map(Day)
}

fn occasions(conn: &mut DbConnection) -> AppResult<Vec<OccasionInput>> {
    let bdhvs: Option<i64> = movements::table
        .filter(movements::code.eq("BDHVS"))
        .select(movements::id)
        .first(conn)
        .optional()?;
    let occasion = |code: &str, name: &str, kind, year, occurs_on, movement_id| OccasionInput {
        code: code.to_owned(),
        name: name.to_owned(),
        kind,
        year,
        occurs_on,
        movement_id,
        description: None,
        active: true,
    };
    let mut list = vec![
        occasion(
            "TK-2026",
            "Tổng kết công tác năm 2026",
            OccasionKind::YearEnd,
            Some(2026),
            day(2026, 12, 25),
            None,
        ),
        occasion(
            "TK-2027",
            "Tổng kết công tác năm 2027",
            OccasionKind::YearEnd,
            Some(2027),
            day(2027, 12, 24),
            None,
        ),
        occasion(
            "SK-2026-2028",
            "Sơ kết thực hiện Kế hoạch điển hình tiên tiến giai đoạn 2026-2028",
            OccasionKind::MidTermReview,
            Some(2028),
            day(2028, 5, 20),
            None,
        ),
        occasion(
            "TK-2026-2030",
            "Tổng kết thực hiện Kế hoạch điển hình tiên tiến giai đoạn 2026-2030",
            OccasionKind::FinalReview,
            Some(2030),
            day(2030, 7, 20),
            None,
        ),
        occasion(
            "NTT-2026",
            "Ngày truyền thống ngành Tư pháp (28/8/2026)",
            OccasionKind::SectorDay,
            Some(2026),
            day(2026, 8, 28),
            None,
        ),
        occasion(
            "NPL-2026",
            "Ngày Pháp luật Việt Nam (9/11/2026)",
            OccasionKind::LawDay,
            Some(2026),
            day(2026, 11, 9),
            None,
        ),
    ];
    if let Some(movement) = bdhvs {
        list.push(occasion(
            "SK-BDHVS-2026",
            "Sơ kết phong trào \"Bình dân học vụ số\" năm 2026",
            OccasionKind::MovementReview,
            Some(2026),
            day(2026, 12, 15),
            Some(movement),
        ));
    }
    Ok(list)
}

#[allow(clippy::too_many_arguments)]
fn rule(
    code: &str,
    name: &str,
    check_kind: CheckKind,
    form: Option<&str>,
    severity: Severity,
    title: Option<&str>,
    percent: Option<i32>,
    strict: bool,
    min_count: Option<i32>,
    level: Option<DisciplineLevel>,
    basis: &str,
) -> RuleInput {
    RuleInput {
        code: code.to_owned(),
        name: name.to_owned(),
        check_kind,
        award_form_code: form.map(str::to_owned),
        severity,
        title_code: title.map(str::to_owned),
        percent,
        strict,
        min_count,
        discipline_level: level,
        legal_basis: basis.to_owned(),
        active: true,
        position: 0,
    }
}

pub fn rules() -> Vec<RuleInput> {
    use CheckKind::*;
    use Severity::{Block, Warning};
    let mut list = vec![
        rule(
            "CSTDCS-LDTT",
            "Chiến sĩ thi đua cơ sở phải đạt Lao động tiên tiến cùng năm",
            RequiresTitleSameYear,
            Some("CSTDCS"),
            Block,
            Some("LDTT"),
            None,
            false,
            None,
            None,
            &format!("{LAW}, Điều 23 [?]"),
        ),
        rule(
            "CSTDCS-SANGKIEN",
            "Chiến sĩ thi đua cơ sở có ít nhất một sáng kiến được công nhận",
            RequiresRecognisedInitiative,
            Some("CSTDCS"),
            Block,
            None,
            None,
            false,
            Some(1),
            None,
            &format!("{LAW}, Điều 23 [?]"),
        ),
        rule(
            "CSTDCS-TYLE",
            "Số Chiến sĩ thi đua cơ sở không quá 15% số Lao động tiên tiến của đơn vị",
            UnitShareCap,
            Some("CSTDCS"),
            Block,
            Some("LDTT"),
            Some(15),
            false,
            None,
            None,
            "Nghị định số 98/2023/NĐ-CP (tỷ lệ 15%) [?] – kiểm tra Nghị định số 152/2025/NĐ-CP",
        ),
        rule(
            "TTLDTT-LDTT",
            "Tập thể lao động tiên tiến: trên 50% thành viên đạt Lao động tiên tiến",
            CollectiveShareWithTitle,
            Some("TTLDTT"),
            Block,
            Some("LDTT"),
            Some(50),
            true,
            None,
            None,
            &format!("{LAW}, Điều 27 [?]"),
        ),
        rule(
            "TTLDTT-KYLUAT",
            "Tập thể lao động tiên tiến: không có thành viên bị kỷ luật từ cảnh cáo trở lên",
            CollectiveNoDiscipline,
            Some("TTLDTT"),
            Block,
            None,
            None,
            false,
            None,
            Some(DisciplineLevel::CanhCao),
            &format!("{LAW}, Điều 27 [?]"),
        ),
        rule(
            "TTLDXS-HTNV",
            "Tập thể lao động xuất sắc: 100% thành viên hoàn thành nhiệm vụ",
            CollectiveMembersCompleted,
            Some("TTLDXS"),
            Block,
            None,
            Some(100),
            false,
            None,
            None,
            &format!("{LAW}, Điều 26 [?]"),
        ),
        rule(
            "TTLDXS-LDTT",
            "Tập thể lao động xuất sắc: từ 70% thành viên đạt Lao động tiên tiến",
            CollectiveShareWithTitle,
            Some("TTLDXS"),
            Block,
            Some("LDTT"),
            Some(70),
            false,
            None,
            None,
            &format!("{LAW}, Điều 26 [?]"),
        ),
        rule(
            "TTLDXS-CSTDCS",
            "Tập thể lao động xuất sắc: có ít nhất một Chiến sĩ thi đua cơ sở",
            CollectiveMinWithTitle,
            Some("TTLDXS"),
            Block,
            Some("CSTDCS"),
            None,
            false,
            Some(1),
            None,
            &format!("{LAW}, Điều 26 [?]"),
        ),
        rule(
            "TTLDXS-KYLUAT",
            "Tập thể lao động xuất sắc: không có thành viên bị kỷ luật từ cảnh cáo trở lên",
            CollectiveNoDiscipline,
            Some("TTLDXS"),
            Block,
            None,
            None,
            false,
            None,
            Some(DisciplineLevel::CanhCao),
            &format!("{LAW}, Điều 26 [?]"),
        ),
        rule(
            "CSTDT-3NAM",
            "Chiến sĩ thi đua cấp tỉnh: 3 năm liên tục đạt Chiến sĩ thi đua cơ sở",
            RequiresTitleConsecutiveYears,
            Some("CSTD-T"),
            Block,
            Some("CSTDCS"),
            None,
            false,
            Some(3),
            None,
            &format!("{LAW}, Điều 22 [?]"),
        ),
        rule(
            "LDTT-KYLUAT",
            "Lao động tiên tiến: không bị kỷ luật từ khiển trách trở lên trong năm",
            IndividualNoDiscipline,
            Some("LDTT"),
            Warning,
            None,
            None,
            false,
            None,
            Some(DisciplineLevel::KhienTrach),
            &format!("{LAW}, Điều 24 [?]"),
        ),
        rule(
            "TAM-HOAN",
            "Tạm hoãn khi đang bị xem xét kỷ luật, thanh tra, giải quyết khiếu nại, tố cáo hoặc điều tra",
            NoPendingCase,
            None,
            Block,
            None,
            None,
            false,
            None,
            None,
            DECREE,
        ),
        rule(
            "DOTXUAT-CANCU",
            "Khen thưởng đột xuất, chuyên đề không làm căn cứ đề nghị khen thưởng cao hơn",
            AdHocNotMeritBasis,
            None,
            Block,
            None,
            None,
            false,
            None,
            None,
            DECREE,
        ),
        rule(
            "MOT-THANH-TICH",
            "Một thành tích không khen thưởng hai lần",
            NoDoubleReward,
            None,
            Block,
            None,
            None,
            false,
            None,
            None,
            &format!("{LAW}, Điều 5"),
        ),
    ];
    for (index, rule) in list.iter_mut().enumerate() {
        rule.position = (index as i32 + 1) * 10;
    }
    list
}

/// Creates whatever of the pipeline's reference data is missing. Returns whether it created any.
pub fn ensure(conn: &mut DbConnection, now: NaiveDateTime) -> AppResult<bool> {
    let mut created = false;
    let forms_count: i64 = award_forms::table.count().get_result(conn)?;
    if forms_count == 0 {
        for form in forms() {
            let id = catalogue::insert_draft(conn, now, &form_input(&form))?;
            let row = catalogue::find_row(conn, id)?;
            catalogue::publish(conn, &row, IfMatch::Any, now)?;
        }
        created = true;
    }
    let salaries: i64 = base_salaries::table.count().get_result(conn)?;
    if salaries == 0 {
        if let Some(from) = day(2024, 7, 1) {
            salary::insert(
                conn,
                now,
                &BaseSalaryInput {
                    amount: 2_340_000,
                    effective_from: from,
                    legal_basis:
                        "Nghị định số 73/2024/NĐ-CP ngày 30/6/2024 quy định mức lương cơ sở"
                            .to_owned(),
                },
            )?;
        }
        created = true;
    }
    let occasions_count: i64 = commendation_occasions::table.count().get_result(conn)?;
    if occasions_count == 0 {
        for input in occasions(conn)? {
            occasions::insert(conn, now, &input)?;
        }
        created = true;
    }
    let rules_count: i64 = eligibility_rules::table.count().get_result(conn)?;
    if rules_count == 0 {
        for input in rules() {
            eligibility::insert(conn, now, &input)?;
        }
        created = true;
    }
    Ok(created)
}
