//! The OpenAPI document: paths are collected from the registered services (utoipa-actix-web),
//! this adds the info, the bearer security scheme, tags and the shared error responses.

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToResponse};

use crate::error::{ErrorCode, FieldError, Problem};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Lan Tỏa API",
        description = "API của Lan Tỏa – hệ thống quản lý phát hiện, bồi dưỡng, tổng kết và nhân rộng điển hình tiên tiến \
của Sở Tư pháp tỉnh Đồng Tháp (2026–2030).\n\n\
Quy ước: tiền tố `/api/v1`; JSON camelCase; thời điểm ISO 8601 UTC, ngày `YYYY-MM-DD`; danh sách phân trang \
bằng `page`/`pageSize` (tối đa 100) trả về `items` và `total`; lỗi dạng `application/problem+json` với `code` ổn định; \
bản ghi đơn có `ETag`, mọi cập nhật phải gửi `If-Match` (thiếu: 428, lệch phiên bản: 412).\n\n\
Quyền: yêu cầu bảo mật `bearer` liệt kê các vai trò được phép; vai trò đơn vị (`unit_head`, `unit_staff`) chỉ thao tác \
trên dữ liệu đơn vị mình; tài khoản tích hợp (`integration`) cần phạm vi tương ứng.",
        license(name = "MIT")
    ),
    modifiers(&SecurityAddon),
    components(
        schemas(Problem, ErrorCode, FieldError),
        responses(BadRequest, Unauthorized, Forbidden, NotFound, Conflict, Unprocessable, PreconditionFailed,
            PreconditionRequired, TooManyRequests, PayloadTooLarge, UnsupportedMediaType, InternalError,
            ServiceUnavailable)
    ),
    tags(
        (name = "Xác thực", description = "Đăng nhập, làm mới phiên, đăng xuất, mã truy cập cho hệ thống tích hợp"),
        (name = "Trang chủ", description = "Việc cần làm hôm nay và bức tranh chung của Sở"),
        (name = "Hồ sơ cá nhân", description = "Người dùng xem, sửa hồ sơ và đổi mật khẩu của mình"),
        (name = "Đơn vị", description = "Cơ cấu tổ chức của Sở: đơn vị thuộc Sở và đơn vị trực thuộc"),
        (name = "Người dùng", description = "Tài khoản người dùng và vai trò"),
        (name = "Tài khoản tích hợp", description = "Tài khoản cho hệ thống của tỉnh và tập lệnh"),
        (name = "Thông báo", description = "Thông báo trong ứng dụng: nhắc việc, kết quả xử lý"),
        (name = "Nhật ký", description = "Nhật ký thay đổi dữ liệu"),
        (name = "Vận hành", description = "Kiểm tra tình trạng dịch vụ"),
        (name = "Tuyên truyền", description = "Nhật ký hoạt động tuyên truyền gương điển hình: kênh, ngày, đường dẫn, lượt tiếp cận, tệp đính kèm"),
        (name = "Công bố điển hình", description = "Văn phòng Sở công bố điển hình lên cổng công khai (cần sự đồng ý của cá nhân), gỡ công bố; bộ nội dung chia sẻ Zalo, Facebook"),
        (name = "Công bố khen thưởng", description = "Văn phòng Sở công bố khen thưởng đã có quyết định lên cổng công khai (cần sự đồng ý của cá nhân), gỡ công bố"),
        (name = "Cổng công khai", description = "Không cần đăng nhập: danh sách, trang, ảnh, ảnh thẻ chia sẻ, nguồn tin Atom và danh sách nhúng của các gương điển hình và khen thưởng đã công bố"),
        (name = "Danh mục khen thưởng", description = "Danh hiệu thi đua, hình thức khen thưởng (có phiên bản), mức lương cơ sở, dịp khen thưởng, thiết lập khen thưởng"),
        (name = "Đề nghị khen thưởng", description = "Hồ sơ đề nghị khen thưởng: người được đề nghị, tệp đính kèm, văn bản"),
        (name = "Quy trình khen thưởng", description = "Các bước của hồ sơ đề nghị, theo bảng quy trình; mỗi hồ sơ trả về allowedActions cho người gọi"),
        (name = "Công khai khen thưởng", description = "Công khai danh sách đề nghị để lấy ý kiến (không cần đăng nhập) và kiểm duyệt ý kiến"),
        (name = "Hội đồng Thi đua – Khen thưởng", description = "Hội đồng theo năm, thành viên, cuộc họp, bỏ phiếu kín. Thành viên Hội đồng không phải là vai trò: quyền được kiểm tra theo tư cách thành viên"),
        (name = "Sổ đăng ký văn bản", description = "Số quyết định, tờ trình, biên bản theo năm; giữ số, hủy số"),
        (name = "Điều kiện khen thưởng", description = "Quy tắc điều kiện (dữ liệu, có căn cứ pháp lý), danh hiệu đã đạt, kỷ luật và vụ việc đang xem xét")
    )
)]
pub struct ApiDoc;

struct SecurityAddon;

