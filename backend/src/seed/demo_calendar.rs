//! The reporting calendar in the demo year: the units' 2026 annual reports written in Lan Tỏa
//! (PBGDPL's submitted, HCTP's returned for revision, each with its narrative and its figures
//! frozen at submission), the Office's consolidated report sent on the calendar and accepted by the
//! leadership,
//! the reminders the scheduler would have sent (before and after 20/10, and those due today),
//! unread for the units, an inactive webhook subscription for Sở Nội vụ's system, and three
//! difficulties (answered, referred to the leadership, waiting for the Office). Written through
//! the model functions the API uses, back-dated, never after now; idempotent with its own marker.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::demo_year::{local, principal, unit_id};
use crate::auth::Principal;
use crate::clock::Clock;
use crate::db::DbConnection;
use crate::db::schema::{exemplars, settings};
use crate::difficulties::model::{self as difficulties, DifficultyInput};
use crate::difficulties::workflow::DifficultyAction;
use crate::error::{AppError, AppResult};
use crate::http::etag::IfMatch;
use crate::report_submissions::model::{self as reports, DecisionInput, SubmissionInput};
use crate::report_submissions::workflow::SubmissionAction;
use crate::reports::model::{self as written, Narrative, NewReportInput, ReportInput};
use crate::reports::workflow::{ReportAction, ReportKind};
use crate::webhooks::events::WebhookEvent;
use crate::webhooks::model::{self as webhooks, SubscriptionInput};

/// The settings key that marks the calendar's demo as seeded.
pub const MARKER: &str = "demo_calendar_2026";

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub already_seeded: bool,
    pub reports: usize,
    pub reminders: usize,
    pub webhooks: usize,
    pub difficulties: usize,
}

fn day(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).unwrap_or_default()
}

/// The story's steps, each at a Vietnam time, taken only once that time has passed.
struct Story {
    now: DateTime<Utc>,
}

impl Story {
    fn at(&self, date: NaiveDate, hour: u32) -> Option<NaiveDateTime> {
        let at = local(date, hour, 0);
        (at.and_utc() < self.now - Duration::hours(1)).then_some(at)
    }
}

fn submit(
    conn: &mut DbConnection,
    who: &Principal,
    unit: Option<i64>,
    title: &str,
    note: &str,
    at: NaiveDateTime,
) -> AppResult<i64> {
    let input = SubmissionInput {
        kind: crate::calendar::kinds::ObligationKind::AnnualReport,
        unit_id: unit,
        period: "2026".to_owned(),
        title: title.to_owned(),
        note: Some(note.to_owned()),
    };
    let id = reports::submit(conn, who, &input, at)?;
    let row = reports::find_row(conn, id)?;
    crate::report_submissions::effects::announce(conn, &row, SubmissionAction::Submit, at)?;
    Ok(id)
}

/// A unit's 2026 annual report written in Lan Tỏa and submitted (its figures frozen then);
/// returns the report's id.
fn write_and_submit(
    conn: &mut DbConnection,
    head: &Principal,
    unit: i64,
    title: &str,
    narrative: Narrative,
    at: NaiveDateTime,
) -> AppResult<i64> {
    let input = NewReportInput {
        kind: ReportKind::AnnualReport,
        unit_id: Some(unit),
        period: Some("2026".to_owned()),
        from: None,
        to: None,
        title: Some(title.to_owned()),
    };
    let id = written::create(conn, head, &input, at - Duration::days(2))?;
    let row = written::find_row(conn, id)?;
    let text = ReportInput {
        title: title.to_owned(),
        narrative,
    };
    written::update(
        conn,
        head,
        &row,
        IfMatch::Any,
        &text,
        at - Duration::hours(3),
    )?;
    let row = written::find_row(conn, id)?;
    let submission = written::submit(conn, head, &row, IfMatch::Any, at.and_utc())?;
    let sent = reports::find_row(conn, submission)?;
    crate::report_submissions::effects::announce(conn, &sent, SubmissionAction::Submit, at)?;
    Ok(id)
}

