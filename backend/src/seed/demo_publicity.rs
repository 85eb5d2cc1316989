//! The demo year's publicity: the units' propagation log from March to November (every channel,
//! with reach, links, featured exemplars and a few screenshots) and a dozen exemplars published
//! by the Office with their subjects' consent (one more published, then taken down). Written
//! through the model functions the API uses, back-dated, never after the real now.
//!
//! Idempotent with its own settings key, so that a database seeded with an earlier demo year
//! gets its publicity on the next `seed-demo`, once.

use std::path::Path;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::demo_year::{YEAR, date, local, picture, principal, unit_id};
use crate::attachments::model::{self as attachments, NewAttachment, Owner};
use crate::attachments::storage::{self, Storage};
use crate::auth::Principal;
use crate::clock::Clock;
use crate::db::DbConnection;
use crate::db::schema::{exemplars, settings};
use crate::error::{AppError, AppResult};
use crate::exemplars::model::{self as exemplar_model, ExemplarRow};
use crate::exemplars::types::{RecordStatus, SubjectKind};
use crate::http::etag::IfMatch;
use crate::http::validation::validate_with;
use crate::publicity::propagation::channel::Channel;
use crate::publicity::propagation::model::{self as propagation, PropagationInput};
use crate::publicity::publication::model::{
    self as publication, ConsentInput, PublishRequest, UnpublishRequest,
};
use crate::publicity::publication::types::ConsentMethod;
use crate::time::Day;

/// The settings key that marks the demo publicity as seeded.
pub const MARKER: &str = "demo_publicity_2026";

/// How many exemplars the demo keeps published.
pub const PUBLISHED: usize = 12;

#[derive(Debug, Clone, Copy, Default)]
pub struct Report {
    pub already_seeded: bool,
    pub propagation: usize,
    pub published: usize,
    pub unpublished: usize,
}

/// One activity of the log: unit, channel, (month, day), title, views, shares, attendees, link.
struct Activity {
    unit: &'static str,
    channel: Channel,
    held: (u32, u32),
    title: &'static str,
    reach: (Option<i64>, Option<i64>, Option<i64>),
    url: Option<&'static str>,
    note: Option<&'static str>,
}

const fn activity(
    unit: &'static str,
    channel: Channel,
    held: (u32, u32),
    title: &'static str,
    reach: (Option<i64>, Option<i64>, Option<i64>),
    url: Option<&'static str>,
) -> Activity {
    Activity {
        unit,
        channel,
        held,
        title,
        reach,
        url,
        note: None,
    }
}

use Channel::{
    Conference, DepartmentPortal, Facebook, Other, PbgdplPortal, Press, Publication, Zalo,
};

