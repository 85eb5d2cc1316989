//! A realistic 2026 for the demo: exemplars of the Department's units at every stage and review
//! status, with their nurturing plans, summaries, replications, evaluations, photos, movements and
//! the units' monthly introductions. Every record is written through the model functions the API
//! uses (so the timeline, the current conclusion and the on-time flags are what the application
//! itself would have made), back-dated with a stopped [`Clock`] that walks through the year and
//! never passes the real time. Relative dates (milestones due soon or overdue) are computed from
//! the real today, so the demo tells the same story whenever it is run.
//!
//! Idempotent: a settings key marks the database as seeded, and everything is written in one
//! transaction. Never run this on a production database.

use std::path::Path;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use diesel::prelude::*;
use validator::Validate;

use crate::attachments::model::{self as attachments, NewAttachment, Owner};
use crate::attachments::storage::{self, Storage};
use crate::auth::jwt::Subject;
use crate::auth::{Principal, Role, password};
use crate::clock::Clock;
use crate::criteria::model::CriterionMode;
use crate::db::DbConnection;
use crate::db::schema::{exemplars, movements, settings, units, users};
use crate::error::{AppError, AppResult};
use crate::evaluations::model::{
    self as evaluations, EvaluationInput, EvaluatorKind, ItemInput, NewEvaluation,
};
use crate::exemplars::model::{self as exemplar_model, ExemplarInput, Initiative};
use crate::exemplars::records::{
    self, Figure, Milestone, NurturingPlanInput, ReplicationInput, SummaryInput,
};
use crate::exemplars::stages::{self, StepRequest};
use crate::exemplars::types::{Category, MilestoneStatus, Stage, SubjectKind};
use crate::exemplars::workflow::ExemplarAction;
use crate::http::etag::IfMatch;
use crate::introductions::model::{self as introductions, IntroductionInput, Month};
use crate::time::{Day, TIME_ZONE};
use crate::users::model::{self as user_model, NewUserInput};

/// The settings key that marks a database as seeded with the demo year.
pub const MARKER: &str = "demo_year_2026";

const YEAR: i32 = 2026;

/// A demo account of a unit: `<code>.truong` (unit head) and `<code>.canbo` (unit staff).
pub struct UnitAccount {
    pub username: &'static str,
    pub full_name: &'static str,
    pub position: &'static str,
    pub role: Role,
    pub unit_code: &'static str,
}

const fn account(
    username: &'static str,
    full_name: &'static str,
    position: &'static str,
    role: Role,
    unit_code: &'static str,
) -> UnitAccount {
    UnitAccount {
        username,
        full_name,
        position,
        role,
        unit_code,
    }
}

/// The units' accounts beyond [`super::demo::ACCOUNTS`] (which has TGPL's).
pub const UNIT_ACCOUNTS: &[UnitAccount] = &[
    account("xdktvb.truong", "Huỳnh Thanh Tùng", "Trưởng phòng", Role::UnitHead, "XDKTVB"),
    account("xdktvb.canbo", "Đặng Ngọc Hân", "Chuyên viên", Role::UnitStaff, "XDKTVB"),
    account("pbgdpl.truong", "Nguyễn Thị Bích Ngọc", "Trưởng phòng", Role::UnitHead, "PBGDPL"),
    account("pbgdpl.canbo", "Trương Minh Khang", "Chuyên viên", Role::UnitStaff, "PBGDPL"),
    account("hctp.truong", "Lâm Văn Hậu", "Trưởng phòng", Role::UnitHead, "HCTP"),
    account("hctp.canbo", "Võ Thị Kim Thoa", "Chuyên viên", Role::UnitStaff, "HCTP"),
    account("bttp.truong", "Phan Quốc Việt", "Trưởng phòng", Role::UnitHead, "BTTP"),
    account("bttp.canbo", "Lê Thị Mỹ Duyên", "Chuyên viên", Role::UnitStaff, "BTTP"),
    account("pcc1.truong", "Trần Hữu Nghĩa", "Trưởng phòng, công chứng viên", Role::UnitHead, "PCC1"),
    account("pcc1.canbo", "Nguyễn Thị Thu Trang", "Thư ký nghiệp vụ", Role::UnitStaff, "PCC1"),
    account("dgts.truong", "Bùi Văn Lộc", "Giám đốc Trung tâm", Role::UnitHead, "DGTS"),
    account("dgts.canbo", "Hồ Thị Ngọc Diễm", "Đấu giá viên", Role::UnitStaff, "DGTS"),
];

/// The reference units, back-dated to the 2025 restructuring so that the introduction grid owes
/// them every month of the programme.
const REFERENCE_UNITS: &[&str] = &[
    "STP", "VP", "XDKTVB", "PBGDPL", "HCTP", "BTTP", "TTR", "TGPL", "PCC1", "PCC2", "DGTS",
];

/// What the seeder did.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The database had been seeded before: nothing was written.
    pub already_seeded: bool,
    pub accounts_created: usize,
    pub exemplars: usize,
    pub evaluations: usize,
    pub introductions: usize,
    pub photos: usize,
}

/// Where the story of one exemplar ends.
#[derive(Debug, Clone, Copy)]
enum Plot {
    /// Recorded by the unit's staff, not yet sent.
    Draft,
    /// Sent, then returned by the Office with a note.
    Returned(&'static str),
    /// Sent, waiting for the Office.
    Submitted,
    /// Confirmed by the Office, still at discovery.
    Confirmed,
    /// Sent with a nurturing plan, the move to nurturing waiting for the Office.
    ProposedNurturing,
    /// Being nurtured; the next milestone is due in (+) or overdue by (−) this many days.
    Nurturing(i64),
    /// Nurtured and summed up, the move to summarised waiting for the Office.
    ProposedSummary,
    Summarized,
    /// Replicated in this many places.
    Replicated(usize),
    /// Stopped from this stage, with the reason.
    Stopped(Stage, &'static str),
    /// Replicated, then archived.
    Archived,
}

impl Plot {
    fn reaches(self, stage: Stage) -> bool {
        let last = match self {
            Plot::Draft
            | Plot::Returned(_)
            | Plot::Submitted
            | Plot::Confirmed
            | Plot::ProposedNurturing => Stage::Discovered,
            Plot::Nurturing(_) | Plot::ProposedSummary => Stage::Nurturing,
            Plot::Summarized => Stage::Summarized,
            Plot::Replicated(_) | Plot::Archived => Stage::Replicated,
            Plot::Stopped(from, _) => from,
        };
        rank(last) >= rank(stage)
    }

    fn has_plan(self) -> bool {
        self.reaches(Stage::Nurturing) || matches!(self, Plot::ProposedNurturing)
    }
}

fn rank(stage: Stage) -> u8 {
    match stage {
        Stage::Discovered => 0,
        Stage::Nurturing => 1,
        Stage::Summarized => 2,
        Stage::Replicated => 3,
        Stage::Stopped | Stage::Archived => 4,
    }
}

/// One exemplar of the demo.
struct Spec {
    unit: &'static str,
    kind: SubjectKind,
    name: &'static str,
    position: Option<&'static str>,
    title: Option<&'static str>,
    members: Option<i32>,
    category: Category,
    field: &'static str,
    achievements: &'static str,
    discovered: (u32, u32),
    plot: Plot,
    initiative: Option<&'static str>,
    movements: &'static [&'static str],
    photo: Option<&'static str>,
}

#[allow(clippy::too_many_arguments)]
fn person(
    unit: &'static str,
    name: &'static str,
    position: &'static str,
    category: Category,
    field: &'static str,
    achievements: &'static str,
    discovered: (u32, u32),
    plot: Plot,
) -> Spec {
    Spec {
        unit,
        kind: SubjectKind::Individual,
        name,
        position: Some(position),
        title: None,
        members: None,
        category,
        field,
        achievements,
        discovered,
        plot,
        initiative: None,
        movements: &[],
        photo: None,
    }
}

#[allow(clippy::too_many_arguments)]
fn team(
    unit: &'static str,
    name: &'static str,
    members: i32,
    category: Category,
    field: &'static str,
    achievements: &'static str,
    discovered: (u32, u32),
    plot: Plot,
) -> Spec {
    Spec {
        unit,
        kind: SubjectKind::Collective,
        name,
        position: None,
        title: None,
        members: Some(members),
        category,
        field,
        achievements,
        discovered,
        plot,
        initiative: None,
        movements: &[],
        photo: None,
    }
}

impl Spec {
    fn titled(mut self, title: &'static str) -> Self {
        self.title = Some(title);
        self
    }
    fn initiative(mut self, title: &'static str) -> Self {
        self.initiative = Some(title);
        self
    }
    fn movements(mut self, codes: &'static [&'static str]) -> Self {
        self.movements = codes;
        self
    }
    fn photo(mut self, caption: &'static str) -> Self {
        self.photo = Some(caption);
        self
    }
}

