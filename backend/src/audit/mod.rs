//! The audit log: every write records who did what to which record, before and after, and the
//! request it came from. Writers call [`record`] inside the same transaction as the change.

pub mod api;

use diesel::prelude::*;
use serde::Serialize;

use crate::auth::{Auth, Principal, RequestMeta, Rule};
use crate::db::DbConnection;
use crate::db::schema::audit_log;
use crate::error::AppResult;
use crate::text_enum;

text_enum!(
    /// What was done.
    pub enum AuditAction {
        Create = "create" / "Tạo mới",
        Update = "update" / "Cập nhật",
        Delete = "delete" / "Xóa",
        Activate = "activate" / "Kích hoạt lại",
        Deactivate = "deactivate" / "Ngừng hoạt động",
        Login = "login" / "Đăng nhập",
        Logout = "logout" / "Đăng xuất",
        PasswordChange = "password_change" / "Đổi mật khẩu",
        PasswordReset = "password_reset" / "Đặt lại mật khẩu",
        UpdateProfile = "update_profile" / "Cập nhật hồ sơ cá nhân",
        Revoke = "revoke" / "Thu hồi",
        RotateSecret = "rotate_secret" / "Cấp khóa bí mật mới",
        Close = "close" / "Đóng",
        Reopen = "reopen" / "Mở lại",
        Publish = "publish" / "Công bố",
        Submit = "submit" / "Gửi",
        Confirm = "confirm" / "Xác nhận hồ sơ",
        Return = "return" / "Trả lại hồ sơ",
        ProposeStage = "propose_stage" / "Đề xuất chuyển giai đoạn",
        ConfirmStage = "confirm_stage" / "Duyệt chuyển giai đoạn",
        RejectStage = "reject_stage" / "Từ chối đề xuất",
        WithdrawStage = "withdraw_stage" / "Rút đề xuất",
        MoveStage = "move_stage" / "Chuyển giai đoạn",
        SavePlan = "save_plan" / "Lưu kế hoạch bồi dưỡng",
        SaveSummary = "save_summary" / "Lưu tổng kết",
        Finalise = "finalise" / "Hoàn tất phiếu đánh giá",
        Import = "import" / "Nhập từ tệp",
        Upload = "upload" / "Tải tệp lên",
        Remind = "remind" / "Nhắc nhở",
        Resubmit = "resubmit" / "Gửi lại",
        Accept = "accept" / "Tiếp nhận",
        Answer = "answer" / "Trả lời",
        Refer = "refer" / "Báo cáo Lãnh đạo Sở",
        Direct = "direct" / "Chỉ đạo",
        Ping = "ping" / "Thử kết nối",
        Redeliver = "redeliver" / "Gửi lại webhook",
        Unpublish = "unpublish" / "Gỡ công bố",
        UpdatePublication = "update_publication" / "Cập nhật nội dung công bố",
        Transition = "transition" / "Chuyển bước quy trình",
        Retire = "retire" / "Đưa hết hiệu lực",
        Vote = "vote" / "Bỏ phiếu",
        Moderate = "moderate" / "Kiểm duyệt",
        Reserve = "reserve" / "Giữ số",
        Cancel = "cancel" / "Hủy",
        Comment = "comment" / "Góp ý công khai",
    }
);

