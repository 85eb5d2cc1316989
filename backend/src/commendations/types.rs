//! The vocabulary of commendations: award kinds and authorities, commendation types, proposal
//! states, nominee verdicts, council roles and ballot choices.

use crate::text_enum;

text_enum!(
    /// An emulation title (danh hiệu thi đua) or a form of commendation (hình thức khen thưởng).
    pub enum AwardKind {
        /// Danh hiệu thi đua: Lao động tiên tiến, Chiến sĩ thi đua, Cờ thi đua…
        Title = "title" / "Danh hiệu thi đua",
        /// Hình thức khen thưởng: Giấy khen, Bằng khen, Kỷ niệm chương, biểu dương…
        Form = "form" / "Hình thức khen thưởng",
    }
);

text_enum!(
    /// Whom an award is for.
    pub enum AwardSubject {
        Individual = "individual" / "Cá nhân",
        Collective = "collective" / "Tập thể",
        /// Both individuals and collectives.
        Both = "both" / "Cá nhân và tập thể",
    }
);

text_enum!(
    /// Who decides an award. Only the Giám đốc Sở decides in Lan Tỏa; for the others the
    /// Department forwards a tờ trình and records the outcome.
    pub enum Authority {
        GiamDocSo = "giam_doc_so" / "Giám đốc Sở Tư pháp",
        ChuTichUbndTinh = "chu_tich_ubnd_tinh" / "Chủ tịch UBND tỉnh",
        BoTruongBoTuPhap = "bo_truong_bo_tu_phap" / "Bộ trưởng Bộ Tư pháp",
        /// Thủ tướng Chính phủ, Chủ tịch nước.
        Higher = "higher" / "Cấp trên (Thủ tướng, Chủ tịch nước)",
    }
);

impl Authority {
    /// Whether the Department decides it itself.
    pub fn is_department(self) -> bool {
        self == Authority::GiamDocSo
    }
}

text_enum!(
    /// What the share of approvals in a council vote is counted on.
    pub enum VoteDenominator {
        /// The council's whole active membership; absent members may vote in writing.
        AllMembers = "all_members" / "Tổng số thành viên Hội đồng",
        /// The members present at the meeting (written votes are not taken).
        MembersPresent = "members_present" / "Số thành viên có mặt",
    }
);

text_enum!(
    /// The life of an award form version.
    pub enum CatalogueStatus {
        /// Being prepared; editable, not yet usable for proposals.
        Draft = "draft" / "Dự thảo",
        /// In use; frozen.
        Published = "published" / "Đang áp dụng",
        /// No longer proposed; kept for the proposals judged by it.
        Retired = "retired" / "Hết hiệu lực",
    }
);

text_enum!(
    /// The kind of a commendation (loại khen thưởng).
    pub enum CommendationType {
        /// Thường xuyên: at a regular occasion (year end, a review, a sector day).
        Regular = "regular" / "Thường xuyên",
        /// Đột xuất: simplified procedure, no public notice and no council vote whatever the form;
        /// does not count towards a higher award for merit.
        AdHoc = "ad_hoc" / "Đột xuất",
        /// Chuyên đề: for an emulation movement; does not count towards a higher award for merit.
        Thematic = "thematic" / "Chuyên đề",
        /// Đặc biệt: the plan's special commendation, with the normal procedure.
        Special = "special" / "Đặc biệt",
    }
);

impl CommendationType {
    /// Whether an award of this type may be the basis of a higher award for merit (NĐ 152/2025).
    pub fn counts_for_merit(self) -> bool {
        !matches!(self, CommendationType::AdHoc | CommendationType::Thematic)
    }
}

text_enum!(
    /// What a commendation occasion is.
    pub enum OccasionKind {
        YearEnd = "year_end" / "Tổng kết năm",
        MidTermReview = "mid_term_review" / "Sơ kết giữa kỳ",
        FinalReview = "final_review" / "Tổng kết giai đoạn",
        /// 28/8, Ngày truyền thống ngành Tư pháp.
        SectorDay = "sector_day" / "Ngày truyền thống ngành Tư pháp",
        /// 9/11, Ngày Pháp luật Việt Nam.
        LawDay = "law_day" / "Ngày Pháp luật Việt Nam",
        MovementReview = "movement_review" / "Sơ kết, tổng kết phong trào thi đua",
        Other = "other" / "Dịp khác",
    }
);

