//! One error type for the whole API, rendered as `application/problem+json` (RFC 9457).
//!
//! Every error carries a stable machine code ([`ErrorCode`]) that clients switch on, a Vietnamese
//! title and detail for people, optional per-field errors, and the request id. Server errors are
//! logged with their cause and answered with a generic message: internals never leak.

use std::borrow::Cow;
use std::fmt;

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::http::request_id;

pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

/// `Retry-After` of a 503: long enough for a restarting database, short enough for people.
pub const RETRY_AFTER_UNAVAILABLE_SECS: u64 = 5;

/// Stable error codes. Clients switch on these; the Vietnamese texts may change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[schema(description = ErrorCode::openapi_description())]
pub enum ErrorCode {
    ValidationFailed,
    BadRequest,
    MalformedJson,
    InvalidQuery,
    InvalidPath,
    UnsupportedMediaType,
    PayloadTooLarge,
    Unauthenticated,
    InvalidToken,
    TokenExpired,
    SessionRevoked,
    InvalidCredentials,
    InvalidRefreshToken,
    InvalidClientCredentials,
    CsrfCheckFailed,
    PasswordChangeRequired,
    WrongPassword,
    Forbidden,
    OutsideUnitScope,
    NotFound,
    RouteNotFound,
    MethodNotAllowed,
    Conflict,
    DuplicateCode,
    DuplicateUsername,
    DuplicateName,
    UnitInUse,
    UnitHasActiveChildren,
    UnitHasActiveUsers,
    InvalidParent,
    InactiveUnit,
    CannotDeactivateSelf,
    InvalidTransition,
    StageRecordMissing,
    ExportTooLarge,
    EvaluationFinalised,
    IncompleteEvaluation,
    UnsupportedFileType,
    FileTooLarge,
    PreconditionRequired,
    VersionMismatch,
    TooManyRequests,
    InternalError,
    ServiceUnavailable,
    StepNotReady,
    EligibilityBlocked,
    NotCouncilMember,
    ConflictOfInterest,
    QuorumNotMet,
    AlreadyVoted,
}

