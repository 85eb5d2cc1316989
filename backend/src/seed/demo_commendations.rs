//! The demo year's commendations: the 2026 council with its members, proposals in every state
//! (a draft, one sent, one returned for revision, one in its public notice with comments, one
//! forwarded to the province, two Giấy khen voted by secret ballot and decided with their
//! numbers, one awarded, one rejected).
//!
//! Unlike the other demo seeders this one goes through the HTTP API itself, in process, signed
//! in as the demo accounts: every guard, eligibility rule, number register, ballot and audit
//! entry is the application's own. A stopped clock walks through October–December and never
//! passes the real time; the notice still running is placed just before the real today.
//!
//! Idempotent with its own settings key.

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::{Method, StatusCode, header};
use actix_web::test::{TestRequest, call_service, init_service, read_body};
use actix_web::web;
use chrono::{DateTime, Duration, TimeZone, Utc};
use diesel::prelude::*;
use serde_json::{Value, json};

use super::demo::DEMO_PASSWORD;
use super::demo_year::YEAR;
use crate::db::schema::{exemplars, settings};
use crate::error::{AppError, AppResult};
use crate::exemplars::types::{RecordStatus, SubjectKind};
use crate::state::AppState;
use crate::time::TIME_ZONE;

/// The settings key that marks the demo commendations as seeded.
pub const MARKER: &str = "demo_commendations_2026";

#[derive(Debug, Clone, Copy, Default)]
pub struct Report {
    pub already_seeded: bool,
    pub proposals: usize,
    pub decided: usize,
}

/// A tiny PDF, recognised by its content.
const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
const BOUNDARY: &str = "lantoa-demo-boundary";

/// `hh:mm` of a day of the demo year in Vietnam, as UTC, never after `real_now`.
fn at(month: u32, day: u32, hour: u32, real_now: DateTime<Utc>) -> DateTime<Utc> {
    TIME_ZONE
        .with_ymd_and_hms(YEAR, month, day, hour, 0, 0)
        .single()
        .map_or(real_now, |t| t.with_timezone(&Utc))
        .min(real_now)
}

fn failed(what: &str, status: StatusCode, body: &Value) -> AppError {
    AppError::internal(format!("demo commendations: {what}: {status} {body}"))
}

/// The application, called in process as the demo accounts.
struct Api<S> {
    service: S,
    state: web::Data<AppState>,
}