text_enum!(
    /// Where a proposal stands.
    pub enum ProposalState {
        /// Being drafted by the unit (or the Office).
        Draft = "draft" / "Bản nháp",
        /// Sent to the Office.
        Submitted = "submitted" / "Đã gửi",
        /// The Office has received it and is reviewing it.
        Received = "received" / "Văn phòng đã tiếp nhận",
        /// Returned to the unit with a reason; the unit edits and resubmits.
        Returned = "returned" / "Bị trả lại",
        /// Each nominee found eligible or not; at least one eligible.
        Reviewed = "reviewed" / "Đã thẩm định",
        /// The eligible nominees are public for comments until the notice ends.
        InNotice = "in_notice" / "Đang công khai lấy ý kiến",
        /// On the council's agenda, waiting for its secret ballot.
        InCouncil = "in_council" / "Chờ Hội đồng xét",
        /// Waiting for the leader's decision (or the forwarding to a higher authority).
        PendingDecision = "pending_decision" / "Chờ quyết định",
        /// Decided by the Giám đốc Sở, with a number from the register.
        Approved = "approved" / "Đã quyết định khen thưởng",
        /// Not awarded (by the leader, or by the higher authority for every nominee).
        Rejected = "rejected" / "Không khen thưởng",
        /// Sent to the higher authority with a tờ trình.
        Forwarded = "forwarded" / "Đã trình cấp trên",
        /// Awarded: the certificates handed over, or the higher decision recorded.
        Awarded = "awarded" / "Đã khen thưởng",
    }
);

text_enum!(
    /// The Office's verdict on a nominee at review.
    pub enum NomineeReview {
        Pending = "pending" / "Chưa thẩm định",
        Eligible = "eligible" / "Đủ điều kiện",
        NotEligible = "not_eligible" / "Không đủ điều kiện",
    }
);

text_enum!(
    /// The council's result on a nominee.
    pub enum VoteResult {
        Passed = "passed" / "Đạt",
        Failed = "failed" / "Không đạt",
    }
);

text_enum!(
    /// The decision on a nominee.
    pub enum NomineeOutcome {
        Pending = "pending" / "Chưa quyết định",
        Approved = "approved" / "Được khen thưởng",
        Rejected = "rejected" / "Không được khen thưởng",
    }
);

text_enum!(
    /// The kind of a file attached to a proposal.
    pub enum ProposalFileKind {
        /// Tờ trình đề nghị khen thưởng of the unit.
        ToTrinh = "to_trinh" / "Tờ trình",
        /// Biên bản họp xét of the unit.
        BienBanHopXet = "bien_ban_hop_xet" / "Biên bản họp xét",
        /// Báo cáo thành tích of a nominee.
        BaoCaoThanhTich = "bao_cao_thanh_tich" / "Báo cáo thành tích",
        /// Sáng kiến, đề tài, văn bản công nhận…
        Evidence = "evidence" / "Minh chứng",
        Other = "other" / "Tài liệu khác",
    }
);

text_enum!(
    /// A member's place in the council.
    pub enum CouncilRole {
        /// Chủ tịch Hội đồng (the Giám đốc Sở).
        Chair = "chair" / "Chủ tịch Hội đồng",
        ViceChair = "vice_chair" / "Phó Chủ tịch Hội đồng",
        /// Ủy viên thường trực (thư ký): prepares the meetings, enters written votes.
        Standing = "standing" / "Ủy viên thường trực",
        Member = "member" / "Ủy viên",
    }
);

text_enum!(
    /// Where a council meeting stands.
    pub enum MeetingStatus {
        Planned = "planned" / "Dự kiến",
        /// The ballots are open.
        Voting = "voting" / "Đang bỏ phiếu",
        /// The ballots are closed and counted.
        Closed = "closed" / "Đã kết thúc",
    }
);

text_enum!(
    /// A secret ballot's state.
    pub enum BallotStatus {
        Open = "open" / "Đang bỏ phiếu",
        Closed = "closed" / "Đã kiểm phiếu",
    }
);

text_enum!(
    /// A vote on a nominee.
    pub enum BallotChoice {
        Approve = "approve" / "Đồng ý",
        Reject = "reject" / "Không đồng ý",
        Abstain = "abstain" / "Không biểu quyết",
    }
);

text_enum!(
    /// How a member's vote reached the ballot.
    pub enum VoteMode {
        InPerson = "in_person" / "Trực tiếp",
        /// Phiếu bằng văn bản of an absent member, entered by the standing member.
        Written = "written" / "Bằng văn bản",
    }
);