impl ErrorCode {
    /// Every code, in the order of the contract.
    pub const ALL: &'static [ErrorCode] = &[
        ErrorCode::ValidationFailed,
        ErrorCode::BadRequest,
        ErrorCode::MalformedJson,
        ErrorCode::InvalidQuery,
        ErrorCode::InvalidPath,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::PayloadTooLarge,
        ErrorCode::Unauthenticated,
        ErrorCode::InvalidToken,
        ErrorCode::TokenExpired,
        ErrorCode::SessionRevoked,
        ErrorCode::InvalidCredentials,
        ErrorCode::InvalidRefreshToken,
        ErrorCode::InvalidClientCredentials,
        ErrorCode::CsrfCheckFailed,
        ErrorCode::PasswordChangeRequired,
        ErrorCode::WrongPassword,
        ErrorCode::Forbidden,
        ErrorCode::OutsideUnitScope,
        ErrorCode::NotFound,
        ErrorCode::RouteNotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::Conflict,
        ErrorCode::DuplicateCode,
        ErrorCode::DuplicateUsername,
        ErrorCode::DuplicateName,
        ErrorCode::UnitInUse,
        ErrorCode::UnitHasActiveChildren,
        ErrorCode::UnitHasActiveUsers,
        ErrorCode::InvalidParent,
        ErrorCode::InactiveUnit,
        ErrorCode::CannotDeactivateSelf,
        ErrorCode::InvalidTransition,
        ErrorCode::StageRecordMissing,
        ErrorCode::ExportTooLarge,
        ErrorCode::EvaluationFinalised,
        ErrorCode::IncompleteEvaluation,
        ErrorCode::UnsupportedFileType,
        ErrorCode::FileTooLarge,
        ErrorCode::PreconditionRequired,
        ErrorCode::VersionMismatch,
        ErrorCode::TooManyRequests,
        ErrorCode::InternalError,
        ErrorCode::ServiceUnavailable,
        ErrorCode::StepNotReady,
        ErrorCode::EligibilityBlocked,
        ErrorCode::NotCouncilMember,
        ErrorCode::ConflictOfInterest,
        ErrorCode::QuorumNotMet,
        ErrorCode::AlreadyVoted,
    ];

    /// The contract's description: every code with its HTTP status and Vietnamese title.
    fn openapi_description() -> String {
        let codes: Vec<String> = Self::ALL
            .iter()
            .map(|code| {
                format!(
                    "- `{code}`: {} (HTTP {}).",
                    code.title(),
                    code.status().as_u16()
                )
            })
            .collect();
        format!(
            "Stable error codes. Clients switch on these; the Vietnamese texts may change.\n\n{}",
            codes.join("\n")
        )
    }

    pub fn status(self) -> StatusCode {
        use ErrorCode::*;
        match self {
            ValidationFailed => StatusCode::UNPROCESSABLE_ENTITY,
            BadRequest | MalformedJson | InvalidQuery | InvalidPath => StatusCode::BAD_REQUEST,
            UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Unauthenticated
            | InvalidToken
            | TokenExpired
            | SessionRevoked
            | InvalidCredentials
            | InvalidRefreshToken
            | InvalidClientCredentials => StatusCode::UNAUTHORIZED,
            PasswordChangeRequired | CsrfCheckFailed | Forbidden | OutsideUnitScope => {
                StatusCode::FORBIDDEN
            }
            NotFound | RouteNotFound => StatusCode::NOT_FOUND,
            MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            WrongPassword => StatusCode::UNPROCESSABLE_ENTITY,
            Conflict
            | DuplicateCode
            | DuplicateUsername
            | DuplicateName
            | UnitInUse
            | UnitHasActiveChildren
            | UnitHasActiveUsers
            | InvalidParent
            | InactiveUnit
            | CannotDeactivateSelf
            | InvalidTransition
            | StageRecordMissing
            | EvaluationFinalised
            | StepNotReady
            | EligibilityBlocked
            | ConflictOfInterest
            | QuorumNotMet
            | AlreadyVoted => StatusCode::CONFLICT,
            NotCouncilMember => StatusCode::FORBIDDEN,
            IncompleteEvaluation | ExportTooLarge => StatusCode::UNPROCESSABLE_ENTITY,
            UnsupportedFileType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            FileTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            VersionMismatch => StatusCode::PRECONDITION_FAILED,
            TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            InternalError => StatusCode::INTERNAL_SERVER_ERROR,
            ServiceUnavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// Short Vietnamese title shown to people.
    pub fn title(self) -> &'static str {
        use ErrorCode::*;
        match self {
            ValidationFailed => "Dữ liệu không hợp lệ",
            BadRequest => "Yêu cầu không hợp lệ",
            MalformedJson => "Nội dung yêu cầu không phải JSON hợp lệ",
            InvalidQuery => "Tham số truy vấn không hợp lệ",
            InvalidPath => "Đường dẫn không hợp lệ",
            UnsupportedMediaType => "Kiểu nội dung không được hỗ trợ",
            PayloadTooLarge => "Nội dung gửi lên quá lớn",
            Unauthenticated => "Chưa đăng nhập",
            InvalidToken => "Mã truy cập không hợp lệ",
            TokenExpired => "Phiên đăng nhập đã hết hạn",
            SessionRevoked => "Phiên đăng nhập đã bị thu hồi",
            InvalidCredentials => "Tên đăng nhập hoặc mật khẩu không đúng",
            InvalidRefreshToken => "Mã làm mới phiên không hợp lệ",
            InvalidClientCredentials => "Thông tin tài khoản tích hợp không đúng",
            CsrfCheckFailed => "Yêu cầu không đến từ ứng dụng Lan Tỏa",
            PasswordChangeRequired => "Cần đổi mật khẩu trước khi tiếp tục",
            WrongPassword => "Mật khẩu hiện tại không đúng",
            Forbidden => "Không có quyền thực hiện",
            OutsideUnitScope => "Không có quyền với dữ liệu của đơn vị khác",
            NotFound => "Không tìm thấy",
            RouteNotFound => "Không có địa chỉ API này",
            MethodNotAllowed => "Phương thức không được hỗ trợ",
            Conflict => "Xung đột dữ liệu",
            DuplicateCode => "Mã đã tồn tại",
            DuplicateUsername => "Tên đăng nhập đã tồn tại",
            DuplicateName => "Tên đã tồn tại",
            UnitInUse => "Đơn vị đang được sử dụng",
            UnitHasActiveChildren => "Đơn vị còn đơn vị con đang hoạt động",
            UnitHasActiveUsers => "Đơn vị còn người dùng đang hoạt động",
            InvalidParent => "Đơn vị cấp trên không hợp lệ",
            InactiveUnit => "Đơn vị đã ngừng hoạt động",
            CannotDeactivateSelf => "Không thể tự khóa tài khoản của mình",
            InvalidTransition => "Không được chuyển giai đoạn này",
            StageRecordMissing => "Thiếu hồ sơ của giai đoạn",
            ExportTooLarge => "Danh sách quá lớn để xuất",
            EvaluationFinalised => "Phiếu đánh giá đã hoàn tất",
            IncompleteEvaluation => "Phiếu đánh giá chưa đầy đủ",
            UnsupportedFileType => "Loại tệp không được hỗ trợ",
            FileTooLarge => "Tệp quá lớn",
            PreconditionRequired => "Thiếu tiêu đề If-Match",
            VersionMismatch => "Dữ liệu đã bị người khác thay đổi",
            TooManyRequests => "Quá nhiều lần thử",
            InternalError => "Lỗi hệ thống",
            ServiceUnavailable => "Dịch vụ tạm thời không sẵn sàng",
            StepNotReady => "Chưa đủ điều kiện thực hiện bước này",
            EligibilityBlocked => "Không đủ điều kiện khen thưởng",
            NotCouncilMember => "Không phải thành viên Hội đồng Thi đua – Khen thưởng",
            ConflictOfInterest => "Thành viên có xung đột lợi ích phải không biểu quyết",
            QuorumNotMet => "Cuộc họp chưa đủ số thành viên theo quy định",
            AlreadyVoted => "Thành viên đã bỏ phiếu",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The serde name is the stable code.
        let json = serde_json::to_value(self).map_err(|_| fmt::Error)?;
        f.write_str(json.as_str().unwrap_or("internal_error"))
    }
}

/// One problem with one field of the request.
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    /// The field, as a JSON path in camelCase (`parentId`, `items[2].name`).
    pub field: String,
    /// A stable code (`required`, `length`, `range`, `email`, `invalid`, `unknown`, `taken` …).
    pub code: String,
    /// What is wrong, in Vietnamese.
    pub message: String,
}