impl<S, B> Api<S>
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    fn set_time(&self, instant: DateTime<Utc>) {
        self.state.clock.set(instant);
    }

    async fn send(&self, what: &str, request: TestRequest) -> AppResult<Value> {
        let request = request
            .peer_addr("203.113.130.10:50000".parse().map_err(AppError::internal)?)
            .to_request();
        let response = call_service(&self.service, request).await;
        let status = response.status();
        let etag = response
            .headers()
            .get(header::ETAG)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let bytes = read_body(response).await;
        let mut body: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        if !status.is_success() {
            return Err(failed(what, status, &body));
        }
        if let (Some(etag), Some(object)) = (etag, body.as_object_mut()) {
            object.insert("_etag".to_owned(), Value::String(etag));
        }
        Ok(body)
    }

    async fn login(&self, username: &str) -> AppResult<String> {
        let body = self
            .send(
                "login",
                TestRequest::post()
                    .uri("/api/v1/auth/login")
                    .set_json(json!({ "username": username, "password": DEMO_PASSWORD })),
            )
            .await?;
        body["accessToken"]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| failed("login", StatusCode::OK, &body))
    }

    async fn call(
        &self,
        method: Method,
        path: &str,
        token: &str,
        body: Option<Value>,
        if_match: Option<&Value>,
    ) -> AppResult<Value> {
        let mut request = TestRequest::default()
            .method(method)
            .uri(&format!("/api/v1{path}"))
            .insert_header((header::AUTHORIZATION, format!("Bearer {token}")));
        if let Some(record) = if_match {
            let etag = record["_etag"]
                .as_str()
                .map_or_else(|| format!("\"{}\"", record["version"]), str::to_owned);
            request = request.insert_header((header::IF_MATCH, etag));
        }
        if let Some(body) = body {
            request = request.set_json(body);
        }
        self.send(path, request).await
    }

    async fn get(&self, path: &str, token: &str) -> AppResult<Value> {
        self.call(Method::GET, path, token, None, None).await
    }

    async fn post(&self, path: &str, token: &str, body: Value) -> AppResult<Value> {
        self.call(Method::POST, path, token, Some(body), None).await
    }

    /// A workflow step on a proposal (with its `If-Match`).
    async fn step(
        &self,
        token: &str,
        proposal: &Value,
        action: &str,
        body: Value,
    ) -> AppResult<Value> {
        let path = format!("/commendation-proposals/{}/{action}", proposal["id"]);
        self.call(Method::POST, &path, token, Some(body), Some(proposal))
            .await
    }

    async fn attach(&self, token: &str, proposal_id: i64, kind: &str) -> AppResult<Value> {
        let mut body = Vec::new();
        body.extend_from_slice(
            format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{kind}.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(PDF);
        body.extend_from_slice(
            format!(
                "\r\n--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n{kind}\r\n--{BOUNDARY}--\r\n"
            )
            .as_bytes(),
        );
        let request = TestRequest::post()
            .uri(&format!(
                "/api/v1/commendation-proposals/{proposal_id}/attachments"
            ))
            .insert_header((header::AUTHORIZATION, format!("Bearer {token}")))
            .insert_header((
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={BOUNDARY}"),
            ))
            .set_payload(body);
        self.send("attachment", request).await
    }

    async fn cast(&self) -> AppResult<Cast> {
        Ok(Cast {
            office: self.login("vanphong").await?,
            leader: self.login("lanhdao").await?,
        })
    }

    async fn db<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut crate::db::DbConnection) -> AppResult<T> + Send + 'static,
    ) -> AppResult<T> {
        self.state.db.run(f).await
    }

    async fn unit(&self, code: &'static str) -> AppResult<i64> {
        self.db(move |conn| super::demo_year::unit_id(conn, code))
            .await?
            .ok_or_else(|| AppError::internal(format!("demo commendations: no unit {code}")))
    }

    async fn user(&self, username: &'static str) -> AppResult<i64> {
        use crate::db::schema::users;
        self.db(move |conn| {
            Ok(users::table
                .filter(users::username.eq(username))
                .select(users::id)
                .first(conn)?)
        })
        .await
    }

    /// A draft proposal of `unit_code` made by its head, with its tờ trình and báo cáo.
    #[allow(clippy::too_many_arguments)]
    async fn draft(
        &self,
        unit_code: &'static str,
        form: &str,
        kind: &str,
        title: &str,
        nominees: Vec<Value>,
        extra: Value,
        attach: bool,
    ) -> AppResult<(String, Value)> {
        let head = self
            .login(&format!("{}.truong", unit_code.to_lowercase()))
            .await?;
        let forms = self.get("/award-forms?status=published", &head).await?;
        let form_id =
            find_code(&forms, form).ok_or_else(|| failed(form, StatusCode::NOT_FOUND, &forms))?;
        let mut body = json!({
            "unitId": self.unit(unit_code).await?,
            "awardFormId": form_id,
            "commendationType": kind,
            "year": YEAR,
            "title": title,
            "nominees": nominees,
        });
        if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
            body.extend(extra.clone());
        }
        let draft = self.post("/commendation-proposals", &head, body).await?;
        if attach {
            for kind in ["to_trinh", "bao_cao_thanh_tich"] {
                self.attach(&head, id_of(&draft), kind).await?;
            }
        }
        let draft = self
            .get(&format!("/commendation-proposals/{}", id_of(&draft)), &head)
            .await?;
        Ok((head, draft))
    }

    /// Sent by the unit, received and found eligible by the Office.
    async fn reviewed(&self, cast: &Cast, head: &str, draft: &Value) -> AppResult<Value> {
        let sent = self.step(head, draft, "submit", json!({})).await?;
        let received = self.step(&cast.office, &sent, "receive", json!({})).await?;
        let nominees: Vec<Value> = received["nominees"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|n| json!({ "nomineeId": n["id"], "eligible": true }))
            .collect();
        self.step(
            &cast.office,
            &received,
            "review",
            json!({ "nominees": nominees }),
        )
        .await
    }

    async fn story(&self, real_now: DateTime<Utc>) -> AppResult<Report> {
        let mut report = Report::default();
        let when = |month, day, hour| at(month, day, hour, real_now);

        // 02/10: the council of the year, the leader chairing, the Office its standing member.
        self.set_time(when(10, 2, 9));
        let cast = self.cast().await?;
        let council = self
            .post(
                "/councils",
                &cast.office,
                json!({
                    "year": YEAR,
                    "name": "Hội đồng Thi đua – Khen thưởng Sở Tư pháp năm 2026",
                    "establishedBy": "Quyết định số 05/QĐ-STP ngày 05/01/2026 của Giám đốc Sở Tư pháp"
                }),
            )
            .await?;
        let members = [
            ("lanhdao", "chair", "Phó Giám đốc Sở"),
            ("vanphong", "standing", "Chuyên viên Văn phòng Sở"),
            (
                "tgpl.truong",
                "member",
                "Giám đốc Trung tâm Trợ giúp pháp lý nhà nước",
            ),
            ("hctp.truong", "member", "Trưởng phòng Hành chính tư pháp"),
            (
                "xdktvb.truong",
                "member",
                "Trưởng phòng Xây dựng và Kiểm tra văn bản",
            ),
            (
                "pbgdpl.truong",
                "member",
                "Trưởng phòng Phổ biến, giáo dục pháp luật",
            ),
        ];
        let mut council = council;
        for (username, role, title) in members {
            council = self
                .post(
                    &format!("/councils/{}/members", id_of(&council)),
                    &cast.office,
                    json!({ "userId": self.user(username).await?, "role": role, "title": title }),
                )
                .await?;
        }
        let member_id = |username: &str| -> i64 {
            council["members"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|m| m["username"] == username)
                .map_or(0, id_of)
        };

        // October: two units propose Giấy khen for the year-end review.
        self.set_time(when(10, 12, 9));
        let cast = self.cast().await?;
        let occasions = self.get("/commendation-occasions", &cast.office).await?;
        let year_end = find_code(&occasions, "TK-2026");
        let regular = json!({ "occasionId": year_end });
        let tgpl = self.unit("TGPL").await?;
        let tgpl_first = self.db(move |conn| exemplar_of(conn, tgpl, 0)).await?;
        let tgpl_second = self.db(move |conn| exemplar_of(conn, tgpl, 1)).await?;
        let (tgpl_head, tgpl_draft) = self
            .draft(
                "TGPL",
                "GK-GDS",
                "regular",
                "Đề nghị tặng Giấy khen của Giám đốc Sở năm 2026 – Trung tâm Trợ giúp pháp lý",
                vec![
                    nominee(tgpl_first, "Lê Thị Hồng Nhung", tgpl, "Hoàn thành xuất sắc nhiệm vụ trợ giúp pháp lý năm 2026; 46 vụ việc tham gia tố tụng, không có khiếu nại."),
                    nominee(tgpl_second, "Trần Văn Hậu", tgpl, "Chủ trì mô hình trợ giúp pháp lý lưu động tại các xã biên giới, được nhân rộng ở 3 huyện."),
                ],
                regular.clone(),
                true,
            )
            .await?;
        let pbgdpl = self.unit("PBGDPL").await?;
        let pbgdpl_first = self.db(move |conn| exemplar_of(conn, pbgdpl, 0)).await?;
        let (pbgdpl_head, pbgdpl_draft) = self
            .draft(
                "PBGDPL",
                "GK-GDS",
                "regular",
                "Đề nghị tặng Giấy khen của Giám đốc Sở năm 2026 – Phòng Phổ biến, giáo dục pháp luật",
                vec![
                    nominee(pbgdpl_first, "Võ Thị Kim Thoa", pbgdpl, "Biên soạn bộ tài liệu phổ biến pháp luật bằng hình ảnh cho đồng bào vùng sâu, phát hành 12.000 bản."),
                    nominee(None, "Huỳnh Minh Trí", pbgdpl, "Tổ chức 18 buổi tuyên truyền pháp luật trực tuyến, thu hút hơn 9.000 lượt xem."),
                ],
                regular.clone(),
                true,
            )
            .await?;
        report.proposals += 2;

        // Mid-October: the Office receives and reviews them and puts them before the council.
        self.set_time(when(10, 16, 10));
        let cast = self.cast().await?;
        let tgpl_head = self.login("tgpl.truong").await.unwrap_or(tgpl_head);
        let pbgdpl_head = self.login("pbgdpl.truong").await.unwrap_or(pbgdpl_head);
        let tgpl_done = self.reviewed(&cast, &tgpl_head, &tgpl_draft).await?;
        let pbgdpl_done = self.reviewed(&cast, &pbgdpl_head, &pbgdpl_draft).await?;
        let tgpl_council = self
            .step(&cast.office, &tgpl_done, "send-to-council", json!({}))
            .await?;
        let pbgdpl_council = self
            .step(&cast.office, &pbgdpl_done, "send-to-council", json!({}))
            .await?;

        // 05/11: the council meets (one member away on duty) and votes by secret ballot.
        self.set_time(when(11, 5, 8));
        let cast = self.cast().await?;
        let meeting = self
            .post(
                "/council-meetings",
                &cast.office,
                json!({
                    "councilId": id_of(&council),
                    "subject": "Họp xét đề nghị tặng Giấy khen của Giám đốc Sở năm 2026",
                    "meetsAt": when(11, 5, 8).to_rfc3339(),
                    "venue": "Phòng họp số 1, Sở Tư pháp",
                    "chairMemberId": member_id("lanhdao"),
                    "secretaryMemberId": member_id("vanphong"),
                    "proposalIds": [id_of(&tgpl_council), id_of(&pbgdpl_council)],
                    "content": "Thường trực Hội đồng trình bày tờ trình, danh sách đề nghị và kết quả thẩm định của Văn phòng Sở."
                }),
            )
            .await?;
        let absent = "pbgdpl.truong";
        let entries: Vec<Value> = members
            .iter()
            .map(|(username, _, _)| {
                let here = *username != absent;
                json!({
                    "memberId": member_id(username),
                    "present": here,
                    "absenceReason": if here { Value::Null } else { json!("Đi công tác tại Bộ Tư pháp") }
                })
            })
            .collect();
        let meeting = self
            .call(
                Method::PUT,
                &format!("/council-meetings/{}/attendance", id_of(&meeting)),
                &cast.office,
                Some(json!({ "entries": entries })),
                Some(&meeting),
            )
            .await?;
        let opened = self
            .call(
                Method::POST,
                &format!("/council-meetings/{}/open-ballots", id_of(&meeting)),
                &cast.office,
                None,
                Some(&meeting),
            )
            .await?;
        let ballots: Vec<(i64, String, i64)> = opened["ballots"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|b| {
                (
                    id_of(b),
                    b["nomineeName"].as_str().unwrap_or_default().to_owned(),
                    b["proposalId"].as_i64().unwrap_or_default(),
                )
            })
            .collect();
        let doubtful = "Huỳnh Minh Trí";
        for (username, _, _) in members.iter().filter(|(u, _, _)| *u != absent) {
            let token = self.login(username).await?;
            for (ballot, name, proposal) in &ballots {
                // A member abstains on their own unit's nominees (conflict of interest).
                if *username == "tgpl.truong" && *proposal == id_of(&tgpl_council) {
                    continue;
                }
                let choice = if name == doubtful && *username != "vanphong" {
                    "reject"
                } else {
                    "approve"
                };
                self.post(
                    &format!("/ballots/{ballot}/vote"),
                    &token,
                    json!({ "choice": choice }),
                )
                .await?;
            }
        }
        let meeting = self
            .get(
                &format!("/council-meetings/{}", id_of(&meeting)),
                &cast.office,
            )
            .await?;
        self.call(
            Method::POST,
            &format!("/council-meetings/{}/close-ballots", id_of(&meeting)),
            &cast.office,
            Some(json!({ "conclusions": "Hội đồng thống nhất đề nghị Giám đốc Sở tặng Giấy khen cho các cá nhân đạt tỷ lệ phiếu đồng ý theo quy định." })),
            Some(&meeting),
        )
        .await?;

        // 10/11: the leader decides both (one nominee failed the vote), with numbers.
        self.set_time(when(11, 10, 14));
        let cast = self.cast().await?;
        for proposal in [&tgpl_council, &pbgdpl_council] {
            let current = self
                .get(
                    &format!("/commendation-proposals/{}", id_of(proposal)),
                    &cast.leader,
                )
                .await?;
            let current = if current["state"] == "in_council" {
                self.step(&cast.office, &current, "send-to-decision", json!({}))
                    .await?
            } else {
                current
            };
            let nominees: Vec<Value> = current["nominees"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|n| n["review"] == "eligible" && n["voteResult"] != "failed")
                .map(|n| json!({ "nomineeId": n["id"], "approved": true }))
                .collect();
            self.step(
                &cast.leader,
                &current,
                "approve",
                json!({
                    "decidedOn": when(11, 10, 14).with_timezone(&TIME_ZONE).date_naive(),
                    "signerAuthority": "KT. GIÁM ĐỐC",
                    "signerTitle": "PHÓ GIÁM ĐỐC",
                    "signerName": "Nguyễn Tấn Phong",
                    "nominees": nominees
                }),
            )
            .await?;
            report.decided += 1;
        }

        // A Bằng khen of the province forwarded after an ad-hoc achievement; one returned for
        // revision; one rejected.
        self.set_time(when(11, 12, 9));
        let dgts = self.unit("DGTS").await?;
        let (dgts_head, dgts_draft) = self
            .draft(
                "DGTS",
                "BK-UBND",
                "ad_hoc",
                "Đề nghị Chủ tịch UBND tỉnh tặng Bằng khen đột xuất – Trung tâm Dịch vụ đấu giá tài sản",
                vec![nominee(None, "Phan Thanh Sơn", dgts, "Phát hiện và ngăn chặn kịp thời hành vi thông đồng, dìm giá trong phiên đấu giá quyền sử dụng đất tháng 10/2026, bảo vệ ngân sách gần 4 tỷ đồng.")],
                json!({ "summary": "Thành tích đột xuất trong phiên đấu giá ngày 18/10/2026." }),
                true,
            )
            .await?;
        let cast = self.cast().await?;
        let done = self.reviewed(&cast, &dgts_head, &dgts_draft).await?;
        let pending = self
            .step(&cast.office, &done, "send-to-decision", json!({}))
            .await?;
        self.step(
            &cast.office,
            &pending,
            "forward",
            json!({ "forwardedOn": when(11, 12, 9).with_timezone(&TIME_ZONE).date_naive() }),
        )
        .await?;
        report.proposals += 1;

        self.set_time(when(11, 18, 9));
        let bttp = self.unit("BTTP").await?;
        let (bttp_head, bttp_draft) = self
            .draft(
                "BTTP",
                "GK-GDS",
                "ad_hoc",
                "Đề nghị tặng Giấy khen đột xuất – Phòng Bổ trợ tư pháp",
                vec![nominee(
                    None,
                    "Đặng Thị Mỹ Linh",
                    bttp,
                    "Giải quyết dứt điểm 35 hồ sơ công chứng tồn đọng trong tháng 10/2026.",
                )],
                json!({ "summary": "Giải quyết hồ sơ tồn đọng trước thời hạn." }),
                true,
            )
            .await?;
        let cast = self.cast().await?;
        let sent = self
            .step(&bttp_head, &bttp_draft, "submit", json!({}))
            .await?;
        self.step(
            &cast.office,
            &sent,
            "return",
            json!({ "note": "Đề nghị bổ sung xác nhận của Thủ trưởng đơn vị vào báo cáo thành tích và nêu rõ số hồ sơ đã giải quyết theo từng loại việc." }),
        )
        .await?;
        report.proposals += 1;

        self.set_time(when(11, 19, 9));
        let hctp = self.unit("HCTP").await?;
        let (hctp_head, hctp_draft) = self
            .draft(
                "HCTP",
                "BIEU-DUONG",
                "ad_hoc",
                "Đề nghị biểu dương – Phòng Hành chính tư pháp",
                vec![nominee(
                    None,
                    "Lâm Thị Thu",
                    hctp,
                    "Hỗ trợ người dân đăng ký hộ tịch ngoài giờ hành chính.",
                )],
                json!({ "summary": "Hỗ trợ người dân ngoài giờ hành chính." }),
                true,
            )
            .await?;
        let cast = self.cast().await?;
        let done = self.reviewed(&cast, &hctp_head, &hctp_draft).await?;
        let pending = self
            .step(&cast.office, &done, "send-to-decision", json!({}))
            .await?;
        self.step(
            &cast.leader,
            &pending,
            "reject",
            json!({ "note": "Thành tích thuộc nhiệm vụ thường xuyên của đơn vị; đề nghị xem xét khi bình xét cuối năm." }),
        )
        .await?;
        report.proposals += 1;

        // 20/11: the Giấy khen of the legal aid centre are handed over at the review conference.
        self.set_time(when(11, 20, 15));
        let cast = self.cast().await?;
        let approved = self
            .get(
                &format!("/commendation-proposals/{}", id_of(&tgpl_council)),
                &cast.office,
            )
            .await?;
        let awarded_on = when(11, 20, 15).with_timezone(&TIME_ZONE).date_naive();
        self.step(
            &cast.office,
            &approved,
            "mark-awarded",
            json!({ "awardedOn": awarded_on }),
        )
        .await?;
        // The Office publishes them on the portal, with the written consent taken that day.
        for nominee in approved["nominees"].as_array().into_iter().flatten() {
            if nominee["outcome"] != "approved" {
                continue;
            }
            let path = format!(
                "/commendation-nominees/{}/publication/publish",
                id_of(nominee)
            );
            let consent = json!({ "consent": {
                "givenOn": awarded_on,
                "method": "written",
                "recordedBy": "Văn phòng Sở Tư pháp",
                "note": "Bản đồng ý công khai thông tin lưu tại hồ sơ khen thưởng.",
            } });
            let unpublished = json!({ "version": 0 });
            self.call(
                Method::POST,
                &path,
                &cast.office,
                Some(consent),
                Some(&unpublished),
            )
            .await?;
        }

        // Now: a Bằng khen of the province in its public notice, with a published and a pending
        // comment; a Lao động tiên tiến list waiting for the Office; a draft.
        let notice_day = real_now - Duration::days(2);
        self.set_time(notice_day);
        let xdktvb = self.unit("XDKTVB").await?;
        let xdktvb_first = self.db(move |conn| exemplar_of(conn, xdktvb, 0)).await?;
        let (xdktvb_head, xdktvb_draft) = self
            .draft(
                "XDKTVB",
                "BK-UBND",
                "regular",
                "Đề nghị Chủ tịch UBND tỉnh tặng Bằng khen năm 2026 – Phòng Xây dựng và Kiểm tra văn bản",
                vec![nominee(xdktvb_first, "Nguyễn Hoàng Phúc", xdktvb, "Chủ trì thẩm định 112 dự thảo văn bản quy phạm pháp luật đúng hạn; phát hiện 9 văn bản trái pháp luật để xử lý.")],
                regular.clone(),
                true,
            )
            .await?;
        let cast = self.cast().await?;
        let done = self.reviewed(&cast, &xdktvb_head, &xdktvb_draft).await?;
        let notice = self
            .step(&cast.office, &done, "start-notice", json!({}))
            .await?;
        report.proposals += 1;
        self.set_time(real_now - Duration::days(1));
        let comment = self
            .send(
                "comment",
                TestRequest::post()
                    .uri(&format!("/api/v1/public/commendation-notices/{}/comments", id_of(&notice)))
                    .set_json(json!({
                        "authorName": "Trần Văn Bình",
                        "contact": "0918 123 456",
                        "body": "Tôi là công chức tư pháp xã, được đồng chí được đề nghị khen thưởng hướng dẫn rà soát văn bản rất tận tình. Tôi đồng ý với đề nghị này."
                    })),
            )
            .await?;
        self.send(
            "comment",
            TestRequest::post()
                .uri(&format!("/api/v1/public/commendation-notices/{}/comments", id_of(&notice)))
                .set_json(json!({
                    "authorName": "Lê Thị Ngọc",
                    "body": "Đề nghị Sở công bố thêm số liệu kết quả kiểm tra văn bản năm 2026 để người dân theo dõi."
                })),
        )
        .await?;
        let cast = self.cast().await?;
        let comments = self
            .get(
                &format!("/commendation-proposals/{}/comments", id_of(&notice)),
                &cast.office,
            )
            .await?;
        if let Some(first) = comments["items"]
            .as_array()
            .or(comments.as_array())
            .into_iter()
            .flatten()
            .find(|c| c["id"] == comment["id"])
        {
            self.call(
                Method::POST,
                &format!("/notice-comments/{}/approve", id_of(first)),
                &cast.office,
                Some(json!({})),
                Some(first),
            )
            .await?;
        }

        self.set_time(real_now - Duration::hours(20));
        let xdktvb_second = self.db(move |conn| exemplar_of(conn, xdktvb, 1)).await?;
        let (head, draft) = self
            .draft(
                "XDKTVB",
                "LDTT",
                "regular",
                "Đề nghị công nhận danh hiệu Lao động tiên tiến năm 2026 – Phòng Xây dựng và Kiểm tra văn bản",
                vec![nominee(xdktvb_second, "Phạm Quốc Việt", xdktvb, "Hoàn thành tốt nhiệm vụ năm 2026, chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước.")],
                regular.clone(),
                true,
            )
            .await?;
        self.step(&head, &draft, "submit", json!({})).await?;
        report.proposals += 1;

        self.set_time(real_now - Duration::hours(3));
        let tgpl_third = self.db(move |conn| exemplar_of(conn, tgpl, 2)).await?;
        self.draft(
            "TGPL",
            "CSTDCS",
            "regular",
            "Đề nghị công nhận danh hiệu Chiến sĩ thi đua cơ sở năm 2026 (dự thảo)",
            vec![nominee(tgpl_third, "Nguyễn Thị Mai", tgpl, "Có sáng kiến \"Sổ tay trợ giúp pháp lý điện tử\" được Hội đồng sáng kiến công nhận.")],
            regular,
            false,
        )
        .await?;
        report.proposals += 1;
        self.set_time(real_now);
        Ok(report)
    }
}