text_enum!(
    /// What kind of record was touched.
    pub enum EntityType {
        Unit = "unit" / "Đơn vị",
        User = "user" / "Người dùng",
        ServiceAccount = "service_account" / "Tài khoản tích hợp",
        Session = "session" / "Phiên đăng nhập",
        Movement = "movement" / "Phong trào thi đua",
        Exemplar = "exemplar" / "Điển hình",
        Replication = "replication" / "Nhân rộng",
        Evaluation = "evaluation" / "Phiếu đánh giá",
        CriteriaSet = "criteria_set" / "Bộ tiêu chí",
        Introduction = "introduction" / "Bài giới thiệu",
        Attachment = "attachment" / "Tệp đính kèm",
        Settings = "settings" / "Thiết lập",
        ReportSubmission = "report_submission" / "Báo cáo",
        Report = "report" / "Nội dung báo cáo",
        Difficulty = "difficulty" / "Khó khăn, vướng mắc",
        WebhookSubscription = "webhook_subscription" / "Đăng ký webhook",
        PropagationActivity = "propagation_activity" / "Hoạt động tuyên truyền",
        AwardForm = "award_form" / "Danh hiệu, hình thức khen thưởng",
        BaseSalary = "base_salary" / "Mức lương cơ sở",
        CommendationOccasion = "commendation_occasion" / "Dịp khen thưởng",
        CommendationProposal = "commendation_proposal" / "Hồ sơ đề nghị khen thưởng",
        Council = "council" / "Hội đồng Thi đua – Khen thưởng",
        CouncilMember = "council_member" / "Thành viên Hội đồng",
        CouncilMeeting = "council_meeting" / "Cuộc họp Hội đồng",
        Ballot = "ballot" / "Phiếu bầu",
        RegisterEntry = "register_entry" / "Số văn bản",
        NoticeComment = "notice_comment" / "Ý kiến góp ý",
        EligibilityRule = "eligibility_rule" / "Quy tắc điều kiện khen thưởng",
        TitleRecord = "title_record" / "Danh hiệu đã đạt",
        DisciplineRecord = "discipline_record" / "Hồ sơ kỷ luật",
    }
);

/// Who acted and from which request.
#[derive(Debug, Clone)]
pub struct AuditContext {
    pub user_id: Option<i64>,
    pub service_account_id: Option<i64>,
    pub name: String,
    pub request_id: Option<String>,
    pub ip: Option<String>,
    /// The time of the change (the request's, by the application clock).
    pub at: chrono::NaiveDateTime,
}

impl AuditContext {
    pub fn new(principal: &Principal, meta: &RequestMeta) -> Self {
        Self {
            user_id: principal.user_id(),
            service_account_id: principal.service_account_id(),
            name: principal.name.clone(),
            request_id: meta.request_id.clone(),
            ip: meta.ip.clone(),
            at: meta.at,
        }
    }

    /// The same actor at another time (the demo seeder back-dates its records).
    pub fn at(mut self, at: chrono::NaiveDateTime) -> Self {
        self.at = at;
        self
    }

    /// For events where the actor is known but not yet authenticated by token (login).
    pub fn user(user_id: i64, username: &str, meta: &RequestMeta) -> Self {
        Self {
            user_id: Some(user_id),
            service_account_id: None,
            name: username.to_owned(),
            request_id: meta.request_id.clone(),
            ip: meta.ip.clone(),
            at: meta.at,
        }
    }
}

impl<R: Rule> From<&Auth<R>> for AuditContext {
    fn from(auth: &Auth<R>) -> Self {
        AuditContext::new(&auth.principal, &auth.meta())
    }
}

/// Serialises a record for the log.
pub fn snapshot<T: Serialize>(value: &T) -> Option<serde_json::Value> {
    serde_json::to_value(value).ok()
}

#[derive(Insertable)]
#[diesel(table_name = audit_log)]
struct NewEntry<'a> {
    occurred_at: chrono::NaiveDateTime,
    actor_user_id: Option<i64>,
    actor_service_account_id: Option<i64>,
    actor_name: &'a str,
    action: &'a str,
    entity_type: &'a str,
    entity_id: Option<String>,
    before_data: Option<String>,
    after_data: Option<String>,
    request_id: Option<&'a str>,
    ip_address: Option<&'a str>,
}

pub fn record(
    conn: &mut DbConnection,
    ctx: &AuditContext,
    action: AuditAction,
    entity_type: EntityType,
    entity_id: Option<i64>,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> AppResult<()> {
    diesel::insert_into(audit_log::table)
        .values(NewEntry {
            occurred_at: ctx.at,
            actor_user_id: ctx.user_id,
            actor_service_account_id: ctx.service_account_id,
            actor_name: &ctx.name,
            action: action.as_str(),
            entity_type: entity_type.as_str(),
            entity_id: entity_id.map(|id| id.to_string()),
            before_data: before.map(|v| v.to_string()),
            after_data: after.map(|v| v.to_string()),
            request_id: ctx.request_id.as_deref(),
            ip_address: ctx.ip.as_deref(),
        })
        .execute(conn)?;
    Ok(())
}
