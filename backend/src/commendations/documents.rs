//! The pipeline's official documents, built from its data with `documents::official`: the tờ
//! trình of a proposal, the minutes of a council meeting with its tallies, the decision with its
//! annexed list and reward amounts, and a Giấy khen per awarded nominee (full, or the variable
//! fields on a pre-printed blank laid out by the Office's setting).

use chrono::TimeZone;
use diesel::prelude::*;

use super::ballot::{self, BallotRow};
use super::catalogue::{self, AwardFormRow};
use super::council::{self, MeetingRow};
use super::proposals::{self, NomineeRow, ProposalRow};
use super::registers;
use super::types::{CommendationType, NomineeOutcome, ProposalState, VoteDenominator};
use crate::db::DbConnection;
use crate::db::schema::{commendation_occasions, movements, units};
use crate::documents::official::{
    Absence, Agency, Awardee, AwardeeKind, BienBanHopHoiDong, CertificateMode, GiayKhen,
    Participant, QuyetDinhKhenThuong, Recipients, Signature, Tally, Threshold, ToTrinhKhenThuong,
    VoteBase, bien_ban_hop_hoi_dong, giay_khen, quyet_dinh_khen_thuong, render, render_certificate,
    to_trinh,
};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::exemplars::types::SubjectKind;

pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const GROUNDS: [&str; 3] = [
    "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022",
    "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, \
phân quyền trong lĩnh vực thi đua, khen thưởng và quy định chi tiết, hướng dẫn thi hành Luật Thi đua, khen thưởng",
    "Căn cứ Quyết định của Ủy ban nhân dân tỉnh Đồng Tháp quy định chức năng, nhiệm vụ, quyền hạn và \
cơ cấu tổ chức của Sở Tư pháp tỉnh Đồng Tháp",
];

fn failed(error: impl std::fmt::Display) -> AppError {
    AppError::internal(format!("rendering a document failed: {error}"))
}

fn awardee(n: &NomineeRow) -> Awardee {
    Awardee {
        kind: match n.subject_kind {
            SubjectKind::Individual => AwardeeKind::Individual,
            SubjectKind::Collective => AwardeeKind::Collective,
        },
        name: n.full_name.clone(),
        position: n.job_title.clone(),
        unit: n.workplace.clone(),
        achievement: n.achievement.clone(),
        reward: n.reward_amount.and_then(|r| u64::try_from(r).ok()),
    }
}