const ACTIVITIES: &[Activity] = &[
    activity(
        "TGPL",
        DepartmentPortal,
        (3, 12),
        "Chị Nguyễn Thị Hồng Nhung – người trợ giúp pháp lý tận tụy với người nghèo",
        (Some(1_840), Some(96), None),
        Some("https://sotuphap.dongthap.gov.vn/guong-dien-hinh/nguyen-thi-hong-nhung"),
    ),
    activity(
        "TGPL",
        Facebook,
        (3, 13),
        "Chia sẻ bài viết gương trợ giúp viên pháp lý Nguyễn Thị Hồng Nhung",
        (Some(5_320), Some(214), None),
        Some("https://www.facebook.com/sotuphapdongthap/posts/guong-dien-hinh-thang-3"),
    ),
    activity(
        "PBGDPL",
        PbgdplPortal,
        (3, 25),
        "Mô hình \"Hòa giải viên gắn với nhóm Zalo ấp\" ở ấp Tân Phong",
        (Some(2_410), Some(58), None),
        Some("https://pbgdpl.dongthap.gov.vn/mo-hinh-hoa-giai-nhom-zalo-ap"),
    ),
    activity(
        "PBGDPL",
        Zalo,
        (4, 2),
        "Gửi bản tin gương hòa giải viên tiêu biểu đến nhóm Zalo hòa giải viên các xã",
        (Some(1_150), Some(73), None),
        None,
    ),
    activity(
        "VP",
        Conference,
        (4, 16),
        "Hội nghị sơ kết quý I phong trào thi đua, biểu dương gương điển hình tiên tiến",
        (None, None, Some(120)),
        None,
    ),
    activity(
        "HCTP",
        DepartmentPortal,
        (4, 22),
        "Một cửa hộ tịch liên thông: cách làm hay của Phòng Hành chính tư pháp",
        (Some(1_260), Some(31), None),
        Some("https://sotuphap.dongthap.gov.vn/tin-tuc/mot-cua-ho-tich-lien-thong"),
    ),
    activity(
        "PCC1",
        Press,
        (5, 6),
        "Báo Đồng Tháp: Công chứng viên tận tâm phục vụ người dân vùng sâu",
        (Some(8_900), Some(140), None),
        Some("https://baodongthap.vn/phap-luat/cong-chung-vien-tan-tam"),
    ),
    activity(
        "TGPL",
        Zalo,
        (5, 14),
        "Tin nhắn giới thiệu Tổ Trợ giúp pháp lý lưu động vùng biên giới",
        (Some(860), Some(41), None),
        None,
    ),
    activity(
        "DGTS",
        Facebook,
        (5, 28),
        "Đấu giá tài sản công khai, minh bạch: gương viên chức Trung tâm Dịch vụ đấu giá",
        (Some(3_470), Some(88), None),
        Some("https://www.facebook.com/sotuphapdongthap/posts/dau-gia-minh-bach"),
    ),
    activity(
        "PBGDPL",
        Conference,
        (6, 10),
        "Tọa đàm \"Học tập và làm theo gương người tốt, việc tốt trong ngành Tư pháp\"",
        (None, None, Some(85)),
        None,
    ),
    activity(
        "BTTP",
        PbgdplPortal,
        (6, 19),
        "Luật sư tham gia trợ giúp pháp lý miễn phí cho người dân sau sắp xếp đơn vị hành chính",
        (Some(1_730), Some(45), None),
        Some("https://pbgdpl.dongthap.gov.vn/luat-su-tro-giup-phap-ly"),
    ),
    activity(
        "XDKTVB",
        DepartmentPortal,
        (6, 30),
        "Chuyên viên thẩm định văn bản: chính xác, đúng hạn, không để văn bản trái luật",
        (Some(940), Some(12), None),
        Some("https://sotuphap.dongthap.gov.vn/guong-dien-hinh/tham-dinh-van-ban"),
    ),
    activity(
        "VP",
        Publication,
        (7, 15),
        "Biên soạn tài liệu \"Gương điển hình tiên tiến ngành Tư pháp Đồng Tháp năm 2026\" (tập 1)",
        (None, None, None),
        None,
    ),
    activity(
        "TGPL",
        Press,
        (7, 22),
        "Đài Phát thanh – Truyền hình Đồng Tháp: Chuyện những người làm trợ giúp pháp lý",
        (Some(12_400), Some(310), None),
        Some("https://dongthaptv.vn/phong-su/nguoi-lam-tro-giup-phap-ly"),
    ),
    activity(
        "HCTP",
        Zalo,
        (8, 5),
        "Giới thiệu gương chuyên viên hộ tịch trên Zalo OA Sở Tư pháp",
        (Some(2_030), Some(66), None),
        Some("https://zalo.me/sotuphapdongthap"),
    ),
    activity(
        "VP",
        Conference,
        (8, 28),
        "Kỷ niệm Ngày truyền thống ngành Tư pháp 28/8: tôn vinh 10 gương điển hình",
        (None, None, Some(210)),
        None,
    ),
    activity(
        "PCC1",
        Facebook,
        (9, 9),
        "Video ngắn: một ngày làm việc của công chứng viên Phòng Công chứng số 1",
        (Some(15_600), Some(402), None),
        Some("https://www.facebook.com/sotuphapdongthap/videos/mot-ngay-cong-chung-vien"),
    ),
    activity(
        "PBGDPL",
        DepartmentPortal,
        (9, 18),
        "Câu lạc bộ \"Phụ nữ với pháp luật\" xã Tân Hồng – mô hình đáng nhân rộng",
        (Some(1_380), Some(39), None),
        Some("https://sotuphap.dongthap.gov.vn/tin-tuc/clb-phu-nu-voi-phap-luat"),
    ),
    activity(
        "DGTS",
        Other,
        (9, 26),
        "Pano giới thiệu gương điển hình tại trụ sở Trung tâm Dịch vụ đấu giá tài sản",
        (None, None, None),
        None,
    ),
    activity(
        "TGPL",
        PbgdplPortal,
        (10, 7),
        "Trợ giúp pháp lý cho trẻ em: những phiên tòa có người đồng hành",
        (Some(2_150), Some(77), None),
        Some("https://pbgdpl.dongthap.gov.vn/tro-giup-phap-ly-tre-em"),
    ),
    activity(
        "BTTP",
        Zalo,
        (10, 15),
        "Bản tin tháng 10: gương luật sư, công chứng viên tiêu biểu",
        (Some(1_020), Some(28), None),
        None,
    ),
    activity(
        "VP",
        Press,
        (10, 24),
        "Báo Pháp luật Việt Nam: Đồng Tháp lan tỏa gương điển hình ngành Tư pháp",
        (Some(6_300), Some(95), None),
        Some("https://baophapluat.vn/dong-thap-lan-toa-guong-dien-hinh"),
    ),
    activity(
        "HCTP",
        Conference,
        (11, 4),
        "Hội nghị chia sẻ kinh nghiệm giải quyết hồ sơ hộ tịch có yếu tố nước ngoài",
        (None, None, Some(64)),
        None,
    ),
    activity(
        "PBGDPL",
        Facebook,
        (11, 9),
        "Ngày Pháp luật 9/11: giới thiệu các mô hình hòa giải, phổ biến pháp luật tiêu biểu",
        (Some(7_850), Some(236), None),
        Some("https://www.facebook.com/sotuphapdongthap/posts/ngay-phap-luat-9-11"),
    ),
    activity(
        "XDKTVB",
        Publication,
        (11, 14),
        "Sổ tay kinh nghiệm thẩm định, kiểm tra văn bản quy phạm pháp luật",
        (None, None, None),
        None,
    ),
    activity(
        "TGPL",
        DepartmentPortal,
        (11, 20),
        "Tổ Trợ giúp pháp lý lưu động: 36 đợt đến với người dân 24 xã biên giới",
        (Some(1_120), Some(22), None),
        Some("https://sotuphap.dongthap.gov.vn/guong-dien-hinh/to-tgpl-luu-dong"),
    ),
];