use crate::exemplars::types::Category::{Advanced, GoodDeed, NewFactor, NewModel};

const TGPL_FIELD: &str = "Trợ giúp pháp lý";
const PBGDPL_FIELD: &str = "Phổ biến, giáo dục pháp luật";
const HOA_GIAI: &str = "Hòa giải ở cơ sở";
const HO_TICH: &str = "Hộ tịch";
const LLTP: &str = "Lý lịch tư pháp";
const CHUNG_THUC: &str = "Chứng thực";
const CONG_CHUNG: &str = "Công chứng";
const LUAT_SU: &str = "Luật sư";
const DAU_GIA: &str = "Đấu giá tài sản";
const VBQPPL: &str = "Xây dựng và kiểm tra văn bản quy phạm pháp luật";
const TDTHPL: &str = "Theo dõi thi hành pháp luật";

fn specs() -> Vec<Spec> {
    vec![
        // Trung tâm Trợ giúp pháp lý nhà nước tỉnh.
        person("TGPL", "Nguyễn Thị Hồng Nhung", "Trợ giúp viên pháp lý", Advanced, TGPL_FIELD,
            "Từ đầu năm 2025 đến nay trực tiếp thực hiện 186 vụ việc trợ giúp pháp lý, trong đó 42 vụ việc tham gia tố tụng cho người nghèo, người dân tộc thiểu số và trẻ em; 100% người được trợ giúp đánh giá hài lòng, không có khiếu nại.",
            (2, 12), Plot::Replicated(2))
            .titled("Trợ giúp viên pháp lý hạng II")
            .initiative("Tiếp nhận yêu cầu trợ giúp pháp lý qua Zalo và Cổng dịch vụ công")
            .movements(&["DMST-CDS", "KTXH-2030"])
            .photo("Chị Nguyễn Thị Hồng Nhung tư vấn pháp luật cho người dân xã Thường Phước"),
        team("TGPL", "Tổ Trợ giúp pháp lý lưu động vùng biên giới", 7, NewModel, TGPL_FIELD,
            "Tổ chức 36 đợt trợ giúp pháp lý lưu động tại 24 xã biên giới, tư vấn cho 1.250 lượt người; phối hợp Bộ đội Biên phòng tuyên truyền pháp luật về xuất nhập cảnh và phòng, chống mua bán người.",
            (3, 16), Plot::Summarized)
            .movements(&["BVANTQ", "DVK"])
            .photo("Tổ Trợ giúp pháp lý lưu động tại Đồn Biên phòng Thông Bình"),
        person("TGPL", "Trần Văn Khải", "Trợ giúp viên pháp lý", Advanced, TGPL_FIELD,
            "Tham gia bào chữa miễn phí 28 vụ án hình sự cho người chưa thành niên; nhiều bản luận cứ được Hội đồng xét xử chấp nhận, giảm nhẹ hình phạt cho bị cáo.",
            (6, 8), Plot::Nurturing(6)),
        person("TGPL", "Lê Thị Mai", "Viên chức", NewFactor, TGPL_FIELD,
            "Viên chức trẻ, chủ động xây dựng bộ câu hỏi – đáp pháp luật thường gặp và hướng dẫn người dân tra cứu trên điện thoại; được đồng nghiệp ghi nhận là nhân tố mới của Trung tâm.",
            (7, 2), Plot::Nurturing(-5))
            .movements(&["BDHVS"]),
        person("TGPL", "Võ Hoàng Nam", "Trợ giúp viên pháp lý", Advanced, TGPL_FIELD,
            "Giải quyết dứt điểm 15 vụ việc tranh chấp đất đai kéo dài bằng hình thức tư vấn, hòa giải; không để phát sinh khiếu nại vượt cấp.",
            (9, 4), Plot::Confirmed),
        team("TGPL", "Phòng Nghiệp vụ Trung tâm Trợ giúp pháp lý", 9, Advanced, TGPL_FIELD,
            "Hoàn thành 100% chỉ tiêu vụ việc tham gia tố tụng năm 2026 trước thời hạn 2 tháng; số hóa toàn bộ hồ sơ vụ việc từ năm 2020.",
            (10, 2), Plot::ProposedNurturing)
            .movements(&["DMST-CDS"]),
        person("TGPL", "Đỗ Thị Cẩm Tú", "Chuyên viên", GoodDeed, TGPL_FIELD,
            "Nhiều năm liền vận động đồng nghiệp quyên góp học bổng cho học sinh nghèo xã Tân Thành; trực tiếp giúp 3 gia đình làm lại giấy tờ hộ tịch bị thất lạc sau lũ.",
            (10, 21), Plot::Returned("Đề nghị bổ sung số liệu vụ việc năm 2026 và nhận xét của lãnh đạo Trung tâm trước khi gửi lại.")),
        person("TGPL", "Huỳnh Minh Trí", "Trợ giúp viên pháp lý", Advanced, TGPL_FIELD,
            "Thực hiện 64 vụ việc trợ giúp pháp lý cho người khuyết tật, người cao tuổi cô đơn trong 10 tháng năm 2026.",
            (11, 18), Plot::Draft),
        person("TGPL", "Ngô Thanh Phương", "Trợ giúp viên pháp lý", Advanced, TGPL_FIELD,
            "Có nhiều cách làm hay trong tư vấn pháp luật về hôn nhân gia đình cho phụ nữ nông thôn.",
            (5, 20), Plot::Stopped(Stage::Nurturing, "Chuyển công tác sang đơn vị ngoài ngành Tư pháp từ ngày 01/9/2026.")),
        // Phòng Phổ biến, giáo dục pháp luật.
        team("PBGDPL", "Tổ hòa giải ấp Tân Phong, xã Mỹ Hiệp", 7, NewModel, HOA_GIAI,
            "Xây dựng mô hình \"Hòa giải viên gắn với nhóm Zalo ấp\": hòa giải thành 31/33 vụ việc trong năm, nắm bắt mâu thuẫn từ sớm, không để phát sinh điểm nóng.",
            (2, 20), Plot::Replicated(2))
            .movements(&["DVK", "BVANTQ"])
            .photo("Tổ hòa giải ấp Tân Phong họp rút kinh nghiệm tại nhà văn hóa ấp"),
        person("PBGDPL", "Nguyễn Văn Tâm", "Báo cáo viên pháp luật tỉnh", Advanced, PBGDPL_FIELD,
            "Chủ trì 42 buổi phổ biến pháp luật cho cán bộ cơ sở sau sắp xếp đơn vị hành chính, hơn 3.800 lượt người tham dự; biên soạn 6 đề cương giới thiệu luật mới.",
            (3, 24), Plot::Summarized)
            .titled("Chuyên viên chính"),
        person("PBGDPL", "Phạm Thị Ngọc Hân", "Chuyên viên", NewModel, PBGDPL_FIELD,
            "Đề xuất và tổ chức sân khấu hóa phổ biến pháp luật về phòng, chống bạo lực gia đình tại 12 trường trung học phổ thông, thu hút hơn 5.000 học sinh.",
            (6, 15), Plot::Nurturing(12))
            .initiative("Sân khấu hóa phổ biến pháp luật trong trường học"),
        team("PBGDPL", "Câu lạc bộ \"Phụ nữ với pháp luật\" xã Tân Hồng", 35, NewModel, PBGDPL_FIELD,
            "Duy trì sinh hoạt hằng tháng, lồng ghép tìm hiểu pháp luật về hôn nhân, đất đai, an toàn giao thông; 100% hội viên không vi phạm pháp luật.",
            (7, 10), Plot::Nurturing(-12))
            .movements(&["DVK"]),
        person("PBGDPL", "Lý Minh Hoàng", "Chuyên viên", Advanced, "Chuẩn tiếp cận pháp luật",
            "Hướng dẫn 102 xã, phường đánh giá chuẩn tiếp cận pháp luật theo quy định mới; kết quả được Bộ Tư pháp ghi nhận.",
            (8, 18), Plot::Confirmed),
        person("PBGDPL", "Trương Thị Yến", "Hòa giải viên ấp Hòa An", GoodDeed, HOA_GIAI,
            "Hơn 15 năm làm hòa giải viên, hòa giải thành hàng trăm vụ việc; tự nguyện hiến 200 m² đất làm đường nông thôn.",
            (10, 28), Plot::Submitted),
        person("PBGDPL", "Nguyễn Hoàng Phúc", "Chuyên viên", NewFactor, PBGDPL_FIELD,
            "Thiết kế chuỗi video ngắn giới thiệu pháp luật trên mạng xã hội của Sở, đạt hơn 200.000 lượt xem.",
            (11, 20), Plot::Draft)
            .movements(&["BDHVS"]),
        team("PBGDPL", "Nhóm Tủ sách pháp luật điện tử", 5, NewModel, PBGDPL_FIELD,
            "Số hóa 1.200 đầu sách pháp luật, đưa Tủ sách pháp luật điện tử đến 100% xã, phường; lượt truy cập tăng gấp ba so với năm 2025.",
            (8, 30), Plot::ProposedSummary)
            .movements(&["DMST-CDS", "BDHVS"]),
        // Phòng Hành chính tư pháp.
        team("HCTP", "Bộ phận cấp Phiếu lý lịch tư pháp", 6, NewModel, LLTP,
            "Triển khai cấp Phiếu lý lịch tư pháp trên ứng dụng VNeID, rút ngắn thời gian trả kết quả từ 10 ngày xuống còn 3 ngày làm việc; tiếp nhận trực tuyến đạt 92%.",
            (2, 25), Plot::Replicated(1))
            .initiative("Quy trình cấp Phiếu lý lịch tư pháp trực tuyến trên VNeID")
            .movements(&["DMST-CDS"])
            .photo("Bộ phận cấp Phiếu lý lịch tư pháp hướng dẫn người dân nộp hồ sơ trên VNeID"),
        person("HCTP", "Lê Thị Thanh Trúc", "Công chức Tư pháp – Hộ tịch xã Phong Hòa", Advanced, HO_TICH,
            "Chủ động số hóa hơn 45.000 trang sổ hộ tịch, đưa vào Cơ sở dữ liệu hộ tịch điện tử; không có hồ sơ trễ hạn trong năm.",
            (3, 30), Plot::Summarized)
            .movements(&["DMST-CDS"]),
        person("HCTP", "Nguyễn Minh Luân", "Chuyên viên", Advanced, "Quốc tịch",
            "Giải quyết đúng hạn 100% hồ sơ quốc tịch, hướng dẫn 37 trường hợp người di cư tự do đăng ký khai sinh, nhập quốc tịch.",
            (6, 22), Plot::Nurturing(18)),
        person("HCTP", "Trần Thị Diễm My", "Chuyên viên", NewFactor, CHUNG_THUC,
            "Đề xuất bộ hướng dẫn chứng thực bản sao điện tử từ bản chính cho cấp xã, giúp giảm 40% hồ sơ phải bổ sung.",
            (7, 14), Plot::Nurturing(-18)),
        person("HCTP", "Phan Văn Thành", "Công chức Tư pháp – Hộ tịch phường Cao Lãnh", Advanced, HO_TICH,
            "Liên thông đăng ký khai sinh – thường trú – cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi đạt 98%.",
            (9, 28), Plot::ProposedNurturing),
        person("HCTP", "Đặng Thị Hoa", "Chuyên viên", GoodDeed, HO_TICH,
            "Tự nguyện làm thêm giờ hỗ trợ người dân vùng sạt lở làm lại giấy tờ; vận động quyên góp 50 triệu đồng giúp hộ nghèo.",
            (10, 24), Plot::Returned("Hồ sơ chưa có xác nhận của địa phương về việc hỗ trợ người dân; đề nghị bổ sung.")),
        person("HCTP", "Hồ Văn Tư", "Công chức Tư pháp – Hộ tịch xã Phong Mỹ", Advanced, HO_TICH,
            "Hoàn thành xuất sắc nhiệm vụ năm 2026; 100% hồ sơ hộ tịch giải quyết trực tuyến đúng hạn.",
            (11, 5), Plot::Submitted),
        person("HCTP", "Võ Thị Thùy Linh", "Chuyên viên", NewFactor, LLTP,
            "Xây dựng bảng theo dõi hồ sơ lý lịch tư pháp bằng dữ liệu dùng chung, cảnh báo sớm hồ sơ sắp đến hạn.",
            (11, 24), Plot::Draft),
        // Phòng Bổ trợ tư pháp.
        person("BTTP", "Huỳnh Thị Kim Ngân", "Chuyên viên", NewModel, CONG_CHUNG,
            "Xây dựng phần mềm theo dõi tổ chức hành nghề công chứng, kết nối dữ liệu ngăn chặn giao dịch; phát hiện kịp thời 12 trường hợp tài sản bị kê biên.",
            (3, 10), Plot::Summarized)
            .initiative("Phần mềm theo dõi tổ chức hành nghề công chứng")
            .movements(&["DMST-CDS"]),
        person("BTTP", "Nguyễn Quốc Bảo", "Luật sư, Văn phòng Luật sư Quốc Bảo", GoodDeed, LUAT_SU,
            "Tham gia 30 vụ việc trợ giúp pháp lý miễn phí, tài trợ học bổng cho sinh viên luật có hoàn cảnh khó khăn.",
            (7, 20), Plot::Nurturing(25)),
        person("BTTP", "Trần Thị Tuyết Mai", "Chuyên viên", Advanced, "Giám định tư pháp",
            "Rà soát, kiện toàn danh sách giám định viên tư pháp sau hợp nhất tỉnh; tham mưu ban hành quy chế phối hợp trưng cầu giám định.",
            (9, 10), Plot::Confirmed),
        person("BTTP", "Lê Hoàng Duy", "Chuyên viên", Advanced, "Thừa phát lại",
            "Hướng dẫn thành lập 2 văn phòng thừa phát lại mới.",
            (8, 12), Plot::Stopped(Stage::Discovered, "Chưa đáp ứng tiêu chuẩn về sáng kiến và kết quả nổi trội; đơn vị đề nghị dừng theo dõi, xem xét lại năm 2027.")),
        person("BTTP", "Phạm Văn Lợi", "Chuyên viên", GoodDeed, LUAT_SU,
            "Tích cực tham gia hiến máu tình nguyện 12 lần; hỗ trợ người dân hoàn thiện hồ sơ hành nghề luật sư.",
            (11, 12), Plot::Draft),
        // Phòng Công chứng số 1.
        team("PCC1", "Phòng Công chứng số 1", 14, Advanced, CONG_CHUNG,
            "Công chứng ngoài giờ hành chính và sáng thứ Bảy; tiếp nhận hơn 9.600 hồ sơ trong năm, không có sai sót, không có khiếu nại.",
            (2, 9), Plot::Replicated(2))
            .movements(&["KTXH-2030", "DMST-CDS"])
            .photo("Phòng Công chứng số 1 tiếp nhận hồ sơ ngoài giờ hành chính"),
        person("PCC1", "Nguyễn Thị Thu Hà", "Công chứng viên", NewModel, CONG_CHUNG,
            "Áp dụng tra cứu dữ liệu ngăn chặn trực tuyến trước khi công chứng, rút ngắn thời gian giải quyết hồ sơ còn trong ngày.",
            (4, 6), Plot::Summarized),
        person("PCC1", "Trần Minh Tuấn", "Công chứng viên", Advanced, CONG_CHUNG,
            "Công chứng 1.450 hợp đồng, giao dịch trong năm, không có sai sót; hướng dẫn 2 công chứng viên tập sự.",
            (6, 29), Plot::Nurturing(3)),
        person("PCC1", "Lê Ngọc Bích", "Thư ký nghiệp vụ", NewFactor, CONG_CHUNG,
            "Chủ động lập danh mục giấy tờ cần chuẩn bị cho từng loại hợp đồng, gửi trước cho người dân qua tin nhắn.",
            (11, 2), Plot::Submitted),
        person("PCC1", "Võ Thanh Hải", "Công chứng viên", Advanced, CONG_CHUNG,
            "Đi đầu công chứng tại nhà cho người cao tuổi, người bệnh không thể đến trụ sở.",
            (2, 4), Plot::Archived),
        person("PCC1", "Nguyễn Văn Út", "Nhân viên bảo vệ", GoodDeed, CONG_CHUNG,
            "Nhặt được ví có 15 triệu đồng và giấy tờ tùy thân của người dân đến công chứng, chủ động tìm và trả lại người đánh rơi.",
            (9, 15), Plot::Confirmed),
        // Trung tâm Dịch vụ đấu giá tài sản.
        team("DGTS", "Tổ Đấu giá trực tuyến", 5, NewModel, DAU_GIA,
            "Tổ chức 58 cuộc đấu giá trực tuyến quyền sử dụng đất và tài sản công, giá trúng tăng bình quân 18% so với giá khởi điểm; công khai, minh bạch, không có khiếu nại.",
            (3, 20), Plot::Summarized)
            .movements(&["DMST-CDS", "KTXH-2030"])
            .photo("Tổ Đấu giá trực tuyến điều hành cuộc đấu giá quyền sử dụng đất"),
        person("DGTS", "Bùi Thị Kim Loan", "Đấu giá viên", Advanced, DAU_GIA,
            "Điều hành 74 cuộc đấu giá thành công, tổng giá trị trúng đấu giá hơn 210 tỷ đồng.",
            (7, 6), Plot::Nurturing(9)),
        person("DGTS", "Phạm Hữu Lộc", "Đấu giá viên", NewModel, DAU_GIA,
            "Chuẩn hóa bộ hồ sơ mẫu đấu giá tài sản thi hành án, được các cơ quan thi hành án dân sự áp dụng.",
            (2, 16), Plot::Replicated(1)),
        person("DGTS", "Nguyễn Thị Bảo Trân", "Kế toán", GoodDeed, DAU_GIA,
            "Tham gia tổ thiện nguyện của Trung tâm, trao 40 phần quà cho học sinh nghèo huyện Tháp Mười cũ.",
            (10, 26), Plot::Returned("Thành tích chưa gắn với nhiệm vụ chuyên môn; đề nghị đơn vị bổ sung nhận xét.")),
        person("DGTS", "Đinh Công Thắng", "Đấu giá viên", Advanced, DAU_GIA,
            "Đề xuất quy trình kiểm tra hồ sơ người tham gia đấu giá trên môi trường mạng.",
            (11, 16), Plot::Draft),
        // Phòng Xây dựng và Kiểm tra văn bản quy phạm pháp luật.
        person("XDKTVB", "Trần Thị Phương Thảo", "Chuyên viên", Advanced, VBQPPL,
            "Thẩm định 126 dự thảo văn bản quy phạm pháp luật của tỉnh đúng thời hạn; phát hiện, kiến nghị xử lý 14 văn bản có nội dung trái pháp luật.",
            (6, 18), Plot::Nurturing(-9)),
        person("XDKTVB", "Nguyễn Hữu Đức", "Chuyên viên chính", Advanced, VBQPPL,
            "Hơn 20 năm làm công tác kiểm tra văn bản, biên soạn sổ tay nghiệp vụ kiểm tra văn bản cho cấp xã.",
            (3, 25), Plot::Stopped(Stage::Summarized, "Nghỉ hưu từ ngày 01/10/2026; kinh nghiệm đã được tổng kết và lưu hồ sơ để phổ biến.")),
        team("XDKTVB", "Nhóm rà soát văn bản sau hợp nhất tỉnh", 6, NewModel, VBQPPL,
            "Rà soát 2.340 văn bản của hai tỉnh trước hợp nhất, đề xuất bãi bỏ 312 văn bản, hợp nhất 45 văn bản; hoàn thành trước thời hạn.",
            (8, 25), Plot::Confirmed),
        person("XDKTVB", "Lê Thị Ngọc Trâm", "Chuyên viên", NewFactor, TDTHPL,
            "Đề xuất bộ tiêu chí theo dõi thi hành pháp luật về xử lý vi phạm hành chính áp dụng thống nhất trong tỉnh.",
            (11, 9), Plot::Submitted),
        person("XDKTVB", "Phan Thành Công", "Chuyên viên", NewModel, VBQPPL,
            "Xây dựng cơ sở dữ liệu văn bản quy phạm pháp luật của tỉnh có tra cứu theo lĩnh vực và hiệu lực.",
            (9, 1), Plot::ProposedSummary)
            .movements(&["DMST-CDS"]),
        // Phòng Công chứng số 2: recorded by the Office from citizens' letters, not yet taken up.
        person("PCC2", "Nguyễn Thị Kim Cúc", "Công chứng viên", GoodDeed, CONG_CHUNG,
            "Được người dân gửi thư cảm ơn vì đã phát hiện, ngăn chặn kịp thời một giao dịch giả mạo giấy tờ nhà đất.",
            (11, 10), Plot::Draft),
        team("PCC2", "Tổ tiếp nhận hồ sơ Phòng Công chứng số 2", 4, Advanced, CONG_CHUNG,
            "Tiếp nhận, trả kết quả đúng hẹn 100% hồ sơ; được người dân đánh giá hài lòng cao nhất trong các tổ chức hành nghề công chứng.",
            (11, 13), Plot::Draft),
    ]
}