/// The Office returns a unit's written report with its comments.
fn return_written(
    conn: &mut DbConnection,
    office: &Principal,
    id: i64,
    note: &str,
    at: NaiveDateTime,
) -> AppResult<()> {
    let row = written::find_row(conn, id)?;
    let input = DecisionInput {
        note: Some(note.to_owned()),
    };
    let submission = written::decide(
        conn,
        office,
        &row,
        ReportAction::Return,
        IfMatch::Any,
        &input,
        at,
    )?;
    let after = reports::find_row(conn, submission)?;
    crate::report_submissions::effects::announce(conn, &after, SubmissionAction::Return, at)
}

fn narrative(parts: [&str; 6]) -> Narrative {
    let [
        achievements,
        shortcomings,
        causes,
        lessons,
        directions,
        recommendations,
    ] = parts.map(str::to_owned);
    Narrative {
        achievements,
        shortcomings,
        causes,
        lessons,
        directions,
        recommendations,
    }
}

fn decide(
    conn: &mut DbConnection,
    who: &Principal,
    id: i64,
    action: SubmissionAction,
    note: &str,
    at: NaiveDateTime,
) -> AppResult<()> {
    let row = reports::find_row(conn, id)?;
    reports::decide(
        conn,
        who,
        &row,
        action,
        IfMatch::Any,
        at,
        Some(note.to_owned()),
    )?;
    let after = reports::find_row(conn, id)?;
    crate::report_submissions::effects::announce(conn, &after, action, at)
}

fn difficulty(
    conn: &mut DbConnection,
    who: &Principal,
    subject: &str,
    body: &str,
    exemplar: Option<i64>,
    at: NaiveDateTime,
) -> AppResult<i64> {
    let input = DifficultyInput {
        subject: subject.to_owned(),
        body: body.to_owned(),
        obligation_key: None,
        exemplar_id: exemplar,
    }
    .normalized();
    difficulties::raise(conn, who, &input, at)
}

fn step(
    conn: &mut DbConnection,
    who: &Principal,
    id: i64,
    action: DifficultyAction,
    note: &str,
    at: NaiveDateTime,
) -> AppResult<()> {
    let row = difficulties::find_row(conn, id)?;
    difficulties::step(
        conn,
        who,
        &row,
        action,
        IfMatch::Any,
        at,
        Some(note.to_owned()),
    )
}