impl FieldError {
    pub fn new(
        field: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        }
    }
}

/// The body of every error response.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// `urn:lantoa:problem:<code>`.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    pub code: ErrorCode,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// The id of the request, also in the `X-Request-Id` header; quote it when reporting a problem.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

#[derive(Debug, Clone)]
pub struct AppError {
    pub code: ErrorCode,
    pub detail: Option<Cow<'static, str>>,
    pub errors: Vec<FieldError>,
    pub retry_after_secs: Option<u64>,
    /// Logged, never sent.
    internal: Option<String>,
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn new(code: ErrorCode) -> Self {
        Self {
            code,
            detail: None,
            errors: Vec::new(),
            retry_after_secs: None,
            internal: None,
        }
    }

    pub fn with_detail(mut self, detail: impl Into<Cow<'static, str>>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    pub fn with_field(mut self, error: FieldError) -> Self {
        self.errors.push(error);
        self
    }

    /// Field errors, ordered by field and code so that answers are stable.
    pub fn validation(mut errors: Vec<FieldError>) -> Self {
        errors.sort_by(|a, b| (&a.field, &a.code).cmp(&(&b.field, &b.code)));
        Self {
            errors,
            ..Self::new(ErrorCode::ValidationFailed)
        }
        .with_detail("Vui lòng kiểm tra lại các trường được đánh dấu.")
    }

    pub fn field(field: &str, code: &str, message: impl Into<String>) -> Self {
        Self::validation(vec![FieldError::new(field, code, message)])
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(ErrorCode::NotFound).with_detail(format!("Không tìm thấy {what}."))
    }

    pub fn forbidden() -> Self {
        Self::new(ErrorCode::Forbidden)
            .with_detail("Vai trò của bạn không được phép thực hiện thao tác này.")
    }