/// Introductions of April–November (the programme starts in April) per unit: `O` on time,
/// `L` late, `-` none, `D` a draft never sent.
const INTRODUCTIONS: &[(&str, &str)] = &[
    ("TGPL", "OOOOOOOO"),
    ("PBGDPL", "OOOLOOOO"),
    ("HCTP", "OLO-OLOO"),
    ("BTTP", "O--L-O-L"),
    ("PCC1", "LLOLLOLO"),
    ("DGTS", "--OOOOLO"),
    ("XDKTVB", "OOO-O-OD"),
];

const MILESTONES: &[&str] = &[
    "Chia sẻ kinh nghiệm tại hội nghị giao ban đơn vị",
    "Tham gia lớp bồi dưỡng nghiệp vụ chuyên sâu do Sở tổ chức",
    "Hoàn thiện báo cáo sáng kiến, gửi Hội đồng sáng kiến Sở",
    "Viết bài giới thiệu cách làm hay trên Trang thông tin điện tử của Sở",
    "Hướng dẫn, kèm cặp 02 đồng nghiệp mới",
    "Sơ kết 6 tháng thực hiện kế hoạch bồi dưỡng",
];

const ADOPTERS: &[(Option<&str>, &str, &str)] = &[
    (None, "UBND xã Mỹ Hiệp", "Toàn bộ công chức tư pháp và 6 tổ hòa giải của xã"),
    (Some("PCC2"), "Phòng Công chứng số 2", "9 công chứng viên và thư ký nghiệp vụ"),
    (None, "UBND phường Mỹ Tho", "Bộ phận một cửa của phường, 12 công chức"),
    (Some("TGPL"), "Trung tâm Trợ giúp pháp lý nhà nước tỉnh Đồng Tháp", "3 chi nhánh trợ giúp pháp lý"),
    (None, "UBND xã Tân Hồng", "5 ấp, 45 hòa giải viên"),
    (Some("HCTP"), "Phòng Hành chính tư pháp", "Toàn phòng, áp dụng cho các thủ tục hộ tịch có yếu tố nước ngoài"),
];