/// Activities with a screenshot or photo attached (by position).
const WITH_PICTURE: &[usize] = &[0, 4, 6, 9, 15, 16];

fn invalid(what: &str, detail: impl std::fmt::Display) -> AppError {
    AppError::internal(format!("demo publicity for {what} is invalid: {detail}"))
}

/// Seeds the publicity of the demo year unless it was seeded before.
pub fn seed(conn: &mut DbConnection, data_dir: &Path, clock: &Clock) -> AppResult<Report> {
    let pictures = Storage::new(data_dir);
    crate::db::write_transaction(conn, |conn| {
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
        let limit = clock.now_naive() - Duration::hours(1);
        let today = clock.today();
        let office = principal(conn, "vanphong")?;
        let mut report = Report {
            published: publish(conn, &office, limit, today)?,
            ..Report::default()
        };
        report.unpublished = usize::from(report.published > PUBLISHED);
        report.published -= report.unpublished;
        report.propagation = log(conn, &office, &pictures, limit, today)?;
        diesel::insert_into(settings::table)
            .values((
                settings::key.eq(MARKER),
                settings::value.eq(serde_json::json!({
                    "propagation": report.propagation,
                    "published": report.published,
                    "seededAt": clock.now(),
                })
                .to_string()),
                settings::version.eq(1),
                settings::updated_at.eq(clock.now_naive()),
            ))
            .execute(conn)?;
        Ok(report)
    })
}

