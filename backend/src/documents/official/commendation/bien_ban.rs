//! Biên bản họp Hội đồng Thi đua - Khen thưởng: time and place, attendance and quorum, the
//! content, the vote on each nominee (approve, reject, abstain, share of approvals, result),
//! the conclusions, and the secretary's and the chair's signatures.
//!
//! The thresholds are data (domain brief §1.3: a configurable percentage over a configurable
//! denominator, strict or not), so the same builder serves the 90 % secret ballot of a higher
//! title and the simple majority of a Giấy khen.

use chrono::{NaiveDateTime, NaiveTime, Timelike};

use super::sentences::sentence;
use crate::documents::official::dates::date_phrase;
use crate::documents::official::model::{
    Agency, Block, Column, DataTable, DocumentKind, OfficialDocument, Row, Signature,
};
use crate::documents::official::numbers::format_percent;

/// A person at the meeting: "Ông Nguyễn Văn A", "Giám đốc Sở - Chủ tịch Hội đồng". The name is
/// written as in the text of the minutes, with "Ông" or "Bà"; signatures drop it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub name: String,
    pub role: String,
}

impl Participant {
    /// The name without "Ông" or "Bà", as under a signature.
    pub fn signing_name(&self) -> &str {
        let name = self.name.trim();
        ["Ông ", "Bà "]
            .iter()
            .find_map(|h| name.strip_prefix(h))
            .unwrap_or(name)
            .trim()
    }

    fn describe(&self) -> String {
        match self.role.trim() {
            "" => self.name.trim().to_owned(),
            role => format!("{}, {role}", self.name.trim()),
        }
    }
}

/// A member who did not attend, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Absence {
    pub participant: Participant,
    pub reason: String,
}

/// The votes on one nominee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    pub nominee: String,
    pub unit: String,
    pub approve: u32,
    pub reject: u32,
    pub abstain: u32,
}

/// "At least `percent` %" or, when `strict`, "more than `percent` %".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Threshold {
    pub percent: u32,
    pub strict: bool,
}

impl Threshold {
    /// Whether `count` out of `total` reaches the threshold; never with a `total` of 0.
    pub fn met(self, count: u64, total: u64) -> bool {
        if total == 0 {
            return false;
        }
        let (count, needed) = (
            u128::from(count) * 100,
            u128::from(self.percent) * u128::from(total),
        );
        if self.strict {
            count > needed
        } else {
            count >= needed
        }
    }

    /// "từ 70% trở lên", "trên 50%".
    pub fn describe(self) -> String {
        if self.strict {
            format!("trên {}%", self.percent)
        } else {
            format!("từ {}% trở lên", self.percent)
        }
    }
}

/// What the share of approvals is counted on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoteBase {
    /// The council's whole membership (absent members may vote in writing).
    AllMembers,
    /// The members present.
    Present,
}

/// What the minutes of a council meeting need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BienBanHopHoiDong {
    /// "SỞ TƯ PHÁP" / "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", code "HĐTĐKT".
    pub agency: Agency,
    pub number: Option<u32>,
    /// Trích yếu: "Họp xét đề nghị tặng Giấy khen năm 2025".
    pub subject: String,
    /// "Hội đồng Thi đua - Khen thưởng Sở Tư pháp".
    pub council: String,
    pub started_at: NaiveDateTime,
    pub ended_at: Option<NaiveTime>,
    pub venue: String,
    pub chair: Participant,
    pub secretary: Participant,
    pub members_total: u32,
    /// The members present (the chair among them when a member).
    pub present: Vec<Participant>,
    pub absent: Vec<Absence>,
    /// The share of members that must attend.
    pub quorum: Threshold,
    /// What was presented and discussed; one paragraph each.
    pub content: Vec<String>,
    /// "bỏ phiếu kín".
    pub ballot: String,
    pub vote_base: VoteBase,
    pub threshold: Threshold,
    pub tallies: Vec<Tally>,
    pub conclusions: Vec<String>,
}

