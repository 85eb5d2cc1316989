//! The documented rule that turns an evaluation's answers into a conclusion.
//!
//! Each criterion contributes its weight in full when met (pass/fail) or in proportion
//! `score / maxScore` (scored). The score is the contributions' share of the total weight, in
//! percent, rounded half up. Then:
//! - **đạt** (`passed`): score ≥ the set's pass threshold **and** every pass/fail criterion met;
//! - **cần bồi dưỡng thêm** (`needs_nurturing`): otherwise, score ≥ the set's nurture threshold;
//! - **chưa đạt** (`not_passed`): otherwise.
//!
//! The evaluator may override the computed conclusion, giving a reason; both are kept.

use crate::criteria::model::CriterionMode;
use crate::exemplars::types::Conclusion;

/// One answered criterion.
#[derive(Debug, Clone, Copy)]
pub struct Answer {
    pub weight: i32,
    pub mode: CriterionMode,
    pub max_score: Option<i32>,
    pub met: Option<bool>,
    pub score: Option<i32>,
}

/// The score in percent (0–100), or `None` while a criterion is unanswered.
pub fn score_percent(answers: &[Answer]) -> Option<i32> {
    let total: i64 = answers.iter().map(|a| i64::from(a.weight)).sum();
    if total == 0 {
        return None;
    }
    // Work in units of 1/100 000 of the weight to round exactly.
    let mut earned: i64 = 0;
    for answer in answers {
        let weight = i64::from(answer.weight) * 100_000;
        earned += match answer.mode {
            CriterionMode::PassFail => i64::from(answer.met?) * weight,
            CriterionMode::Score => {
                let max = i64::from(answer.max_score.filter(|m| *m > 0)?);
                weight * i64::from(answer.score?) / max
            }
        };
    }
    let percent_scaled = earned * 100 / total; // percent × 100 000
    Some(((percent_scaled + 50_000) / 100_000) as i32)
}

pub fn conclude(
    answers: &[Answer],
    pass_threshold: i32,
    nurture_threshold: i32,
) -> Option<(i32, Conclusion)> {
    let score = score_percent(answers)?;
    let every_pass_fail_met = answers
        .iter()
        .filter(|a| a.mode == CriterionMode::PassFail)
        .all(|a| a.met == Some(true));
    let conclusion = if score >= pass_threshold && every_pass_fail_met {
        Conclusion::Passed
    } else if score >= nurture_threshold {
        Conclusion::NeedsNurturing
    } else {
        Conclusion::NotPassed
    };
    Some((score, conclusion))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pass_fail(met: Option<bool>) -> Answer {
        Answer {
            weight: 25,
            mode: CriterionMode::PassFail,
            max_score: None,
            met,
            score: None,
        }
    }

    #[test]
    fn four_standards() {
        let all = [pass_fail(Some(true)); 4];
        assert_eq!(conclude(&all, 100, 50), Some((100, Conclusion::Passed)));
        let three = [
            pass_fail(Some(true)),
            pass_fail(Some(true)),
            pass_fail(Some(true)),
            pass_fail(Some(false)),
        ];
        assert_eq!(
            conclude(&three, 100, 50),
            Some((75, Conclusion::NeedsNurturing))
        );
        let one = [
            pass_fail(Some(true)),
            pass_fail(Some(false)),
            pass_fail(Some(false)),
            pass_fail(Some(false)),
        ];
        assert_eq!(conclude(&one, 100, 50), Some((25, Conclusion::NotPassed)));
        let unanswered = [
            pass_fail(Some(true)),
            pass_fail(None),
            pass_fail(Some(true)),
            pass_fail(Some(true)),
        ];
        assert_eq!(conclude(&unanswered, 100, 50), None);
    }

    #[test]
    fn scores_are_weighted_and_rounded() {
        let scored = |weight, score| Answer {
            weight,
            mode: CriterionMode::Score,
            max_score: Some(10),
            met: None,
            score: Some(score),
        };
        // (3·7/10 + 1·10/10) / 4 = 77.5 % → 78.
        assert_eq!(score_percent(&[scored(3, 7), scored(1, 10)]), Some(78));
        assert_eq!(
            conclude(&[scored(3, 7), scored(1, 10)], 80, 50),
            Some((78, Conclusion::NeedsNurturing))
        );
        assert_eq!(
            conclude(&[scored(1, 9)], 80, 50),
            Some((90, Conclusion::Passed))
        );
        // A failed pass/fail criterion blocks "đạt" whatever the score.
        assert_eq!(
            conclude(&[scored(9, 10), pass_fail(Some(false))], 20, 10).map(|c| c.1),
            Some(Conclusion::NeedsNurturing)
        );
    }
}