/// The unit head of `unit`, or the Office for units without demo accounts.
fn unit_head(conn: &mut DbConnection, unit: &str, office: &Principal) -> AppResult<Principal> {
    let username = format!("{}.truong", unit.to_lowercase());
    principal(conn, &username).or_else(|_| Ok(office.clone()))
}

/// Publishes the first confirmed, never stopped exemplars (one more than [`PUBLISHED`], the last
/// then taken down), each a few days after its last change; returns how many were published.
fn publish(
    conn: &mut DbConnection,
    office: &Principal,
    limit: NaiveDateTime,
    today: NaiveDate,
) -> AppResult<usize> {
    let confirmed: Vec<ExemplarRow> = exemplars::table
        .filter(exemplars::record_status.eq(RecordStatus::Confirmed))
        .filter(exemplars::stopped_reason.is_null())
        .order(exemplars::id.asc())
        .select(ExemplarRow::as_select())
        .load(conn)?;
    // Every unit in turn, so that the gallery shows the whole Department.
    let mut by_unit: Vec<(i64, std::collections::VecDeque<ExemplarRow>)> = Vec::new();
    for row in confirmed {
        match by_unit.iter_mut().find(|(unit, _)| *unit == row.unit_id) {
            Some((_, rows)) => rows.push_back(row),
            None => by_unit.push((row.unit_id, std::collections::VecDeque::from([row]))),
        }
    }
    let mut candidates: Vec<ExemplarRow> = Vec::new();
    while candidates.len() <= PUBLISHED && by_unit.iter().any(|(_, rows)| !rows.is_empty()) {
        for (_, rows) in &mut by_unit {
            if candidates.len() <= PUBLISHED
                && let Some(row) = rows.pop_front()
            {
                candidates.push(row);
            }
        }
    }
    let methods = [
        ConsentMethod::Written,
        ConsentMethod::Email,
        ConsentMethod::Verbal,
    ];
    for (index, row) in candidates.iter().enumerate() {
        let at = (row.updated_at + Duration::days(3)).min(limit);
        let consent_day = crate::time::local_date(at - Duration::days(2))
            .max(row.discovered_on)
            .min(today);
        let unit_code: String = crate::db::schema::units::table
            .find(row.unit_id)
            .select(crate::db::schema::units::code)
            .first(conn)?;
        let recorder = unit_head(conn, &unit_code, office)?;
        let consent = (row.subject_kind == SubjectKind::Individual).then(|| ConsentInput {
            given_on: Day(consent_day),
            method: methods[index % methods.len()],
            recorded_by: Some(recorder.display_name.clone()),
            note: (methods[index % methods.len()] == ConsentMethod::Written)
                .then(|| "Bản đồng ý có chữ ký lưu tại hồ sơ của đơn vị.".to_owned()),
        });
        let public_summary = index.is_multiple_of(3).then(|| {
            format!(
                "{} Tấm gương được Sở Tư pháp giới thiệu để cán bộ, công chức, viên chức và Nhân dân học tập, làm theo.",
                row.achievements
            )
        });
        let request = PublishRequest {
            public_summary,
            consent,
        }
        .normalized();
        validate_with(&request, request.extra_errors(today)).map_err(|e| invalid(&row.name, e))?;
        publication::publish(conn, office, row, IfMatch::Any, at, &request)?;
        if index == PUBLISHED {
            let row = exemplar_model::find_row(conn, row.id)?;
            let request = UnpublishRequest {
                reason: "Đơn vị đề nghị tạm gỡ để cập nhật hình ảnh và số liệu năm 2026."
                    .to_owned(),
            };
            publication::unpublish(
                conn,
                office,
                &row,
                IfMatch::Any,
                (at + Duration::days(5)).min(limit).max(at),
                &request,
            )?;
        }
    }
    Ok(candidates.len())
}