/// The minutes, signed by the secretary (left) and the chair (right).
pub fn bien_ban_hop_hoi_dong(input: &BienBanHopHoiDong) -> OfficialDocument {
    let mut doc = OfficialDocument::new(&input.agency, DocumentKind::BienBan, input.subject.trim());
    doc.number = input.number;
    let day = input.started_at.date();
    doc.date = Some(day);
    let total = u64::from(input.members_total);
    let present = u64::try_from(input.present.len()).unwrap_or(u64::MAX);
    let council = input.council.trim();

    let mut body = vec![
        Block::text(format!(
            "Thời gian: Vào lúc {}, {}.",
            clock(input.started_at.time()),
            date_phrase(Some(day))
        )),
        Block::text(sentence(&format!("Địa điểm: {}", input.venue.trim()))),
        Block::heading("I. THÀNH PHẦN"),
        Block::bullet(sentence(&format!("Chủ trì: {}", input.chair.describe()))),
        Block::bullet(sentence(&format!("Thư ký: {}", input.secretary.describe()))),
        Block::bullet(format!(
            "Thành viên {council} có mặt: {present}/{total} thành viên{}",
            if input.present.is_empty() {
                "."
            } else {
                ", gồm:"
            }
        )),
    ];
    body.extend(
        input
            .present
            .iter()
            .map(|p| Block::text(format!("+ {};", p.describe()))),
    );
    if !input.absent.is_empty() {
        body.push(Block::bullet(format!(
            "Vắng: {} thành viên, gồm:",
            input.absent.len()
        )));
        body.extend(input.absent.iter().map(|a| {
            let reason = a.reason.trim();
            let reason = if reason.is_empty() {
                String::new()
            } else {
                format!(" (lý do: {reason})")
            };
            Block::text(format!("+ {}{reason};", a.participant.describe()))
        }));
    }
    let quorum_met = input.quorum.met(present, total);
    body.push(Block::text(format!(
        "Số thành viên có mặt chiếm {} tổng số thành viên {council} (quy định {}), cuộc họp \
         {} điều kiện tiến hành.",
        format_percent(present, total),
        input.quorum.describe(),
        if quorum_met { "đủ" } else { "không đủ" }
    )));

    body.push(Block::heading("II. NỘI DUNG"));
    body.extend(
        input
            .content
            .iter()
            .filter(|c| !c.trim().is_empty())
            .map(|c| Block::text(c.trim())),
    );

    let base = match input.vote_base {
        VoteBase::AllMembers => total,
        VoteBase::Present => present,
    };
    body.push(Block::heading("III. KẾT QUẢ BIỂU QUYẾT"));
    body.push(Block::text(format!(
        "Hình thức biểu quyết: {}. Tỷ lệ đồng ý tính trên {} ({base}); được đề nghị khi tỷ lệ \
         đồng ý {}.",
        match input.ballot.trim() {
            "" => "bỏ phiếu kín",
            ballot => ballot,
        },
        match input.vote_base {
            VoteBase::AllMembers => format!("tổng số thành viên {council}"),
            VoteBase::Present => "số thành viên có mặt".to_owned(),
        },
        input.threshold.describe()
    )));
    body.push(Block::Table(tally_table(
        &input.tallies,
        base,
        input.threshold,
    )));

    body.push(Block::heading("IV. KẾT LUẬN"));
    body.extend(
        input
            .conclusions
            .iter()
            .filter(|c| !c.trim().is_empty())
            .map(|c| Block::text(c.trim())),
    );
    let end = match input.ended_at {
        Some(time) => format!("Cuộc họp kết thúc vào lúc {} cùng ngày. ", clock(time)),
        None => String::new(),
    };
    body.push(Block::text(format!(
        "{end}Biên bản đã được thông qua trước các thành viên dự họp và thống nhất ký tên./."
    )));
    doc.body = body;

    doc.signature = Some(Signature::new("CHỦ TRÌ", input.chair.signing_name()));
    doc.co_signature = Some(Signature::new("THƯ KÝ", input.secretary.signing_name()));
    doc
}

/// The vote on each nominee. Eight columns: set in 12 pt.
fn tally_table(tallies: &[Tally], base: u64, threshold: Threshold) -> DataTable {
    let mut table = DataTable::new(vec![
        Column::centered("STT", 5),
        Column::text("Tập thể, cá nhân được đề nghị", 22),
        Column::text("Đơn vị", 18),
        Column::number("Đồng ý", 9),
        Column::number("Không đồng ý", 10),
        Column::number("Không biểu quyết", 11),
        Column::number("Tỷ lệ đồng ý", 11),
        Column::centered("Kết quả", 11),
    ]);
    table.font_size_pt = 12;
    table.rows = tallies
        .iter()
        .enumerate()
        .map(|(index, t)| {
            let approve = u64::from(t.approve);
            Row::Cells(vec![
                (index + 1).to_string(),
                t.nominee.trim().to_owned(),
                t.unit.trim().to_owned(),
                t.approve.to_string(),
                t.reject.to_string(),
                t.abstain.to_string(),
                format_percent(approve, base),
                if threshold.met(approve, base) {
                    "Đạt"
                } else {
                    "Không đạt"
                }
                .to_owned(),
            ])
        })
        .collect();
    table
}

/// "14 giờ 00 phút".
fn clock(time: NaiveTime) -> String {
    format!("{:02} giờ {:02} phút", time.hour(), time.minute())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_compare_without_rounding() {
        let ninety = Threshold {
            percent: 90,
            strict: false,
        };
        assert!(ninety.met(9, 10));
        assert!(!ninety.met(8, 9)); // 88.9 %
        let majority = Threshold {
            percent: 50,
            strict: true,
        };
        assert!(!majority.met(5, 10));
        assert!(majority.met(6, 11));
        assert!(!majority.met(0, 0));
        assert_eq!(majority.describe(), "trên 50%");
        assert_eq!(ninety.describe(), "từ 90% trở lên");
    }

    #[test]
    fn each_tally_gets_its_share_and_result() {
        let tally = |approve| Tally {
            nominee: "Ông A".to_owned(),
            unit: "Văn phòng".to_owned(),
            approve,
            reject: 9 - approve,
            abstain: 0,
        };
        let table = tally_table(
            &[tally(7), tally(6)],
            9,
            Threshold {
                percent: 70,
                strict: false,
            },
        );
        let cells: Vec<&Vec<String>> = table
            .rows
            .iter()
            .filter_map(|r| if let Row::Cells(c) = r { Some(c) } else { None })
            .collect();
        assert_eq!(
            (cells[0][6].as_str(), cells[0][7].as_str()),
            ("77,78%", "Đạt")
        );
        assert_eq!(
            (cells[1][6].as_str(), cells[1][7].as_str()),
            ("66,67%", "Không đạt")
        );
    }
}
