//! What is owed ([`ObligationKind`]), by whom, and the stable key of one obligation.

use crate::text_enum;

text_enum!(
    /// What an obligation asks for (Kế hoạch, mục V).
    pub enum ObligationKind {
        /// Each unit introduces at least one exemplar by the due day of each month.
        MonthlyIntroduction = "monthly_introduction" / "Giới thiệu gương điển hình hằng tháng",
        /// Units report yearly to the Office (20/10); the Office consolidates for Sở Nội vụ (30/10).
        AnnualReport = "annual_report" / "Báo cáo định kỳ hằng năm",
        /// The mid-term review of the plan (sơ kết 2026–2028).
        MidtermReview = "midterm_review" / "Báo cáo sơ kết",
        /// The final review of the plan (tổng kết 2026–2030).
        FinalReview = "final_review" / "Báo cáo tổng kết",
    }
);

text_enum!(
    /// Who owes an obligation.
    pub enum Responsible {
        /// A unit of the Department, to the Office.
        Unit = "unit" / "Đơn vị",
        /// The Office, to Sở Nội vụ.
        Office = "office" / "Văn phòng Sở",
    }
);

impl ObligationKind {
    /// Whether a report submission fulfils it (the monthly introduction is fulfilled by a
    /// submitted introduction).
    pub fn is_report(self) -> bool {
        self != ObligationKind::MonthlyIntroduction
    }

    /// Who owes it besides the units.
    pub fn office_owes(self) -> bool {
        self.is_report()
    }
}

/// One obligation: a kind, a period and a unit (`None`: the Office). Its text form
/// (`annual_report:2026:12`, `final_review:2026-2030:office`) is stable: reminders and
/// difficulties refer to it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ObligationKey {
    pub kind: ObligationKind,
    pub period: String,
    pub unit_id: Option<i64>,
}

impl ObligationKey {
    pub fn text(&self) -> String {
        match self.unit_id {
            Some(unit) => format!("{}:{}:{unit}", self.kind.as_str(), self.period),
            None => format!("{}:{}:office", self.kind.as_str(), self.period),
        }
    }

    pub fn parse(text: &str) -> Option<ObligationKey> {
        let mut parts = text.trim().split(':');
        let kind = ObligationKind::parse(parts.next()?)?;
        let period = parts.next()?.to_owned();
        let unit_id = match parts.next()? {
            "office" => None,
            id => Some(id.parse::<i64>().ok().filter(|id| *id > 0)?),
        };
        if parts.next().is_some() || period.is_empty() || period.len() > 20 {
            return None;
        }
        Some(ObligationKey {
            kind,
            period,
            unit_id,
        })
    }

    pub fn responsible(&self) -> Responsible {
        if self.unit_id.is_some() {
            Responsible::Unit
        } else {
            Responsible::Office
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for text in ["annual_report:2026:12", "final_review:2026-2030:office", "monthly_introduction:2026-11:3"] {
            assert_eq!(ObligationKey::parse(text).unwrap().text(), text);
        }
        for bad in ["annual_report:2026", "annual_report:2026:x", "report:2026:1", "annual_report:2026:1:2", "annual_report:2026:-1"] {
            assert!(ObligationKey::parse(bad).is_none(), "{bad}");
        }
    }
}