/// A stopped clock that walks through the year: each step is at the wanted time, or just after
/// the previous one, and never later than `limit` (just before the real now).
struct Walk {
    clock: Clock,
    limit: DateTime<Utc>,
}

impl Walk {
    fn new(limit: DateTime<Utc>) -> Self {
        Self {
            clock: Clock::fixed(Utc.with_ymd_and_hms(YEAR - 1, 12, 31, 0, 0, 0).single().unwrap_or(limit)),
            limit,
        }
    }

    /// Restarts for another record's story.
    fn restart(&self, at: NaiveDateTime) {
        self.clock.set(at.and_utc().min(self.limit) - Duration::minutes(1));
    }

    /// The moment of the next step: `day` at `hour` in Vietnam.
    fn at(&self, day: NaiveDate, hour: u32) -> NaiveDateTime {
        let wanted = local(day, hour, 0).and_utc().min(self.limit);
        let next = wanted.max(self.clock.now() + Duration::minutes(3));
        self.clock.set(next);
        self.clock.now_naive()
    }

    /// A few minutes after the previous step.
    fn later(&self) -> NaiveDateTime {
        self.clock.advance(Duration::minutes(3));
        self.clock.now_naive()
    }
}

/// `day` at `hour:minute` Vietnam time, as stored (UTC).
fn local(day: NaiveDate, hour: u32, minute: u32) -> NaiveDateTime {
    let naive = day.and_hms_opt(hour, minute, 0).unwrap_or_default();
    TIME_ZONE
        .from_local_datetime(&naive)
        .single()
        .map(|t| t.naive_utc())
        .unwrap_or(naive)
}

fn date(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(YEAR, month, day).unwrap_or_default()
}

fn invalid(what: &str, detail: impl std::fmt::Display) -> AppError {
    AppError::internal(format!("demo data for {what} is invalid: {detail}"))
}

fn check(what: &str, input: &impl Validate) -> AppResult<()> {
    input.validate().map_err(|e| invalid(what, e))
}