/// The propagation log; returns how many activities it recorded.
fn log(
    conn: &mut DbConnection,
    office: &Principal,
    pictures: &Storage,
    limit: NaiveDateTime,
    today: NaiveDate,
) -> AppResult<usize> {
    let mut written = 0;
    for (index, spec) in ACTIVITIES.iter().enumerate() {
        let held = date(spec.held.0, spec.held.1);
        if held > today || held.year() != YEAR {
            continue;
        }
        let unit = unit_id(conn, spec.unit)?.ok_or_else(|| invalid(spec.title, "no such unit"))?;
        let at = local(held + Duration::days(1), 10, 0).min(limit);
        // The unit's own staff keep its log; the Office keeps the Department's.
        let recorder = match spec.unit {
            "VP" => office.clone(),
            code => principal(conn, &format!("{}.canbo", code.to_lowercase()))
                .unwrap_or_else(|_| office.clone()),
        };
        // Featured: the unit's exemplars recorded by then (the Department's events: any unit's).
        let mut featured = exemplars::table
            .filter(exemplars::created_at.le(at))
            .filter(exemplars::record_status.eq(RecordStatus::Confirmed))
            .order(exemplars::id.asc())
            .select(exemplars::id)
            .into_boxed();
        if spec.unit != "VP" {
            featured = featured.filter(exemplars::unit_id.eq(unit));
        }
        let featured: Vec<i64> = featured.load(conn)?;
        let take = if spec.channel == Conference || spec.channel == Publication {
            3
        } else {
            1
        };
        let exemplar_ids: Vec<i64> = featured
            .iter()
            .cycle()
            .skip(index % featured.len().max(1))
            .take(take.min(featured.len()))
            .copied()
            .collect();
        let input = PropagationInput {
            unit_id: unit,
            channel: spec.channel,
            title: spec.title.to_owned(),
            held_on: Day(held),
            url: spec.url.map(str::to_owned),
            exemplar_ids,
            views: spec.reach.0,
            shares: spec.reach.1,
            attendees: spec.reach.2,
            note: spec.note.map(str::to_owned).or_else(|| match spec.channel {
                Conference => Some("Có biên bản và danh sách đại biểu tham dự.".to_owned()),
                Publication => Some(
                    "In 300 bản, gửi các đơn vị thuộc, trực thuộc Sở và UBND các xã, phường."
                        .to_owned(),
                ),
                _ => None,
            }),
        }
        .normalized();
        validate_with(&input, input.extra_errors(today)).map_err(|e| invalid(spec.title, e))?;
        let id = propagation::insert(conn, &recorder, at, &input)?;
        written += 1;
        if WITH_PICTURE.contains(&index) {
            let bytes = picture(index + 200)?;
            let sha256 = pictures.store(&bytes)?;
            let has_thumbnail = pictures.make_thumbnail(&sha256, &bytes)?;
            attachments::insert(
                conn,
                &NewAttachment {
                    owner: Owner::Propagation(id),
                    file_name: &format!("anh-chup-{}.png", index + 1),
                    content_type: storage::detect(&bytes)?,
                    size_bytes: bytes.len() as i64,
                    sha256: &sha256,
                    has_thumbnail,
                    caption: Some("Ảnh chụp bài đăng, hoạt động"),
                    uploaded_by: recorder.user_id(),
                    created_at: at,
                },
            )?;
        }
    }
    Ok(written)
}