/// "nhân dịp Tổng kết công tác năm 2026", "trong phong trào thi đua “Dân vận khéo”"…
fn occasion_phrase(conn: &mut DbConnection, row: &ProposalRow) -> AppResult<String> {
    let occasion: Option<String> = match row.occasion_id {
        Some(id) => commendation_occasions::table
            .find(id)
            .select(commendation_occasions::name)
            .first(conn)
            .optional()?,
        None => None,
    };
    let movement: Option<String> = match row.movement_id {
        Some(id) => movements::table
            .find(id)
            .select(movements::name)
            .first(conn)
            .optional()?,
        None => None,
    };
    Ok(match (row.commendation_type, movement, occasion) {
        (CommendationType::Thematic, Some(m), _) => {
            format!("đã có thành tích xuất sắc trong phong trào thi đua “{m}”")
        }
        (CommendationType::AdHoc, _, _) => "đã có thành tích xuất sắc đột xuất".to_owned(),
        (_, _, Some(o)) => format!("đã có thành tích xuất sắc, nhân dịp {}", lower_first(&o)),
        _ => format!("đã có thành tích xuất sắc năm {}", row.year),
    })
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn unit_agency(conn: &mut DbConnection, unit_id: i64) -> AppResult<Agency> {
    let (name, code): (String, String) = units::table
        .find(unit_id)
        .select((units::name, units::code))
        .first(conn)?;
    Ok(Agency {
        governing_body: "SỞ TƯ PHÁP".to_owned(),
        name: name.to_uppercase(),
        code,
        place: "Đồng Tháp".to_owned(),
    })
}

/// The tờ trình of a proposal: the Department's to the higher authority once forwarded (with its
/// TTr number), otherwise the unit's to the Giám đốc Sở (unnumbered, for the unit to sign).
pub fn to_trinh_docx(conn: &mut DbConnection, row: &ProposalRow) -> AppResult<(Vec<u8>, String)> {
    let form = catalogue::find_row(conn, row.award_form_id)?;
    let nominees = proposals::nominees_of(conn, row.id)?;
    let forwarded = registers::find_opt(conn, row.forward_entry_id)?;
    let listed: Vec<Awardee> = nominees
        .iter()
        .filter(|n| forwarded.is_none() || n.in_running())
        .map(awardee)
        .collect();
    let occasion = occasion_phrase(conn, row)?;
    let mut background = vec![format!(
        "{}, {} đề nghị tặng {} cho các tập thể, cá nhân {occasion}.",
        row.title.trim_end_matches('.'),
        if forwarded.is_some() {
            "Sở Tư pháp"
        } else {
            "đơn vị"
        },
        form.name
    )];
    if let Some(summary) = &row.summary {
        background.push(summary.clone());
    }
    let (agency, number, date, addressee, signature) = match &forwarded {
        Some(entry) => (
            Agency::so_tu_phap_dong_thap(),
            u32::try_from(entry.number).ok(),
            row.forwarded_on,
            form.authority.label().to_owned(),
            Signature::new(
                row.signer_title
                    .clone()
                    .unwrap_or_else(|| "GIÁM ĐỐC".to_owned()),
                row.signer_name.clone().unwrap_or_default(),
            ),
        ),
        None => (
            unit_agency(conn, row.unit_id)?,
            None,
            None,
            "Giám đốc Sở Tư pháp".to_owned(),
            Signature::new("THỦ TRƯỞNG ĐƠN VỊ", ""),
        ),
    };
    let input = ToTrinhKhenThuong {
        agency,
        number,
        date,
        subject: format!(
            "Về việc đề nghị tặng {} cho tập thể, cá nhân {occasion}",
            form.name
        ),
        addressee,
        grounds: vec![
            format!("{};", GROUNDS[0]),
            format!("Căn cứ {};", form.legal_basis.trim_end_matches(['.', ';'])),
        ],
        background,
        award_form: form.name.clone(),
        nominees: listed,
        signature,
        recipients: Recipients::new(["Như trên", "Hội đồng Thi đua - Khen thưởng Sở"]),
    };
    let bytes = render(&to_trinh(&input)).map_err(failed)?;
    Ok((
        bytes,
        format!("to-trinh-de-nghi-khen-thuong-{}.docx", row.id),
    ))
}

/// The decision of an approved proposal, with the awarded nominees and their rewards.
pub fn quyet_dinh(
    conn: &mut DbConnection,
    row: &ProposalRow,
) -> AppResult<(QuyetDinhKhenThuong, Vec<NomineeRow>)> {
    let Some(entry) = registers::find_opt(conn, row.decision_entry_id)? else {
        return Err(AppError::new(ErrorCode::Conflict)
            .with_detail("Hồ sơ chưa có quyết định khen thưởng của Giám đốc Sở."));
    };
    let form: AwardFormRow = catalogue::find_row(conn, row.award_form_id)?;
    let awarded: Vec<NomineeRow> = proposals::nominees_of(conn, row.id)?
        .into_iter()
        .filter(|n| n.outcome == NomineeOutcome::Approved)
        .collect();
    let mut signature = Signature::new(
        row.signer_title
            .clone()
            .unwrap_or_else(|| "GIÁM ĐỐC".to_owned()),
        row.signer_name.clone().unwrap_or_default(),
    );
    if let Some(authority) = &row.signer_authority {
        signature = signature.authority(authority.clone());
    }
    let decision = QuyetDinhKhenThuong {
        agency: Agency::so_tu_phap_dong_thap(),
        number: u32::try_from(entry.number).ok(),
        date: row.decided_on,
        issuer_title: "Giám đốc Sở Tư pháp tỉnh Đồng Tháp".to_owned(),
        awarded_by: "Giám đốc Sở Tư pháp".to_owned(),
        award_form: form.name.replace(" của Giám đốc Sở Tư pháp", "").replace(" của Giám đốc Sở", ""),
        occasion: occasion_phrase(conn, row)?,
        grounds: GROUNDS.iter().map(|g| (*g).to_owned()).collect(),
        proposal: "Theo đề nghị của Chánh Văn phòng Sở".to_owned(),
        awardees: awarded.iter().map(awardee).collect(),
        funding: "Kinh phí khen thưởng được chi từ Quỹ thi đua, khen thưởng của Sở Tư pháp".to_owned(),
        executors: "Chánh Văn phòng Sở, Thủ trưởng các đơn vị thuộc và trực thuộc Sở và các tập thể, cá nhân có tên tại Điều 1".to_owned(),
        signature,
        recipients: Recipients::new(["Như Điều 3", "Ban Giám đốc Sở", "Trang thông tin điện tử Sở"]),
    };
    Ok((decision, awarded))
}

pub fn quyet_dinh_docx(conn: &mut DbConnection, row: &ProposalRow) -> AppResult<(Vec<u8>, String)> {
    let (decision, _) = quyet_dinh(conn, row)?;
    let bytes = render(&quyet_dinh_khen_thuong(&decision)).map_err(failed)?;
    Ok((bytes, format!("quyet-dinh-khen-thuong-{}.docx", row.id)))
}

/// A Giấy khen for an awarded nominee of a decision of the Giám đốc Sở.
pub fn certificate_docx(
    conn: &mut DbConnection,
    row: &ProposalRow,
    nominee: &NomineeRow,
    mode: &CertificateMode,
) -> AppResult<(Vec<u8>, String)> {
    if !matches!(row.state, ProposalState::Approved | ProposalState::Awarded)
        || row.decision_entry_id.is_none()
    {
        return Err(AppError::new(ErrorCode::Conflict)
            .with_detail("Chỉ in Giấy khen theo quyết định khen thưởng của Giám đốc Sở."));
    }
    if nominee.outcome != NomineeOutcome::Approved {
        return Err(AppError::new(ErrorCode::Conflict)
            .with_detail("Tập thể, cá nhân này không có tên trong quyết định khen thưởng."));
    }
    let (decision, _) = quyet_dinh(conn, row)?;
    let cert: GiayKhen = giay_khen(&decision, &awardee(nominee));
    let bytes = render_certificate(&cert, mode).map_err(failed)?;
    Ok((bytes, format!("giay-khen-{}-{}.docx", row.id, nominee.id)))
}

fn participant(member: &council::CouncilMember) -> Participant {
    Participant {
        name: member.full_name.clone(),
        role: format!("{} - {}", member.title, member.role.label()),
    }
}

/// The minutes of a closed meeting, with the tallies of its ballots.
pub fn minutes_docx(conn: &mut DbConnection, meeting: &MeetingRow) -> AppResult<(Vec<u8>, String)> {
    if meeting.status != super::types::MeetingStatus::Closed {
        return Err(AppError::new(ErrorCode::Conflict)
            .with_detail("Biên bản có sau khi Hội đồng kết thúc bỏ phiếu."));
    }
    let council_row = council::find_council(conn, meeting.council_id)?;
    let members = council::members_of(conn, meeting.council_id)?;
    let attendance = council::attendance_of(conn, meeting.id)?;
    let find = |id: i64| members.iter().find(|m| m.id == id);
    let chair = find(meeting.chair_member_id)
        .map(participant)
        .unwrap_or(Participant {
            name: String::new(),
            role: String::new(),
        });
    let secretary = find(meeting.secretary_member_id)
        .map(participant)
        .unwrap_or(Participant {
            name: String::new(),
            role: String::new(),
        });
    let present: Vec<Participant> = attendance
        .iter()
        .filter(|(_, present, _)| *present)
        .filter_map(|(id, _, _)| find(*id).map(participant))
        .collect();
    let absent: Vec<Absence> = attendance
        .iter()
        .filter(|(_, present, _)| !*present)
        .filter_map(|(id, _, reason)| {
            find(*id).map(|m| Absence {
                participant: participant(m),
                reason: reason.clone().unwrap_or_default(),
            })
        })
        .collect();
    let ballots: Vec<BallotRow> = ballot::of_meeting(conn, meeting.id)?;
    let mut tallies = Vec::new();
    let mut conclusions = Vec::new();
    let first = ballots.first();
    for b in &ballots {
        let nominee = proposals::find_nominee(conn, b.nominee_id)?;
        tallies.push(Tally {
            nominee: nominee.full_name.clone(),
            unit: nominee.workplace.clone(),
            approve: u32::try_from(b.approve.unwrap_or(0)).unwrap_or(0),
            reject: u32::try_from(b.reject.unwrap_or(0)).unwrap_or(0),
            abstain: u32::try_from(b.abstain.unwrap_or(0)).unwrap_or(0),
        });
    }
    // A meeting's proposals share one way of counting (checked when it is scheduled).
    let (threshold, vote_base) = match first {
        Some(b) => (
            b.threshold(),
            match b.denominator {
                VoteDenominator::AllMembers => VoteBase::AllMembers,
                VoteDenominator::MembersPresent => VoteBase::Present,
            },
        ),
        None => (
            Threshold {
                percent: 50,
                strict: true,
            },
            VoteBase::Present,
        ),
    };
    let passed: Vec<String> = ballots
        .iter()
        .filter(|b| b.result == Some(super::types::VoteResult::Passed))
        .filter_map(|b| {
            tallies
                .get(ballots.iter().position(|x| x.id == b.id).unwrap_or(0))
                .map(|t| t.nominee.clone())
        })
        .collect();
    if passed.is_empty() {
        conclusions
            .push("Không có tập thể, cá nhân nào đạt tỷ lệ phiếu đồng ý theo quy định.".to_owned());
    } else {
        conclusions.push(format!(
            "Hội đồng thống nhất đề nghị khen thưởng các tập thể, cá nhân đạt tỷ lệ phiếu đồng ý: {}.",
            passed.join(", ")
        ));
    }
    if let Some(text) = &meeting.conclusions {
        conclusions.push(text.clone());
    }
    let local = crate::time::TIME_ZONE
        .from_utc_datetime(&meeting.meets_at)
        .naive_local();
    let ended = meeting
        .ended_at
        .map(|t| {
            crate::time::TIME_ZONE
                .from_utc_datetime(&t)
                .naive_local()
                .time()
        })
        .filter(|t| *t > local.time());
    let entry = registers::find_opt(conn, meeting.minutes_entry_id)?;
    let input = BienBanHopHoiDong {
        agency: Agency {
            governing_body: "SỞ TƯ PHÁP".to_owned(),
            name: "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG".to_owned(),
            code: "HĐTĐKT".to_owned(),
            place: "Đồng Tháp".to_owned(),
        },
        number: entry.and_then(|e| u32::try_from(e.number).ok()),
        subject: meeting.subject.clone(),
        council: "Hội đồng Thi đua - Khen thưởng Sở".to_owned(),
        started_at: local,
        ended_at: ended,
        venue: meeting.venue.clone(),
        chair,
        secretary,
        members_total: u32::try_from(members.iter().filter(|m| m.active).count()).unwrap_or(0),
        present,
        absent,
        quorum: Threshold {
            percent: u32::try_from(council_row.quorum_percent).unwrap_or(50),
            strict: council_row.quorum_strict,
        },
        content: meeting.content.iter().cloned().collect(),
        ballot: "bỏ phiếu kín".to_owned(),
        vote_base,
        threshold,
        tallies,
        conclusions,
    };
    let bytes = render(&bien_ban_hop_hoi_dong(&input)).map_err(failed)?;
    Ok((bytes, format!("bien-ban-hop-hoi-dong-{}.docx", meeting.id)))
}