/// What to print after seeding.
pub fn describe(report: &Report) -> String {
    if report.already_seeded {
        "Khen thưởng demo: đã có từ lần chạy trước.".to_owned()
    } else {
        format!(
            "Khen thưởng demo: Hội đồng Thi đua – Khen thưởng năm {YEAR}, {} hồ sơ đề nghị ở các bước, {} quyết định khen thưởng đã ký.",
            report.proposals, report.decided
        )
    }
}

/// Who does what, signed in again whenever the clock moves far.
struct Cast {
    office: String,
    leader: String,
}

fn id_of(value: &Value) -> i64 {
    value["id"].as_i64().unwrap_or_default()
}

fn find_code(list: &Value, code: &str) -> Option<i64> {
    let items = list["items"].as_array().or(list.as_array())?;
    items
        .iter()
        .find(|f| f["code"] == code)
        .and_then(|f| f["id"].as_i64())
}

/// A confirmed individual exemplar of `unit`, not yet used (the `skip`-th).
fn exemplar_of(
    conn: &mut crate::db::DbConnection,
    unit_id: i64,
    skip: i64,
) -> AppResult<Option<i64>> {
    Ok(exemplars::table
        .filter(exemplars::unit_id.eq(unit_id))
        .filter(exemplars::record_status.eq(RecordStatus::Confirmed.as_str()))
        .filter(exemplars::subject_kind.eq(SubjectKind::Individual.as_str()))
        .order(exemplars::id.asc())
        .offset(skip)
        .select(exemplars::id)
        .first(conn)
        .optional()?)
}