/// The people who act in the story.
struct Cast {
    office: Principal,
    leader: Principal,
    /// Per unit code: (head, staff).
    units: Vec<(&'static str, Principal, Principal)>,
}

impl Cast {
    fn of(&self, unit: &str) -> Option<(&Principal, &Principal)> {
        self.units
            .iter()
            .find(|(code, _, _)| *code == unit)
            .map(|(_, head, staff)| (head, staff))
    }
}

fn principal(conn: &mut DbConnection, username: &str) -> AppResult<Principal> {
    let row: Option<(i64, String, Role, Option<i64>)> = users::table
        .filter(users::username.eq(username))
        .filter(users::active.eq(true))
        .select((users::id, users::full_name, users::role, users::unit_id))
        .first(conn)
        .optional()?;
    let (id, full_name, role, unit_id) = row.ok_or_else(|| {
        AppError::internal(format!("the demo account {username} is missing or inactive"))
    })?;
    Ok(Principal {
        subject: Subject::User(id),
        role,
        unit_id,
        name: username.to_owned(),
        display_name: full_name,
        scopes: Vec::new(),
        session_id: None,
        must_change_password: false,
    })
}

fn unit_id(conn: &mut DbConnection, code: &str) -> AppResult<Option<i64>> {
    Ok(units::table
        .filter(units::code.eq(code))
        .select(units::id)
        .first(conn)
        .optional()?)
}

/// Creates the units' demo accounts that do not exist yet; returns how many it created.
fn seed_unit_accounts(conn: &mut DbConnection, hash: &str, at: NaiveDateTime) -> AppResult<usize> {
    let mut created = 0;
    for account in UNIT_ACCOUNTS {
        let exists: i64 = users::table
            .filter(users::username.eq(account.username))
            .count()
            .get_result(conn)?;
        if exists > 0 {
            continue;
        }
        let input = NewUserInput {
            username: account.username.to_owned(),
            full_name: account.full_name.to_owned(),
            email: None,
            phone: None,
            position: Some(account.position.to_owned()),
            role: account.role,
            unit_id: unit_id(conn, account.unit_code)?,
            temporary_password: None,
        };
        user_model::insert(conn, at, &input, hash, false)?;
        created += 1;
    }
    Ok(created)
}

/// Seeds the demo year unless it was seeded before. `clock` gives the real now: nothing is dated
/// after it, and milestones due soon or overdue are counted from its today.
pub fn seed(conn: &mut DbConnection, data_dir: &Path, clock: &Clock) -> AppResult<Report> {
    let hash = password::hash(super::demo::DEMO_PASSWORD)?;
    let photos = Storage::new(data_dir);
    crate::db::write_transaction(conn, |conn| {
        let mut report = Report::default();
        let accounts_at = local(date(1, 5), 8, 0).min(clock.now_naive());
        report.accounts_created = seed_unit_accounts(conn, &hash, accounts_at)?;
        let seeded: i64 = settings::table
            .filter(settings::key.eq(MARKER))
            .count()
            .get_result(conn)?;
        if seeded > 0 {
            report.already_seeded = true;
            return Ok(report);
        }
        let programme_start = local(NaiveDate::from_ymd_opt(YEAR - 1, 7, 1).unwrap_or_default(), 8, 0);
        diesel::update(
            units::table
                .filter(units::code.eq_any(REFERENCE_UNITS))
                .filter(units::created_at.gt(programme_start)),
        )
        .set(units::created_at.eq(programme_start))
        .execute(conn)?;
        let cast = Cast {
            office: principal(conn, "vanphong")?,
            leader: principal(conn, "lanhdao")?,
            units: {
                let mut units = Vec::new();
                let codes = ["TGPL", "XDKTVB", "PBGDPL", "HCTP", "BTTP", "PCC1", "DGTS"];
                for code in codes {
                    let lower = code.to_lowercase();
                    let head = principal(conn, &format!("{lower}.truong"))?;
                    let staff = principal(conn, &format!("{lower}.canbo"))?;
                    units.push((code, head, staff));
                }
                units
            },
        };
        let story = Story {
            walk: Walk::new(clock.now() - Duration::hours(2)),
            today: clock.today(),
            cast: &cast,
            photos: &photos,
        };
        let mut recorded = Vec::new();
        for (index, spec) in specs().iter().enumerate() {
            let id = story.tell(conn, index, spec, &mut report)?;
            recorded.push((spec.unit, id));
            report.exemplars += 1;
        }
        report.introductions = story.introductions(conn, &recorded)?;
        let marker = serde_json::json!({
            "exemplars": report.exemplars,
            "seededAt": clock.now(),
        });
        diesel::insert_into(settings::table)
            .values((
                settings::key.eq(MARKER),
                settings::value.eq(marker.to_string()),
                settings::version.eq(1),
                settings::updated_at.eq(clock.now_naive()),
            ))
            .execute(conn)?;
        Ok(report)
    })
}

struct Story<'a> {
    walk: Walk,
    today: NaiveDate,
    cast: &'a Cast,
    photos: &'a Storage,
}

/// Offsets, in days after the discovery, of each step of an exemplar's story.
mod day {
    pub const RECORDED: i64 = 1;
    pub const PLANNED: i64 = 5;
    pub const SUBMITTED: i64 = 8;
    pub const REVIEWED: i64 = 12;
    pub const PROPOSED_NURTURING: i64 = 13;
    pub const NURTURING: i64 = 16;
    pub const OFFICE_FIRST_LOOK: i64 = 20;
    pub const SELF_ASSESSED: i64 = 30;
    pub const STOPPED_AT_DISCOVERY: i64 = 40;
    pub const OFFICE_NURTURING_REVIEW: i64 = 45;
    pub const SUMMED_UP: i64 = 70;
    pub const PROPOSED_SUMMARY: i64 = 71;
    pub const SUMMARIZED: i64 = 74;
    pub const STOPPED_IN_NURTURING: i64 = 75;
    pub const OFFICE_REVIEW: i64 = 76;
    pub const FIRST_REPLICATION: i64 = 90;
    pub const SECOND_REPLICATION: i64 = 115;
    pub const REPLICATED: i64 = 116;
    pub const STOPPED_AFTER_SUMMARY: i64 = 150;
    pub const ARCHIVED: i64 = 190;
}

