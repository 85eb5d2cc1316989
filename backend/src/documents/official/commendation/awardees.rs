//! The collectives and individuals of a commendation, and their list as a table (the annex of
//! a tờ trình and of a quyết định).

use crate::documents::official::model::{Column, DataTable, Row, TotalsRow};
use crate::documents::official::numbers::format_dong;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AwardeeKind {
    Collective,
    Individual,
}

/// A collective or an individual proposed for, or granted, an award.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Awardee {
    pub kind: AwardeeKind,
    /// "Ông Nguyễn Văn A", "Bà Trần Thị B", or the collective: "Phòng Hành chính tư pháp".
    pub name: String,
    /// Chức vụ of an individual: "Phó Trưởng phòng".
    pub position: Option<String>,
    /// Đơn vị: "Phòng Hành chính tư pháp, Sở Tư pháp".
    pub unit: String,
    /// The achievement in a phrase: "Hoàn thành xuất sắc nhiệm vụ năm 2025".
    pub achievement: String,
    /// Tiền thưởng in đồng, if any.
    pub reward: Option<u64>,
}

impl Awardee {
    /// "Phó Trưởng phòng, Phòng Hành chính tư pháp": position and unit, whichever are given.
    pub fn position_and_unit(&self) -> String {
        [
            self.position.as_deref().unwrap_or_default(),
            self.unit.as_str(),
        ]
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
    }
}

/// STT, name, position and unit, achievement, reward; collectives first then individuals, each
/// under a group row ("I. TẬP THỂ", "II. CÁ NHÂN") and numbered from 1; a "Tổng cộng" row when
/// there is any reward.
pub fn awardee_table(awardees: &[Awardee]) -> DataTable {
    let mut table = DataTable::new(vec![
        Column::centered("STT", 5),
        Column::text("Họ và tên / Tên tập thể", 20),
        Column::text("Chức vụ, đơn vị", 22),
        Column::text("Thành tích", 30),
        Column::number("Số tiền thưởng (đồng)", 15),
    ]);
    let groups = [
        (AwardeeKind::Collective, "TẬP THỂ"),
        (AwardeeKind::Individual, "CÁ NHÂN"),
    ];
    let present = groups
        .iter()
        .filter(|(kind, _)| awardees.iter().any(|a| a.kind == *kind));
    for ((kind, label), numeral) in present.zip(["I", "II"]) {
        table.rows.push(Row::Group(format!("{numeral}. {label}")));
        for (index, awardee) in awardees.iter().filter(|a| a.kind == *kind).enumerate() {
            table.rows.push(Row::Cells(vec![
                (index + 1).to_string(),
                awardee.name.trim().to_owned(),
                awardee.position_and_unit(),
                awardee.achievement.trim().to_owned(),
                awardee
                    .reward
                    .map(|r| format_dong(u128::from(r)))
                    .unwrap_or_default(),
            ]));
        }
    }
    if awardees.iter().any(|a| a.reward.is_some()) {
        table.totals = Some(TotalsRow {
            label: "Tổng cộng".to_owned(),
            label_span: 4,
            cells: vec![format_dong(total_reward(awardees))],
        });
    }
    table
}

/// The sum of the rewards; `u128` so that no list can overflow it.
pub(crate) fn total_reward(awardees: &[Awardee]) -> u128 {
    awardees
        .iter()
        .filter_map(|a| a.reward)
        .map(u128::from)
        .sum()
}

/// "02 tập thể và 03 cá nhân", "01 tập thể", "05 cá nhân" (counts below 10 with a leading
/// zero, as numbers in the decree's documents).
pub(crate) fn counts_phrase(awardees: &[Awardee]) -> String {
    let count = |kind| awardees.iter().filter(|a| a.kind == kind).count();
    let parts: Vec<String> = [
        (count(AwardeeKind::Collective), "tập thể"),
        (count(AwardeeKind::Individual), "cá nhân"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n:02} {what}"))
    .collect();
    parts.join(" và ")
}

/// "tập thể, cá nhân", "tập thể" or "cá nhân", as in "tặng Giấy khen cho tập thể, cá nhân".
pub(crate) fn who(awardees: &[Awardee]) -> &'static str {
    let collective = awardees.iter().any(|a| a.kind == AwardeeKind::Collective);
    let individual = awardees.iter().any(|a| a.kind == AwardeeKind::Individual);
    match (collective, individual) {
        (true, false) => "tập thể",
        (false, true) => "cá nhân",
        _ => "tập thể, cá nhân",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn awardee(kind: AwardeeKind, name: &str, reward: Option<u64>) -> Awardee {
        Awardee {
            kind,
            name: name.to_owned(),
            position: None,
            unit: "Sở Tư pháp".to_owned(),
            achievement: "Hoàn thành xuất sắc nhiệm vụ".to_owned(),
            reward,
        }
    }

    #[test]
    fn collectives_come_first_under_their_group_and_the_rewards_add_up() {
        let list = [
            awardee(AwardeeKind::Individual, "Bà B", Some(702_000)),
            awardee(AwardeeKind::Collective, "Phòng A", Some(1_404_000)),
            awardee(AwardeeKind::Individual, "Ông C", None),
        ];
        let table = awardee_table(&list);
        assert_eq!(table.rows[0], Row::Group("I. TẬP THỂ".to_owned()));
        assert!(matches!(&table.rows[1], Row::Cells(c) if c[0] == "1" && c[1] == "Phòng A"));
        assert_eq!(table.rows[2], Row::Group("II. CÁ NHÂN".to_owned()));
        assert!(matches!(&table.rows[4], Row::Cells(c) if c[0] == "2" && c[4].is_empty()));
        assert_eq!(
            table.totals.map(|t| t.cells),
            Some(vec!["2.106.000".to_owned()])
        );
        assert_eq!(counts_phrase(&list), "01 tập thể và 02 cá nhân");
        assert_eq!(who(&list), "tập thể, cá nhân");
    }

    #[test]
    fn a_list_of_individuals_only_has_one_group_and_no_totals_without_rewards() {
        let list = [awardee(AwardeeKind::Individual, "Ông C", None)];
        let table = awardee_table(&list);
        assert_eq!(table.rows[0], Row::Group("I. CÁ NHÂN".to_owned()));
        assert!(table.totals.is_none());
        assert_eq!(counts_phrase(&list), "01 cá nhân");
        assert_eq!(who(&list), "cá nhân");
    }
}