/// A nominee: the unit's exemplar when there is one, else a person of the unit.
fn nominee(exemplar: Option<i64>, name: &str, unit_id: i64, achievement: &str) -> Value {
    match exemplar {
        Some(id) => {
            json!({ "exemplarId": id, "achievement": achievement, "recognisedInitiatives": 1 })
        }
        None => json!({
            "subjectKind": "individual",
            "fullName": name,
            "jobTitle": "Chuyên viên",
            "unitId": unit_id,
            "recognisedInitiatives": 1,
            "achievement": achievement,
        }),
    }
}

/// Seeds the demo commendations unless they were seeded before. `state` is a fresh application
/// state over the demo database whose clock the seeder stops and moves.
pub async fn seed(state: web::Data<AppState>, real_now: DateTime<Utc>) -> AppResult<Report> {
    let marked: i64 = state
        .db
        .run(|conn| {
            Ok(settings::table
                .filter(settings::key.eq(MARKER))
                .count()
                .get_result(conn)?)
        })
        .await?;
    if marked > 0 {
        return Ok(Report {
            already_seeded: true,
            ..Report::default()
        });
    }
    let service = init_service(crate::app(state.clone(), crate::WebOptions::default())).await;
    let api = Api {
        service,
        state: state.clone(),
    };
    let report = api.story(real_now).await?;
    let now = real_now.naive_utc();
    state
        .db
        .run(move |conn| {
            diesel::insert_into(settings::table)
                .values((
                    settings::key.eq(MARKER),
                    settings::value.eq("{\"seeded\":true}"),
                    settings::version.eq(1),
                    settings::updated_at.eq(now),
                ))
                .execute(conn)?;
            Ok(())
        })
        .await?;
    Ok(report)
}