    pub fn outside_unit() -> Self {
        Self::new(ErrorCode::OutsideUnitScope)
            .with_detail("Bạn chỉ được thao tác trên dữ liệu của đơn vị mình.")
    }

    pub fn too_many_requests(retry_after_secs: u64) -> Self {
        let mut error = Self::new(ErrorCode::TooManyRequests).with_detail(format!(
            "Bạn đã thử sai quá nhiều lần. Vui lòng thử lại sau {} giây.",
            retry_after_secs
        ));
        error.retry_after_secs = Some(retry_after_secs);
        error
    }

    /// An unexpected failure: the cause is logged, the client sees a generic 500.
    pub fn internal(cause: impl fmt::Display) -> Self {
        Self {
            internal: Some(cause.to_string()),
            ..Self::new(ErrorCode::InternalError)
        }
    }

    /// The database (or another dependency) cannot be reached: 503 with `Retry-After`.
    pub fn unavailable(cause: impl fmt::Display) -> Self {
        Self {
            internal: Some(cause.to_string()),
            retry_after_secs: Some(RETRY_AFTER_UNAVAILABLE_SECS),
            ..Self::new(ErrorCode::ServiceUnavailable)
        }
        .with_detail(
            "Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít giây.",
        )
    }

    /// The cause kept for the log (never sent to the client).
    pub fn internal_cause(&self) -> Option<&str> {
        self.internal.as_deref()
    }

    pub fn problem(&self) -> Problem {
        let status = self.code.status();
        let detail = match self.code {
            ErrorCode::InternalError => Some(
                "Đã xảy ra lỗi không mong muốn. Vui lòng thử lại hoặc liên hệ quản trị hệ thống kèm mã yêu cầu."
                    .to_owned(),
            ),
            _ => self.detail.as_ref().map(|d| d.to_string()),
        };
        Problem {
            kind: format!("urn:lantoa:problem:{}", self.code),
            title: self.code.title().to_owned(),
            status: status.as_u16(),
            detail,
            code: self.code,
            errors: self.errors.clone(),
            request_id: request_id::current(),
        }
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code)?;
        if let Some(detail) = &self.detail {
            write!(f, ": {detail}")?;
        }
        if let Some(internal) = &self.internal {
            write!(f, " ({internal})")?;
        }
        Ok(())
    }
}

impl std::error::Error for AppError {}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        self.code.status()
    }

    fn error_response(&self) -> HttpResponse {
        // Not logged here: the request's one log line (crate::http::access_log) carries the code
        // and, for a 5xx, the cause.
        let status = self.status_code();
        let mut response = HttpResponse::build(status);
        response.insert_header((header::CONTENT_TYPE, PROBLEM_CONTENT_TYPE));
        if let Some(secs) = self.retry_after_secs {
            response.insert_header((header::RETRY_AFTER, secs.to_string()));
        }
        if status == StatusCode::UNAUTHORIZED {
            response.insert_header((
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"lantoa\""),
            ));
        }
        let body = serde_json::to_string(&self.problem())
            .unwrap_or_else(|_| r#"{"code":"internal_error","status":500}"#.to_owned());
        response.body(body)
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(error: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error};
        match error {
            Error::NotFound => AppError::new(ErrorCode::NotFound),
            Error::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                AppError::new(ErrorCode::Conflict)
                    .with_detail("Dữ liệu trùng với một bản ghi đã có.")
                    .with_internal(info.message())
            }
            Error::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, info) => {
                AppError::new(ErrorCode::Conflict)
                    .with_detail(
                        "Dữ liệu tham chiếu đến một bản ghi không tồn tại hoặc đang được sử dụng.",
                    )
                    .with_internal(info.message())
            }
            // The server ended the session or went away: the pool replaces the connection.
            Error::DatabaseError(
                DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                info,
            ) => AppError::unavailable(info.message()),
            other => AppError::internal(other),
        }
    }
}

impl From<r2d2::Error> for AppError {
    fn from(error: r2d2::Error) -> Self {
        AppError::unavailable(error)
    }
}

impl AppError {
    pub fn with_internal(mut self, internal: &str) -> Self {
        self.internal = Some(internal.to_owned());
        self
    }
}