/// Seeds the calendar's demo unless it was seeded before; `clock` gives the real now.
pub fn seed(conn: &mut DbConnection, clock: &Clock) -> AppResult<Report> {
    let seeded: i64 = settings::table
        .filter(settings::key.eq(MARKER))
        .count()
        .get_result(conn)?;
    if seeded > 0 {
        return Ok(Report {
            already_seeded: true,
            ..Report::default()
        });
    }
    let mut report = Report::default();
    let story = Story { now: clock.now() };
    let office = principal(conn, "vanphong")?;
    let leader = principal(conn, "lanhdao")?;
    let unit = |conn: &mut DbConnection, code: &str| {
        unit_id(conn, code)?
            .ok_or_else(|| AppError::internal(format!("the demo unit {code} is missing")))
    };
    let (pbgdpl, hctp) = (unit(conn, "PBGDPL")?, unit(conn, "HCTP")?);

    // Five days before 20/10: every unit is reminded of its annual report.
    if let Some(at) = story.at(day(10, 15), 8) {
        report.reminders += crate::reminders::send::send_in_app(conn, at.and_utc())?;
    }
    if let Some(at) = story.at(day(10, 18), 15) {
        let head = principal(conn, "pbgdpl.truong")?;
        write_and_submit(
            conn,
            &head,
            pbgdpl,
            "Báo cáo kết quả thực hiện Kế hoạch tuyên truyền, nhân rộng điển hình tiên tiến năm 2026 của Phòng Phổ biến, giáo dục pháp luật",
            narrative([
                "Phòng đã phát hiện, giới thiệu 06 gương điển hình tiên tiến trong công tác phổ biến, giáo dục pháp luật và hòa giải ở cơ sở; giới thiệu đủ hằng tháng trên Trang thông tin điện tử phổ biến giáo dục pháp luật tỉnh; phối hợp tổ chức 02 hội nghị chia sẻ kinh nghiệm của tổ hòa giải tiêu biểu.",
                "Việc nhân rộng mô hình \"Tổ hòa giải kiểu mẫu\" ở các xã vùng sâu còn chậm; một số tháng giới thiệu gương điển hình sát hạn.",
                "Địa bàn rộng, lực lượng báo cáo viên pháp luật cấp xã thay đổi sau sắp xếp đơn vị hành chính.",
                "Gắn việc phát hiện điển hình với theo dõi thường xuyên kết quả hòa giải ở cơ sở; phân công cụ thể người phụ trách giới thiệu hằng tháng.",
                "Năm 2027 tiếp tục bồi dưỡng 03 điển hình đang theo dõi, tổng kết và nhân rộng mô hình tổ hòa giải kiểu mẫu ra 10 xã.",
                "Đề nghị Văn phòng Sở tổng hợp, đề xuất khen thưởng đột xuất cho các hòa giải viên có thành tích xuất sắc.",
            ]),
            at,
        )?;
        report.reports += 1;
    }
    let returned = match story.at(day(10, 20), 16) {
        Some(at) => {
            let head = principal(conn, "hctp.truong")?;
            report.reports += 1;
            Some(write_and_submit(
                conn,
                &head,
                hctp,
                "Báo cáo định kỳ năm 2026 của Phòng Hành chính tư pháp",
                narrative([
                    "Phòng đã giới thiệu các gương điển hình trong công tác hộ tịch, chứng thực và lý lịch tư pháp; phối hợp biểu dương công chức tư pháp – hộ tịch cấp xã tiêu biểu.",
                    "Chưa tổng hợp đầy đủ kết quả nhân rộng mô hình liên thông thủ tục hành chính về đăng ký khai sinh.",
                    "Số liệu nhân rộng do các xã gửi về chưa đầy đủ.",
                    "Cần cập nhật kết quả nhân rộng ngay khi triển khai tại từng địa bàn.",
                    "Năm 2027 tổng kết, nhân rộng mô hình liên thông thủ tục hành chính ra toàn tỉnh.",
                    "",
                ]),
                at,
            )?)
        }
        None => None,
    };
    // A day late: those who have not reported, and the Office, are reminded.
    if let Some(at) = story.at(day(10, 21), 8) {
        report.reminders += crate::reminders::send::send_in_app(conn, at.and_utc())?;
    }
    if let (Some(id), Some(at)) = (returned, story.at(day(10, 23), 10)) {
        return_written(
            conn,
            &office,
            id,
            "Đề nghị bổ sung số liệu về số điển hình được nhân rộng và kết quả sau nhân rộng (mục II.3).",
            at,
        )?;
    }
    if let Some(at) = story.at(day(10, 30), 16) {
        let id = submit(
            conn,
            &office,
            None,
            "Báo cáo tổng hợp kết quả thực hiện Kế hoạch tuyên truyền, nhân rộng điển hình tiên tiến năm 2026 của Sở Tư pháp",
            "Tổng hợp từ báo cáo của các đơn vị đã gửi; các đơn vị chưa báo cáo được ghi nhận tại phụ lục.",
            at,
        )?;
        report.reports += 1;
        if let Some(at) = story.at(day(10, 31), 9) {
            decide(
                conn,
                &leader,
                id,
                SubmissionAction::Accept,
                "Đồng ý, gửi Sở Nội vụ.",
                at,
            )?;
        }
    }

    // Difficulties.
    if let Some(at) = story.at(day(11, 3), 9) {
        let staff = principal(conn, "tgpl.canbo")?;
        let id = difficulty(
            conn,
            &staff,
            "Thời hạn giới thiệu điển hình khi ngày 10 trùng ngày nghỉ",
            "Tháng 10/2026 ngày 10 rơi vào thứ Bảy; đơn vị chưa rõ hạn gửi bài giới thiệu có được lùi sang ngày làm việc kế tiếp hay không. Đề nghị Văn phòng Sở hướng dẫn để thực hiện thống nhất.",
            None,
            at,
        )?;
        report.difficulties += 1;
        if let Some(at) = story.at(day(11, 4), 14) {
            step(
                conn,
                &office,
                id,
                DifficultyAction::Answer,
                "Theo Kế hoạch, hạn là ngày 10 hằng tháng kể cả khi trùng ngày nghỉ; đơn vị chủ động gửi trước. Văn phòng Sở sẽ nhắc trước 5 ngày trên hệ thống.",
                at,
            )?;
        }
    }
    if let Some(at) = story.at(day(11, 12), 10) {
        let head = principal(conn, "pcc1.truong")?;
        let pcc1 = unit(conn, "PCC1")?;
        let exemplar: Option<i64> = exemplars::table
            .filter(exemplars::unit_id.eq(pcc1))
            .order(exemplars::id.asc())
            .select(exemplars::id)
            .first(conn)
            .optional()?;
        let id = difficulty(
            conn,
            &head,
            "Hồ sơ đề nghị khen thưởng đột xuất cho công chứng viên",
            "Công chứng viên của đơn vị phát hiện, ngăn chặn một giao dịch giả mạo giấy tờ. Đơn vị đề nghị hướng dẫn thủ tục đơn giản để đề nghị khen thưởng đột xuất và thẩm quyền tặng Giấy khen.",
            exemplar,
            at,
        )?;
        report.difficulties += 1;
        if let Some(at) = story.at(day(11, 13), 15) {
            step(
                conn,
                &office,
                id,
                DifficultyAction::Refer,
                "Kính trình Lãnh đạo Sở cho ý kiến về việc áp dụng thủ tục đơn giản đối với trường hợp này.",
                at,
            )?;
        }
    }
    if let Some(at) = story.at(day(11, 25), 9) {
        let staff = principal(conn, "hctp.canbo")?;
        difficulty(
            conn,
            &staff,
            "Biểu mẫu báo cáo định kỳ năm",
            "Đơn vị đề nghị Văn phòng Sở cung cấp biểu mẫu số liệu thống nhất cho báo cáo định kỳ năm (số điển hình phát hiện, bồi dưỡng, nhân rộng) để bổ sung báo cáo bị trả lại.",
            None,
            at,
        )?;
        report.difficulties += 1;
    }

    // Sở Nội vụ's system, not switched on yet.
    let subscription = SubscriptionInput {
        name: "Hệ thống báo cáo Sở Nội vụ (thử nghiệm)".to_owned(),
        url: "https://baocao.snv.dongthap.gov.vn/api/lantoa/webhook".to_owned(),
        events: vec![
            WebhookEvent::ReportSubmitted,
            WebhookEvent::ReportAccepted,
            WebhookEvent::ObligationOverdue,
        ],
        active: false,
    }
    .normalized();
    let created_by = office.user_id();
    let at = local(day(10, 1), 9, 0).min(clock.now_naive());
    webhooks::insert(conn, &subscription, created_by, at)?;
    report.webhooks += 1;

    // What the scheduler would have sent today.
    report.reminders += crate::reminders::send::send_in_app(conn, clock.now())?;

    diesel::insert_into(settings::table)
        .values((
            settings::key.eq(MARKER),
            settings::value.eq(
                serde_json::json!({ "reports": report.reports, "seededAt": clock.now() })
                    .to_string(),
            ),
            settings::version.eq(1),
            settings::updated_at.eq(clock.now_naive()),
        ))
        .execute(conn)?;
    Ok(report)
}

pub fn describe(report: &Report) -> String {
    if report.already_seeded {
        return String::new();
    }
    format!(
        "Lịch báo cáo demo: {} báo cáo, {} lời nhắc trong ứng dụng, {} đăng ký webhook (chưa bật), {} phản ánh khó khăn.\n",
        report.reports, report.reminders, report.webhooks, report.difficulties
    )
}