impl Modify for SecurityAddon {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "Mã truy cập (JWT) nhận từ POST /api/v1/auth/login hoặc /api/v1/auth/token. \
Danh sách trong yêu cầu bảo mật của mỗi thao tác là các vai trò được phép.",
                    ))
                    .build(),
            ),
        );
    }
}

/// Adds the errors every operation of a kind can give, so that paths list only their own:
/// 401/403 on secured operations, 404 on those that address a record by path, 412/428 on those
/// that take `If-Match`, 400/413/415/422 on those with a body or parameters, 500 and 503 on all.
pub struct StandardErrors;

impl Modify for StandardErrors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{Ref, RefOr};
        for item in openapi.paths.paths.values_mut() {
            let operations = [
                &mut item.get,
                &mut item.post,
                &mut item.put,
                &mut item.patch,
                &mut item.delete,
            ];
            for operation in operations.into_iter().flatten() {
                let secured = operation.security.as_ref().is_none_or(|list| {
                    list.iter().any(|req| {
                        serde_json::to_value(req)
                            .is_ok_and(|v| v.as_object().is_some_and(|o| !o.is_empty()))
                    })
                });
                use utoipa::openapi::path::ParameterIn;
                let parameters: Vec<&utoipa::openapi::path::Parameter> = operation
                    .parameters
                    .as_deref()
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|p| match p {
                        RefOr::T(parameter) => Some(parameter),
                        RefOr::Ref(_) => None,
                    })
                    .collect();
                let addresses_a_record = parameters
                    .iter()
                    .any(|p| p.parameter_in == ParameterIn::Path);
                let needs_if_match = parameters
                    .iter()
                    .any(|p| p.parameter_in == ParameterIn::Header && p.name == "If-Match");
                let has_input = operation.request_body.is_some()
                    || operation.parameters.as_ref().is_some_and(|p| !p.is_empty());
                let mut add = |status: &str, name: &str| {
                    operation
                        .responses
                        .responses
                        .entry(status.to_owned())
                        .or_insert_with(|| RefOr::Ref(Ref::from_response_name(name)));
                };
                if secured {
                    add("401", "Unauthorized");
                    add("403", "Forbidden");
                }
                if addresses_a_record {
                    add("404", "NotFound");
                }
                if needs_if_match {
                    add("412", "PreconditionFailed");
                    add("428", "PreconditionRequired");
                }
                if has_input {
                    add("400", "BadRequest");
                    add("422", "Unprocessable");
                }
                if operation.request_body.is_some() {
                    add("413", "PayloadTooLarge");
                    add("415", "UnsupportedMediaType");
                }
                add("500", "InternalError");
                add("503", "ServiceUnavailable");
            }
        }
    }
}

/// Lỗi hệ thống không mong muốn; chi tiết chỉ có trong nhật ký máy chủ (tra theo `requestId`).
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
#[allow(dead_code)]
pub struct InternalError(Problem);

/// Yêu cầu không hợp lệ: JSON sai cú pháp, tham số hoặc đường dẫn sai.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
#[allow(dead_code)]
pub struct BadRequest(Problem);

/// Chưa đăng nhập, mã truy cập sai, hết hạn hoặc phiên đã bị thu hồi.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json", headers(("WWW-Authenticate" = String)))]
#[allow(dead_code)]
pub struct Unauthorized(Problem);

/// Vai trò không được phép, dữ liệu của đơn vị khác, hoặc phải đổi mật khẩu tạm thời trước.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
#[allow(dead_code)]
pub struct Forbidden(Problem);

/// Không tìm thấy bản ghi.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
#[allow(dead_code)]
pub struct NotFound(Problem);

/// Xung đột với dữ liệu hiện có (trùng mã, đang được sử dụng…).
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
#[allow(dead_code)]
pub struct Conflict(Problem);

/// Dữ liệu không hợp lệ, kèm lỗi theo từng trường (`errors`).
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
#[allow(dead_code)]
pub struct Unprocessable(Problem);

/// Phiên bản trong If-Match đã cũ: bản ghi đã bị người khác thay đổi.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
#[allow(dead_code)]
pub struct PreconditionFailed(Problem);

/// Thiếu tiêu đề If-Match.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
#[allow(dead_code)]
pub struct PreconditionRequired(Problem);

/// Quá nhiều lần thử; xem tiêu đề Retry-After.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json", headers(("Retry-After" = u64, description = "Số giây phải chờ")))]
#[allow(dead_code)]
pub struct TooManyRequests(Problem);

/// Nội dung gửi lên vượt quá giới hạn.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
#[allow(dead_code)]
pub struct PayloadTooLarge(Problem);

/// Nội dung không phải `application/json`.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json")]
#[allow(dead_code)]
pub struct UnsupportedMediaType(Problem);

/// Cơ sở dữ liệu tạm thời không kết nối được; thử lại sau số giây trong Retry-After.
#[derive(ToResponse)]
#[response(content_type = "application/problem+json", headers(("Retry-After" = u64, description = "Số giây nên chờ trước khi thử lại")))]
#[allow(dead_code)]
pub struct ServiceUnavailable(Problem);
