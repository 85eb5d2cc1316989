//! The vocabulary of exemplars: who they are, what kind, which stage, how far reviewed.

use crate::text_enum;

text_enum!(
    /// An individual person or a collective (a unit, a team).
    pub enum SubjectKind {
        Individual = "individual" / "Cá nhân",
        Collective = "collective" / "Tập thể",
    }
);

text_enum!(
    /// The plan's four kinds of exemplar.
    pub enum Category {
        /// Điển hình tiên tiến.
        Advanced = "advanced" / "Điển hình tiên tiến",
        /// Mô hình mới.
        NewModel = "new_model" / "Mô hình mới",
        /// Nhân tố mới.
        NewFactor = "new_factor" / "Nhân tố mới",
        /// Gương người tốt việc tốt.
        GoodDeed = "good_deed" / "Gương người tốt việc tốt",
    }
);

text_enum!(
    /// The four stages (phát hiện → bồi dưỡng → tổng kết → nhân rộng), plus stopped and archived.
    pub enum Stage {
        Discovered = "discovered" / "Phát hiện",
        Nurturing = "nurturing" / "Bồi dưỡng",
        Summarized = "summarized" / "Tổng kết",
        Replicated = "replicated" / "Nhân rộng",
        /// Dừng theo dõi (with a reason).
        Stopped = "stopped" / "Dừng theo dõi",
        Archived = "archived" / "Lưu trữ",
    }
);

impl Stage {
    /// The moves the plan allows from this stage.
    pub fn next(self) -> &'static [Stage] {
        match self {
            Stage::Discovered => &[Stage::Nurturing, Stage::Stopped],
            Stage::Nurturing => &[Stage::Summarized, Stage::Stopped],
            Stage::Summarized => &[Stage::Replicated, Stage::Stopped],
            Stage::Replicated => &[Stage::Archived, Stage::Stopped],
            Stage::Stopped => &[Stage::Archived],
            Stage::Archived => &[],
        }
    }

    pub fn can_move_to(self, to: Stage) -> bool {
        self.next().contains(&to)
    }
}

text_enum!(
    /// How far the record has been reviewed: drafted by the unit, submitted by its head, confirmed
    /// by the Office. Service accounts see confirmed records only.
    pub enum RecordStatus {
        Draft = "draft" / "Bản nháp",
        Submitted = "submitted" / "Đã gửi",
        Confirmed = "confirmed" / "Đã xác nhận",
    }
);

text_enum!(
    /// The overall conclusion of an evaluation against the criteria.
    pub enum Conclusion {
        Passed = "passed" / "Đạt",
        NotPassed = "not_passed" / "Chưa đạt",
        NeedsNurturing = "needs_nurturing" / "Cần bồi dưỡng thêm",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_move_forward_or_stop() {
        assert!(Stage::Discovered.can_move_to(Stage::Nurturing));
        assert!(!Stage::Discovered.can_move_to(Stage::Summarized));
        assert!(!Stage::Nurturing.can_move_to(Stage::Discovered));
        assert!(Stage::Summarized.can_move_to(Stage::Stopped));
        assert!(Stage::Stopped.next() == [Stage::Archived]);
        assert!(Stage::Archived.next().is_empty());
    }

    #[test]
    fn labels_parse_back() {
        assert_eq!(
            Category::from_label("guong nguoi tot viec tot"),
            Some(Category::GoodDeed)
        );
        assert_eq!(
            SubjectKind::from_label("TẬP THỂ"),
            Some(SubjectKind::Collective)
        );
        assert_eq!(Stage::from_label("bồi dưỡng"), Some(Stage::Nurturing));
        assert_eq!(Stage::parse("nurturing"), Some(Stage::Nurturing));
        assert_eq!(Category::from_label("khác"), None);
    }
}

text_enum!(
    /// Progress of a nurturing milestone.
    pub enum MilestoneStatus {
        Planned = "planned" / "Chưa thực hiện",
        InProgress = "in_progress" / "Đang thực hiện",
        Done = "done" / "Hoàn thành",
        Missed = "missed" / "Không đạt tiến độ",
    }
);

text_enum!(
    /// A step on an exemplar's timeline.
    pub enum TimelineAction {
        Created = "created" / "Ghi nhận điển hình",
        Submitted = "submitted" / "Gửi hồ sơ",
        Confirmed = "confirmed" / "Xác nhận hồ sơ",
        Returned = "returned" / "Trả lại hồ sơ",
        Proposed = "proposed" / "Đề xuất chuyển giai đoạn",
        Moved = "moved" / "Chuyển giai đoạn",
        Rejected = "rejected" / "Từ chối đề xuất",
        Withdrawn = "withdrawn" / "Rút đề xuất",
        PlanSaved = "plan_saved" / "Lập kế hoạch bồi dưỡng",
        SummarySaved = "summary_saved" / "Tổng kết cách làm hay",
        ReplicationAdded = "replication_added" / "Ghi nhận nhân rộng",
        Evaluated = "evaluated" / "Đánh giá theo tiêu chuẩn",
        /// The record's own fields were changed.
        Edited = "edited" / "Cập nhật thông tin điển hình",
        PlanUpdated = "plan_updated" / "Cập nhật kế hoạch bồi dưỡng",
        SummaryUpdated = "summary_updated" / "Cập nhật tổng kết",
        ReplicationUpdated = "replication_updated" / "Cập nhật kết quả nhân rộng",
        ReplicationRemoved = "replication_removed" / "Xóa kết quả nhân rộng",
        /// A file was attached to the record or one of its replications (the note names it).
        FileAdded = "file_added" / "Đính kèm tệp",
        FileRemoved = "file_removed" / "Gỡ tệp đính kèm",
        /// Presented in a submitted monthly introduction (the note names the month).
        Introduced = "introduced" / "Giới thiệu điển hình hằng tháng",
        /// One of its images was chosen as its picture (the note names the file).
        PhotoChosen = "photo_chosen" / "Chọn ảnh đại diện",
        /// The Office published it on the public portal.
        Published = "published" / "Công bố công khai",
        /// The publication was taken down (the note gives the reason).
        Unpublished = "unpublished" / "Gỡ công bố",
        /// The text shown to the public or the subject's consent was changed.
        PublicationUpdated = "publication_updated" / "Cập nhật nội dung công bố",
    }
);
