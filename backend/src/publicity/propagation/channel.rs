//! Where a propagation activity took place: the channels the plan names (section II.2 and III.3).

use crate::text_enum;

text_enum!(
    /// The channel of a propagation activity.
    pub enum Channel {
        /// Trang Thông tin điện tử phổ biến, giáo dục pháp luật tỉnh Đồng Tháp.
        // The variant is named after its code: the schema lists variants by name, not by rename.
        PbgdplPortal =
            "pbgdpl_portal" / "Trang thông tin điện tử phổ biến, giáo dục pháp luật tỉnh",
        /// Trang thông tin điện tử Sở Tư pháp tỉnh Đồng Tháp.
        DepartmentPortal = "department_portal" / "Trang thông tin điện tử Sở Tư pháp",
        Zalo = "zalo" / "Zalo",
        Facebook = "facebook" / "Facebook",
        /// Báo in, báo điện tử, đài phát thanh, truyền hình.
        Press = "press" / "Báo chí, phát thanh, truyền hình",
        Conference = "conference" / "Hội nghị, tọa đàm",
        /// Tài liệu về gương điển hình tiên tiến, gương người tốt việc tốt được biên soạn.
        Publication = "publication" / "Tài liệu biên soạn",
        Other = "other" / "Khác",
    }
);