impl Story<'_> {
    fn on(&self, discovered: NaiveDate, offset: i64, hour: u32) -> NaiveDateTime {
        self.walk.at(discovered + Duration::days(offset), hour)
    }

    /// Records one exemplar and plays its story up to its plot; returns its id.
    fn tell(
        &self,
        conn: &mut DbConnection,
        index: usize,
        spec: &Spec,
        report: &mut Report,
    ) -> AppResult<i64> {
        let discovered = date(spec.discovered.0, spec.discovered.1).min(self.today);
        self.walk.restart(local(discovered, 7, 0));
        let unit = unit_id(conn, spec.unit)?
            .ok_or_else(|| invalid(spec.name, format!("no unit {}", spec.unit)))?;
        let people = self.cast.of(spec.unit);
        let office = &self.cast.office;
        // Units without demo accounts: the Office recorded what citizens reported.
        let (head, staff) = people.unwrap_or((office, office));
        let movement_ids: Vec<i64> = movements::table
            .filter(movements::code.eq_any(spec.movements))
            .filter(movements::active.eq(true))
            .select(movements::id)
            .load(conn)?;
        let input = ExemplarInput {
            subject_kind: spec.kind,
            name: spec.name.to_owned(),
            position: spec.position.map(str::to_owned),
            title: spec.title.map(str::to_owned),
            member_count: spec.members,
            unit_id: unit,
            category: spec.category,
            field_of_work: spec.field.to_owned(),
            achievements: spec.achievements.to_owned(),
            discovered_on: Day(discovered),
            discovery_method: Some(DISCOVERY_METHODS[index % DISCOVERY_METHODS.len()].to_owned()),
            discovered_by: Some(if people.is_some() {
                head.display_name.clone()
            } else {
                "Văn phòng Sở".to_owned()
            }),
            movement_ids,
            initiatives: spec
                .initiative
                .map(|title| Initiative {
                    title: title.to_owned(),
                    year: Some(YEAR),
                    recognised_by: Some("Hội đồng sáng kiến Sở Tư pháp".to_owned()),
                    scope: Some("Trong đơn vị".to_owned()),
                })
                .into_iter()
                .collect(),
        }
        .normalized();
        check(spec.name, &input)?;
        if let Some(error) = input.extra_errors(self.today).first() {
            return Err(invalid(spec.name, &error.message));
        }
        let id = exemplar_model::insert(conn, staff, self.on(discovered, day::RECORDED, 9), &input)?;
        if let Some(caption) = spec.photo {
            self.photo(conn, Owner::Exemplar(id), staff, caption, index, self.on(discovered, day::RECORDED, 10))?;
            report.photos += 1;
        }
        let plot = spec.plot;
        if matches!(plot, Plot::Draft) {
            return Ok(id);
        }
        if plot.has_plan() {
            self.plan(conn, id, staff, head, index, plot, discovered)?;
        }
        self.step(conn, id, head, ExemplarAction::Submit, None, None, self.on(discovered, day::SUBMITTED, 10))?;
        let review_at = self.on(discovered, day::REVIEWED, 15);
        match plot {
            Plot::Submitted => return Ok(id),
            Plot::Returned(note) => {
                self.step(conn, id, office, ExemplarAction::Return, Some(note), None, review_at)?;
                return Ok(id);
            }
            Plot::ProposedNurturing => {
                self.step(
                    conn,
                    id,
                    head,
                    ExemplarAction::ProposeStage,
                    Some("Đã lập kế hoạch bồi dưỡng cụ thể, đề nghị chuyển sang giai đoạn bồi dưỡng."),
                    Some(Stage::Nurturing),
                    self.on(discovered, day::PROPOSED_NURTURING, 9),
                )?;
                self.evaluate(conn, id, staff, EvaluatorKind::SelfAssessment, 3, self.on(discovered, day::PROPOSED_NURTURING, 14), report)?;
                return Ok(id);
            }
            _ => {}
        }
        self.step(conn, id, office, ExemplarAction::Confirm, Some("Hồ sơ đầy đủ, đúng quy định."), None, review_at)?;
        if matches!(plot, Plot::Confirmed) {
            if index.is_multiple_of(2) {
                self.evaluate(conn, id, office, EvaluatorKind::OfficeReview, 3, self.on(discovered, day::OFFICE_FIRST_LOOK, 10), report)?;
            }
            return Ok(id);
        }
        if let Plot::Stopped(Stage::Discovered, reason) = plot {
            self.evaluate(conn, id, office, EvaluatorKind::OfficeReview, 1, self.on(discovered, day::OFFICE_FIRST_LOOK, 10), report)?;
            self.step(conn, id, office, ExemplarAction::MoveStage, Some(reason), Some(Stage::Stopped), self.on(discovered, day::STOPPED_AT_DISCOVERY, 16))?;
            return Ok(id);
        }
        // Nurturing: proposed by the unit head, confirmed by the Office (or the leadership).
        self.step(
            conn,
            id,
            head,
            ExemplarAction::ProposeStage,
            Some("Đã có kế hoạch bồi dưỡng, đề nghị chuyển sang giai đoạn bồi dưỡng."),
            Some(Stage::Nurturing),
            self.on(discovered, day::PROPOSED_NURTURING, 9),
        )?;
        let reviewer = if index.is_multiple_of(3) { &self.cast.leader } else { office };
        self.step(conn, id, reviewer, ExemplarAction::ConfirmStage, Some("Đồng ý chuyển sang bồi dưỡng."), None, self.on(discovered, day::NURTURING, 15))?;
        let passed = plot.reaches(Stage::Summarized) || matches!(plot, Plot::ProposedSummary);
        self.evaluate(conn, id, staff, EvaluatorKind::SelfAssessment, if passed { 4 } else { 3 }, self.on(discovered, day::SELF_ASSESSED, 10), report)?;
        match plot {
            Plot::Nurturing(_) => {
                if index % 4 == 2 {
                    // The Office started its review and has not finished it.
                    self.draft_evaluation(conn, id, office, self.on(discovered, day::OFFICE_NURTURING_REVIEW, 9), report)?;
                } else if index.is_multiple_of(2) {
                    self.evaluate(conn, id, office, EvaluatorKind::OfficeReview, 3, self.on(discovered, day::OFFICE_NURTURING_REVIEW, 9), report)?;
                }
                return Ok(id);
            }
            Plot::Stopped(Stage::Nurturing, reason) => {
                self.step(conn, id, office, ExemplarAction::MoveStage, Some(reason), Some(Stage::Stopped), self.on(discovered, day::STOPPED_IN_NURTURING, 16))?;
                return Ok(id);
            }
            _ => {}
        }
        self.summary(conn, id, staff, spec, index, self.on(discovered, day::SUMMED_UP, 10))?;
        if matches!(plot, Plot::ProposedSummary) {
            self.step(
                conn,
                id,
                head,
                ExemplarAction::ProposeStage,
                Some("Đã tổng kết cách làm hay, đề nghị chuyển sang giai đoạn tổng kết."),
                Some(Stage::Summarized),
                self.on(discovered, day::PROPOSED_SUMMARY, 9),
            )?;
            return Ok(id);
        }
        self.step(conn, id, head, ExemplarAction::ProposeStage, Some("Đề nghị công nhận kết quả tổng kết."), Some(Stage::Summarized), self.on(discovered, day::PROPOSED_SUMMARY, 9))?;
        self.step(conn, id, office, ExemplarAction::ConfirmStage, Some("Đồng ý; đề nghị đơn vị xây dựng kế hoạch nhân rộng."), None, self.on(discovered, day::SUMMARIZED, 15))?;
        self.evaluate(conn, id, office, EvaluatorKind::OfficeReview, 4, self.on(discovered, day::OFFICE_REVIEW, 9), report)?;
        match plot {
            Plot::Summarized => return Ok(id),
            Plot::Stopped(_, reason) => {
                self.step(conn, id, office, ExemplarAction::MoveStage, Some(reason), Some(Stage::Stopped), self.on(discovered, day::STOPPED_AFTER_SUMMARY, 16))?;
                return Ok(id);
            }
            _ => {}
        }
        let places = match plot {
            Plot::Replicated(places) => places.max(1),
            _ => 2,
        };
        for place in 0..places {
            let offset = if place == 0 { day::FIRST_REPLICATION } else { day::SECOND_REPLICATION };
            self.replication(conn, id, staff, spec, unit, index + place, discovered + Duration::days(offset), report)?;
        }
        self.step(conn, id, office, ExemplarAction::MoveStage, Some("Mô hình đã được nhân rộng, hiệu quả rõ rệt."), Some(Stage::Replicated), self.on(discovered, day::REPLICATED, 15))?;
        if matches!(plot, Plot::Archived) {
            self.step(conn, id, office, ExemplarAction::MoveStage, Some("Hoàn thành chu trình điển hình; lưu trữ hồ sơ."), Some(Stage::Archived), self.on(discovered, day::ARCHIVED, 15))?;
        }
        Ok(id)
    }

    #[allow(clippy::too_many_arguments)]
    fn step(
        &self,
        conn: &mut DbConnection,
        id: i64,
        actor: &Principal,
        action: ExemplarAction,
        note: Option<&str>,
        to_stage: Option<Stage>,
        at: NaiveDateTime,
    ) -> AppResult<()> {
        let row = exemplar_model::find_row(conn, id)?;
        stages::perform(conn, actor, &row, IfMatch::Any, at, StepRequest { action, note, to_stage })
    }

    #[allow(clippy::too_many_arguments)]
    fn plan(
        &self,
        conn: &mut DbConnection,
        id: i64,
        staff: &Principal,
        head: &Principal,
        index: usize,
        plot: Plot,
        discovered: NaiveDate,
    ) -> AppResult<()> {
        let title = |k: usize| MILESTONES[(index + k) % MILESTONES.len()].to_owned();
        let past = |offset: i64| Day((discovered + Duration::days(offset)).min(self.today - Duration::days(1)));
        let soon = |days: i64| Day(self.today + Duration::days(days));
        let milestone = |k: usize, due_on: Day, status: MilestoneStatus, note: Option<&str>| Milestone {
            title: title(k),
            due_on,
            status,
            note: note.map(str::to_owned),
        };
        let milestones = match plot {
            Plot::ProposedNurturing => vec![
                milestone(0, soon(20), MilestoneStatus::Planned, None),
                milestone(1, soon(50), MilestoneStatus::Planned, None),
            ],
            Plot::Nurturing(due) if due >= 0 => vec![
                milestone(0, past(day::SELF_ASSESSED), MilestoneStatus::Done, Some("Đã thực hiện, có biên bản.")),
                milestone(1, soon(due), MilestoneStatus::InProgress, None),
                milestone(2, soon(due + 35), MilestoneStatus::Planned, None),
            ],
            Plot::Nurturing(overdue) => vec![
                milestone(0, past(day::SELF_ASSESSED), MilestoneStatus::Done, Some("Đã thực hiện, có biên bản.")),
                milestone(1, soon(overdue), MilestoneStatus::InProgress, Some("Đơn vị đang hoàn thiện, chậm so với kế hoạch.")),
                milestone(2, soon(20 - overdue), MilestoneStatus::Planned, None),
            ],
            Plot::Stopped(Stage::Nurturing, _) => vec![
                milestone(0, past(day::SELF_ASSESSED), MilestoneStatus::Done, None),
                milestone(1, past(day::STOPPED_IN_NURTURING - 5), MilestoneStatus::Missed, Some("Không thực hiện do chuyển công tác.")),
            ],
            _ => vec![
                milestone(0, past(25), MilestoneStatus::Done, None),
                milestone(1, past(45), MilestoneStatus::Done, None),
                milestone(2, past(65), MilestoneStatus::Done, Some("Đã báo cáo kết quả với lãnh đạo đơn vị.")),
            ],
        };
        let input = NurturingPlanInput {
            strengths: "Tinh thần trách nhiệm cao, nắm vững chuyên môn, được đồng nghiệp và người dân tin tưởng; chủ động đổi mới cách làm.".to_owned(),
            shortcomings: "Cách làm hay chưa được ghi chép thành quy trình, chưa chia sẻ rộng rãi; chưa có sáng kiến được công nhận cấp Sở.".to_owned(),
            measures: "Giao nhiệm vụ hướng dẫn đồng nghiệp; cử tham gia tập huấn chuyên sâu; hỗ trợ viết và đăng ký sáng kiến; định kỳ hằng quý đánh giá tiến độ.".to_owned(),
            support: Some("Hỗ trợ kinh phí tham dự tập huấn; biểu dương tại hội nghị sơ kết của đơn vị.".to_owned()),
            mentor: Some(head.display_name.clone()),
            milestones,
        }
        .normalized();
        check("a nurturing plan", &input)?;
        let row = exemplar_model::find_row(conn, id)?;
        exemplar_model::ensure_workable(staff, &row)?;
        records::save_plan(conn, staff, &row, None, self.on(discovered, day::PLANNED, 14), &input)
    }

    fn summary(
        &self,
        conn: &mut DbConnection,
        id: i64,
        staff: &Principal,
        spec: &Spec,
        index: usize,
        at: NaiveDateTime,
    ) -> AppResult<()> {
        let (label, unit) = match spec.field {
            TGPL_FIELD => ("Số vụ việc trợ giúp pháp lý", "vụ việc"),
            CONG_CHUNG => ("Số hợp đồng, giao dịch được công chứng", "hồ sơ"),
            DAU_GIA => ("Số cuộc đấu giá thành", "cuộc"),
            HOA_GIAI => ("Số vụ việc hòa giải thành", "vụ việc"),
            PBGDPL_FIELD => ("Lượt người được phổ biến pháp luật", "lượt"),
            VBQPPL => ("Số văn bản được thẩm định, kiểm tra", "văn bản"),
            _ => ("Số hồ sơ giải quyết đúng hạn", "hồ sơ"),
        };
        let input = SummaryInput {
            good_practice: format!(
                "{} Cách làm được chuẩn hóa thành quy trình các bước, có biểu mẫu và hướng dẫn để đơn vị khác áp dụng.",
                spec.achievements
            ),
            lessons: "Phát huy vai trò người đứng đầu; ứng dụng công nghệ thông tin; thường xuyên lắng nghe ý kiến người dân để điều chỉnh cách làm.".to_owned(),
            results: "Sau 6 tháng áp dụng, thời gian giải quyết công việc giảm rõ rệt, tỷ lệ người dân hài lòng tăng; không có phản ánh, kiến nghị.".to_owned(),
            figures: vec![
                Figure {
                    label: label.to_owned(),
                    value: (40 + 37 * (index % 9)) as f64,
                    unit: Some(unit.to_owned()),
                },
                Figure {
                    label: "Tỷ lệ người dân hài lòng".to_owned(),
                    value: 95.0 + (index % 5) as f64,
                    unit: Some("%".to_owned()),
                },
            ],
        }
        .normalized();
        check("a summary", &input)?;
        let row = exemplar_model::find_row(conn, id)?;
        exemplar_model::ensure_workable(staff, &row)?;
        records::save_summary(conn, staff, &row, None, at, &input)
    }

    #[allow(clippy::too_many_arguments)]
    fn replication(
        &self,
        conn: &mut DbConnection,
        id: i64,
        staff: &Principal,
        spec: &Spec,
        own_unit: i64,
        choice: usize,
        adopted: NaiveDate,
        report: &mut Report,
    ) -> AppResult<()> {
        let row = exemplar_model::find_row(conn, id)?;
        let mut pick = choice;
        let (adopter_unit_id, adopter, scale) = loop {
            let (code, name, scale) = ADOPTERS[pick % ADOPTERS.len()];
            let adopter_unit = match code {
                Some(code) => unit_id(conn, code)?,
                None => None,
            };
            if adopter_unit != Some(own_unit) {
                break (adopter_unit, name, scale);
            }
            pick += 1;
        };
        let adopted = adopted.min(self.today).max(row.discovered_on);
        let input = ReplicationInput {
            adopter_unit_id,
            adopter_name: adopter.to_owned(),
            adopted_on: Day(adopted),
            scale: scale.to_owned(),
            outcome: format!(
                "Áp dụng cách làm của {} từ ngày {}; sau 3 tháng công việc được giải quyết nhanh hơn, người dân đánh giá cao.",
                spec.name,
                adopted.format("%d/%m/%Y")
            ),
            evidence: Some("Báo cáo kết quả áp dụng của đơn vị nhận nhân rộng.".to_owned()),
        }
        .normalized();
        check("a replication", &input)?;
        if let Some(error) = input.extra_errors(row.discovered_on, self.today).first() {
            return Err(invalid(spec.name, &error.message));
        }
        exemplar_model::ensure_workable(staff, &row)?;
        let at = self.walk.at(adopted + Duration::days(1), 10);
        let replication = records::add_replication(conn, staff, &row, at, &input)?;
        if spec.photo.is_some() && choice.is_multiple_of(2) {
            let caption = format!("{adopter} áp dụng mô hình");
            self.photo(conn, Owner::Replication(replication), staff, &caption, choice + 50, at)?;
            report.photos += 1;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn evaluate(
        &self,
        conn: &mut DbConnection,
        id: i64,
        actor: &Principal,
        kind: EvaluatorKind,
        met: usize,
        at: NaiveDateTime,
        report: &mut Report,
    ) -> AppResult<()> {
        let evaluation = self.answer(conn, id, actor, kind, Some(met), at)?;
        let row = evaluations::find_row(conn, evaluation)?;
        let exemplar = exemplar_model::find_row(conn, id)?;
        evaluations::finalise(conn, actor, &row, IfMatch::Any, self.walk.later(), &exemplar)?;
        report.evaluations += 1;
        Ok(())
    }

    fn draft_evaluation(
        &self,
        conn: &mut DbConnection,
        id: i64,
        actor: &Principal,
        at: NaiveDateTime,
        report: &mut Report,
    ) -> AppResult<()> {
        self.answer(conn, id, actor, EvaluatorKind::OfficeReview, None, at)?;
        report.evaluations += 1;
        Ok(())
    }

    /// Opens an evaluation and answers it: `met` of the criteria met (the initiative criterion
    /// fails first), or only the first two answered for a draft left half-done.
    fn answer(
        &self,
        conn: &mut DbConnection,
        id: i64,
        actor: &Principal,
        kind: EvaluatorKind,
        met: Option<usize>,
        at: NaiveDateTime,
    ) -> AppResult<i64> {
        let exemplar = exemplar_model::find_row(conn, id)?;
        exemplar_model::ensure_evaluable(actor, &exemplar)?;
        let evaluation = evaluations::create(
            conn,
            actor,
            &exemplar,
            &NewEvaluation {
                evaluator_kind: kind,
                criteria_set_id: None,
            },
            at,
        )?;
        let mut items = evaluations::load(conn, evaluation)?.items;
        items.sort_by_key(|item| item.position);
        // Which criteria fail first: the initiatives, then social work, then the tasks.
        const FAILING_ORDER: [usize; 4] = [2, 3, 1, 0];
        let failing: Vec<usize> = match met {
            Some(met) => FAILING_ORDER[..items.len().saturating_sub(met).min(4)].to_vec(),
            None => Vec::new(),
        };
        let answers: Vec<ItemInput> = items
            .iter()
            .enumerate()
            .filter(|(position, _)| met.is_some() || *position < 2)
            .map(|(position, item)| {
                let ok = !failing.contains(&position);
                ItemInput {
                    criterion_id: item.criterion_id,
                    met: (item.mode == CriterionMode::PassFail).then_some(ok),
                    score: (item.mode == CriterionMode::Score)
                        .then(|| if ok { item.max_score.unwrap_or(0) } else { 0 }),
                    evidence: Some(if ok {
                        "Có minh chứng: báo cáo thành tích, nhận xét của thủ trưởng đơn vị.".to_owned()
                    } else {
                        "Chưa có minh chứng đầy đủ.".to_owned()
                    }),
                    comment: (!ok).then(|| "Cần tiếp tục bồi dưỡng ở tiêu chuẩn này.".to_owned()),
                }
            })
            .collect();
        let comment = match (kind, met) {
            (_, None) => "Đang thẩm định, chờ đơn vị bổ sung minh chứng.",
            (EvaluatorKind::SelfAssessment, Some(4)) => "Đơn vị tự đánh giá đáp ứng đầy đủ bốn tiêu chuẩn chung.",
            (EvaluatorKind::SelfAssessment, _) => "Đơn vị tự đánh giá còn hạn chế về sáng kiến được công nhận; tiếp tục bồi dưỡng.",
            (_, Some(4)) => "Văn phòng Sở thẩm định: đáp ứng đầy đủ bốn tiêu chuẩn chung.",
            (_, Some(3)) => "Văn phòng Sở thẩm định: chưa có sáng kiến được công nhận; cần bồi dưỡng thêm.",
            _ => "Văn phòng Sở thẩm định: chưa đáp ứng phần lớn tiêu chuẩn chung.",
        };
        let input = EvaluationInput {
            items: answers,
            comment: Some(comment.to_owned()),
            conclusion_override: None,
            override_reason: None,
        };
        check("an evaluation", &input)?;
        let row = evaluations::find_row(conn, evaluation)?;
        evaluations::save(conn, actor, &row, IfMatch::Any, self.walk.later(), &input)?;
        Ok(evaluation)
    }

    /// A small generated picture (a soft gradient with a band) as an image attachment, stored as
    /// an upload is.
    #[allow(clippy::too_many_arguments)]
    fn photo(
        &self,
        conn: &mut DbConnection,
        owner: Owner,
        uploader: &Principal,
        caption: &str,
        seed: usize,
        at: NaiveDateTime,
    ) -> AppResult<()> {
        let bytes = picture(seed)?;
        let content_type = storage::detect(&bytes)?;
        let sha256 = self.photos.store(&bytes)?;
        let has_thumbnail = self.photos.make_thumbnail(&sha256, &bytes)?;
        let file_name = format!("anh-{}.png", seed + 1);
        attachments::insert(
            conn,
            &NewAttachment {
                owner,
                file_name: &file_name,
                content_type,
                size_bytes: bytes.len() as i64,
                sha256: &sha256,
                has_thumbnail,
                caption: Some(caption),
                uploaded_by: uploader.user_id(),
                created_at: at,
            },
        )?;
        Ok(())
    }

    /// The monthly introductions of April to the last month before today (and, this month, an
    /// early one by PBGDPL and a draft by HCTP); returns how many were written.
    fn introductions(&self, conn: &mut DbConnection, recorded: &[(&str, i64)]) -> AppResult<usize> {
        let calendar = crate::calendar::deadlines::Calendar::load(conn)?;
        let current = Month::of(self.today);
        let mut written = 0;
        for (row_index, (code, pattern)) in INTRODUCTIONS.iter().enumerate() {
            let Some((head, staff)) = self.cast.of(code) else {
                continue;
            };
            let unit = unit_id(conn, code)?.ok_or_else(|| invalid(code, "no such unit"))?;
            let ids: Vec<i64> = recorded.iter().filter(|(u, _)| u == code).map(|(_, id)| *id).collect();
            let mut months: Vec<(Month, char)> = pattern
                .chars()
                .zip(4..)
                .map(|(mark, month)| (Month { year: YEAR, month }, mark))
                .filter(|(month, _)| *month < current)
                .collect();
            if current.year == YEAR && self.today.day() > 1 {
                match *code {
                    "PBGDPL" => months.push((current, 'O')),
                    "HCTP" => months.push((current, 'D')),
                    _ => {}
                }
            }
            for (k, (month, mark)) in months.into_iter().enumerate() {
                if mark == '-' {
                    continue;
                }
                let first = NaiveDate::from_ymd_opt(month.year, month.month, 1).unwrap_or_default();
                let due = calendar.introduction_due(month);
                let drafted = local(first, 8, 30);
                let sent_on = match mark {
                    'O' => (first + Duration::days(((row_index + k) % 6) as i64 + 1)).min(due),
                    _ => due + Duration::days(((row_index + k) % 9) as i64 + 2),
                }
                .min(self.today);
                // The exemplars the unit had recorded by then, one in turn.
                let known: Vec<(i64, String, Option<String>, String)> = exemplars::table
                    .filter(exemplars::id.eq_any(&ids))
                    .filter(exemplars::created_at.le(drafted))
                    .order(exemplars::id.asc())
                    .select((exemplars::id, exemplars::name, exemplars::position, exemplars::achievements))
                    .load(conn)?;
                if known.is_empty() {
                    continue;
                }
                let (exemplar, name, position, achievements) = &known[(row_index + k) % known.len()];
                let who = position.as_ref().map(|p| format!("{name} ({p})")).unwrap_or_else(|| name.clone());
                let input = IntroductionInput {
                    unit_id: unit,
                    month: month.text(),
                    title: format!("Gương điển hình tháng {}/{}: {name}", month.month, month.year),
                    write_up: format!("Giới thiệu {who}. {achievements}"),
                    exemplar_ids: vec![*exemplar],
                }
                .normalized();
                check("an introduction", &input)?;
                self.walk.restart(drafted);
                let draft_at = self.walk.at(first, 8);
                let introduction = introductions::insert(conn, staff, draft_at, &input)?;
                written += 1;
                if mark == 'D' {
                    continue;
                }
                let row = introductions::find_row(conn, introduction)?;
                let sent_at = self.walk.at(sent_on, 15);
                introductions::submit(conn, head, &row, IfMatch::Any, sent_at, &calendar)?;
            }
        }
        Ok(written)
    }
}

const DISCOVERY_METHODS: &[&str] = &[
    "Qua phong trào thi đua của đơn vị",
    "Qua theo dõi thực hiện nhiệm vụ chuyên môn",
    "Qua phản ánh, đánh giá của người dân",
    "Qua sơ kết phong trào thi đua 6 tháng đầu năm",
    "Qua kiểm tra công tác thi đua, khen thưởng",
];

/// A 480 × 320 PNG: a soft two-colour gradient with a light band, different for each `seed`.
fn picture(seed: usize) -> AppResult<Vec<u8>> {
    const PALETTE: [[u8; 3]; 6] = [
        [22, 119, 255],
        [82, 196, 26],
        [250, 140, 22],
        [235, 47, 150],
        [19, 194, 194],
        [114, 46, 209],
    ];
    let from = PALETTE[seed % PALETTE.len()];
    let to = PALETTE[(seed + 2) % PALETTE.len()];
    let image = image::RgbImage::from_fn(480, 320, |x, y| {
        let t = (x + y) as f32 / (480.0 + 320.0);
        let band = (200..240).contains(&y);
        let mix = |a: u8, b: u8| {
            let value = f32::from(a) * (1.0 - t) + f32::from(b) * t;
            if band { (value * 0.4 + 255.0 * 0.6) as u8 } else { value as u8 }
        };
        image::Rgb([mix(from[0], to[0]), mix(from[1], to[1]), mix(from[2], to[2])])
    });
    let mut bytes = Vec::new();
    image
        .write_to(&mut std::io::Cursor::new(&mut bytes), image::ImageFormat::Png)
        .map_err(AppError::internal)?;
    Ok(bytes)
}

/// What to print after seeding: the units' accounts and what the demo year holds.
pub fn describe(report: &Report) -> String {
    let mut text = String::from("Tài khoản demo của các đơn vị (cùng mật khẩu):\n");
    for account in UNIT_ACCOUNTS {
        text.push_str(&format!(
            "  {:<14} {:<18} {} – {} ({})\n",
            account.username,
            account.role.as_str(),
            account.full_name,
            account.position,
            account.unit_code
        ));
    }
    if report.already_seeded {
        text.push_str("Dữ liệu demo năm 2026 đã có sẵn; không thay đổi gì.\n");
    } else {
        text.push_str(&format!(
            "Dữ liệu demo năm 2026: {} điển hình, {} phiếu đánh giá, {} bài giới thiệu hằng tháng, {} ảnh.\n",
            report.exemplars, report.evaluations, report.introductions, report.photos
        ));
    }
    text
}
