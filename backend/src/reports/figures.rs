//! The figures of a report, computed from the data for a period and a scope (one unit, or the
//! whole Department) with a fixed number of grouped queries, whatever the amount of data:
//! exemplars discovered (by stage, category, movement, field, unit), monthly introductions on
//! time / late / missing (the introductions grid's rule), evaluations and their conclusions,
//! replications, and the difficulties raised.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::dsl::{count, count_star, sql};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::calendar::deadlines::Calendar;
use crate::commendations::types::{Authority, CommendationType, NomineeOutcome, ProposalState};
use crate::db::DbConnection;
use crate::db::generation_cache::GenerationCache;
use crate::db::schema::{
    award_forms, commendation_nominees, commendation_proposals, difficulties, evaluations,
    exemplar_movements, exemplars, introductions, movements, propagation_activities, replications,
    units,
};
use crate::difficulties::workflow::DifficultyStatus;
use crate::error::AppResult;
use crate::evaluations::model::EvaluatorKind;
use crate::exemplars::types::{Category, Conclusion, RecordStatus, Stage};
use crate::introductions::grid::{CellStatus, cell_status, owed_from};
use crate::introductions::model::IntroductionStatus;
use crate::publicity::propagation::channel::Channel;
use crate::time::{Month, local_date, local_day_start_utc};
use crate::units::UnitKind;

diesel::allow_columns_to_appear_in_same_group_by_clause!(
    award_forms::code,
    award_forms::name,
    award_forms::authority,
    commendation_proposals::commendation_type,
);

/// A unit as it appears in figures (kept in the frozen snapshot).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct FigureUnit {
    pub id: i64,
    pub code: String,
    pub short_name: String,
    pub name: String,
}

/// How many, under one heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Count {
    /// Stable code (`nurturing`, a movement's id, a field's text).
    pub key: String,
    /// In Vietnamese.
    pub label: String,
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UnitExemplars {
    pub unit: FigureUnit,
    pub discovered: i64,
    pub nurturing: i64,
    pub summarized: i64,
    pub replicated: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExemplarFigures {
    /// Exemplars discovered in the period (records submitted or confirmed; drafts not counted).
    pub discovered: i64,
    /// Of those, by their stage now (every stage listed).
    pub by_stage: Vec<Count>,
    /// By category (every category listed).
    pub by_category: Vec<Count>,
    /// By emulation movement (an exemplar may belong to several).
    pub by_movement: Vec<Count>,
    /// By field of work, largest first.
    pub by_field: Vec<Count>,
    /// By unit, in the units' order.
    pub by_unit: Vec<UnitExemplars>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct UnitIntroductions {
    pub unit: FigureUnit,
    pub on_time: i64,
    pub late: i64,
    pub missing: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IntroductionFigures {
    /// Unit-months judged (due day passed, or introduced).
    pub judged: i64,
    pub on_time: i64,
    pub late: i64,
    pub missing: i64,
    pub by_unit: Vec<UnitIntroductions>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct EvaluationFigures {
    /// Final, current evaluations completed in the period.
    pub total: i64,
    pub by_conclusion: Vec<Count>,
    pub by_evaluator: Vec<Count>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReplicationFigures {
    /// Replications adopted in the period.
    pub total: i64,
    /// Distinct exemplars replicated.
    pub exemplars: i64,
    /// Distinct adopters (units or outside bodies).
    pub adopters: i64,
    /// By scale as recorded, largest first.
    pub by_scale: Vec<Count>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DifficultyItem {
    pub id: i64,
    pub unit: FigureUnit,
    pub subject: String,
    pub status: DifficultyStatus,
    pub raised_on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct DifficultyFigures {
    /// Raised in the period.
    pub total: i64,
    /// Every status, with how many of them stand in it now.
    pub by_status: Vec<Count>,
    /// The period's difficulties, oldest first.
    pub items: Vec<DifficultyItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AwardCount {
    /// The award form's code (`GK-GDS`).
    pub key: String,
    /// Its name.
    pub label: String,
    /// Who decides it (`giam_doc_so`, `chu_tich_ubnd_tinh`, …).
    pub authority: String,
    /// Nominees awarded.
    pub count: i64,
    /// Rewards decided with them, in đồng.
    pub reward: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CommendationFigures {
    /// Proposals sent to the Office in the period (drafted in it and no longer drafts).
    pub proposals: i64,
    /// Their nominees.
    pub nominees: i64,
    /// The proposals by their state now (every state with proposals).
    pub proposals_by_state: Vec<Count>,
    /// The proposals by type (thường xuyên, đột xuất, chuyên đề, đặc biệt; every type listed).
    pub proposals_by_type: Vec<Count>,
    /// Nominees awarded by a decision dated in the period (the Department's or the higher
    /// authority's recorded outcome).
    pub awarded: i64,
    /// Rewards of those decisions, in đồng.
    pub reward_total: i64,
    /// Awards by form, most first.
    pub awards_by_form: Vec<AwardCount>,
    /// Awards by commendation type (every type listed).
    pub awards_by_type: Vec<Count>,
    /// Awards by deciding authority (every authority listed).
    pub awards_by_authority: Vec<Count>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ChannelReach {
    /// The channel's code.
    pub key: String,
    pub label: String,
    /// Activities held in the period.
    pub activities: i64,
    pub views: i64,
    pub shares: i64,
    pub attendees: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PropagationFigures {
    /// Propagation activities held in the period.
    pub activities: i64,
    pub views: i64,
    pub shares: i64,
    pub attendees: i64,
    /// By channel (every channel listed).
    pub by_channel: Vec<ChannelReach>,
}

/// Everything a report counts, for one period and scope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Figures {
    /// First day of the period (Vietnam time).
    pub from: NaiveDate,
    /// Last day of the period (Vietnam time).
    pub to: NaiveDate,
    /// The unit counted; `null`: the whole Department.
    pub unit: Option<FigureUnit>,
    /// When they were computed (for a submitted report: when they were frozen).
    pub computed_at: DateTime<Utc>,
    pub exemplars: ExemplarFigures,
    pub introductions: IntroductionFigures,
    pub evaluations: EvaluationFigures,
    pub replications: ReplicationFigures,
    pub difficulties: DifficultyFigures,
    /// Proposals and awards (absent from figures frozen before they were counted: zero).
    #[serde(default)]
    pub commendations: CommendationFigures,
    /// Propagation activities and their reach (as above).
    #[serde(default)]
    pub propagation: PropagationFigures,
}

/// What to count: a period of Vietnam days and a unit (`None`: the whole Department).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Scope {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub unit_id: Option<i64>,
}

impl Scope {
    /// UTC bounds `[start, end)` of the period's days.
    fn instants(&self) -> (NaiveDateTime, NaiveDateTime) {
        let end = self.to.succ_opt().unwrap_or(self.to);
        (local_day_start_utc(self.from), local_day_start_utc(end))
    }
}

type UnitRow = (i64, String, String, String, Option<NaiveDateTime>);

fn unit_of(row: &UnitRow) -> FigureUnit {
    FigureUnit {
        id: row.0,
        code: row.1.clone(),
        short_name: row.2.clone(),
        name: row.3.clone(),
    }
}

/// Figures kept between requests while nothing they count has changed (the `figures` counter,
/// moved by triggers on every table counted), by scope, the day they were judged on and the
/// calendar they were judged by. Whole-period figures take half a second or more on a large
/// province, and the dashboard and the exports ask for the same ones again and again.
pub struct FiguresCache(GenerationCache<(Scope, NaiveDate, String), Figures>);

impl Default for FiguresCache {
    fn default() -> Self {
        Self(GenerationCache::new("figures", 64))
    }
}

impl FiguresCache {
    /// The figures of `scope` judged at `now`: kept ones when still current (their
    /// `computedAt` says when they were computed), otherwise computed now.
    pub fn get(
        &self,
        conn: &mut DbConnection,
        calendar: &Calendar,
        scope: Scope,
        now: DateTime<Utc>,
    ) -> AppResult<Figures> {
        let key = (scope, local_date(now.naive_utc()), format!("{calendar:?}"));
        self.0
            .get_or_compute(conn, key, |conn| compute(conn, calendar, scope, now))
    }
}

/// The figures of `scope`, judged at `now`.
pub fn compute(
    conn: &mut DbConnection,
    calendar: &Calendar,
    scope: Scope,
    now: DateTime<Utc>,
) -> AppResult<Figures> {
    let (start, end) = scope.instants();

    // 1. The units counted: active units (not the Department itself), in their order.
    let mut unit_query = units::table
        .filter(units::kind.ne(UnitKind::Department.as_str()))
        .filter(units::active.eq(true))
        .select((
            units::id,
            units::code,
            units::short_name,
            units::name,
            units::active_since,
        ))
        .order((units::sort_order.asc(), units::sort_name.asc()))
        .into_boxed();
    if let Some(unit) = scope.unit_id {
        unit_query = unit_query.filter(units::id.eq(unit));
    }
    let unit_rows: Vec<UnitRow> = unit_query.load(conn)?;
    let unit = match scope.unit_id {
        Some(id) => match unit_rows.iter().find(|u| u.0 == id) {
            Some(row) => Some(unit_of(row)),
            None => units::table
                .find(id)
                .select((units::id, units::code, units::short_name, units::name))
                .first::<(i64, String, String, String)>(conn)
                .optional()?
                .map(|(id, code, short_name, name)| FigureUnit {
                    id,
                    code,
                    short_name,
                    name,
                }),
        },
        None => None,
    };

    // 2. Exemplars discovered in the period, grouped by unit, stage, category and field.
    let mut query = exemplars::table
        .filter(exemplars::discovered_on.ge(scope.from))
        .filter(exemplars::discovered_on.le(scope.to))
        .filter(exemplars::record_status.ne(RecordStatus::Draft.as_str()))
        .group_by((
            exemplars::unit_id,
            exemplars::stage,
            exemplars::category,
            exemplars::field_of_work,
        ))
        .select((
            exemplars::unit_id,
            exemplars::stage,
            exemplars::category,
            exemplars::field_of_work,
            count_star(),
        ))
        .into_boxed();
    if let Some(unit) = scope.unit_id {
        query = query.filter(exemplars::unit_id.eq(unit));
    }
    let groups: Vec<(i64, String, String, String, i64)> = query.load(conn)?;

    // 3. The same exemplars by movement.
    let mut query = exemplar_movements::table
        .inner_join(exemplars::table)
        .inner_join(movements::table)
        .filter(exemplars::discovered_on.ge(scope.from))
        .filter(exemplars::discovered_on.le(scope.to))
        .filter(exemplars::record_status.ne(RecordStatus::Draft.as_str()))
        .group_by((movements::id, movements::name))
        .select((movements::id, movements::name, count_star()))
        .into_boxed();
    if let Some(unit) = scope.unit_id {
        query = query.filter(exemplars::unit_id.eq(unit));
    }
    let by_movement: Vec<(i64, String, i64)> = query.load(conn)?;

    // 4. Introductions of the period's months, grouped.
    let first_month = Month::of(scope.from);
    let last_month = Month::of(scope.to);
    let mut query = introductions::table
        .filter(introductions::month.ge(first_month.text()))
        .filter(introductions::month.le(last_month.text()))
        .filter(introductions::status.eq(IntroductionStatus::Submitted.as_str()))
        .group_by((
            introductions::unit_id,
            introductions::month,
            introductions::on_time,
        ))
        .select((
            introductions::unit_id,
            introductions::month,
            introductions::on_time,
            count_star(),
        ))
        .into_boxed();
    if let Some(unit) = scope.unit_id {
        query = query.filter(introductions::unit_id.eq(unit));
    }
    let intro_rows: Vec<(i64, String, Option<bool>, i64)> = query.load(conn)?;

    // 5. Final, current evaluations completed in the period, by conclusion and evaluator (for
    // one unit, of its exemplars: the whole Department's need no join).
    let mut query = evaluations::table
        .filter(evaluations::status.eq("final"))
        .filter(evaluations::superseded_at.is_null())
        .filter(evaluations::finalised_at.ge(start))
        .filter(evaluations::finalised_at.lt(end))
        .group_by((evaluations::conclusion, evaluations::evaluator_kind))
        .select((
            evaluations::conclusion,
            evaluations::evaluator_kind,
            count_star(),
        ))
        .into_boxed();
    if let Some(unit) = scope.unit_id {
        query = query.filter(
            evaluations::exemplar_id.eq_any(
                exemplars::table
                    .filter(exemplars::unit_id.eq(unit))
                    .select(exemplars::id),
            ),
        );
    }
    let evaluation_rows: Vec<(Option<String>, String, i64)> = query.load(conn)?;

    // 6. Replications adopted in the period, by scale, exemplar and adopter.
    let mut query = replications::table
        .inner_join(exemplars::table)
        .filter(replications::adopted_on.ge(scope.from))
        .filter(replications::adopted_on.le(scope.to))
        .group_by((
            replications::scale,
            replications::exemplar_id,
            replications::adopter_name,
        ))
        .select((
            replications::scale,
            replications::exemplar_id,
            replications::adopter_name,
            count_star(),
        ))
        .into_boxed();
    if let Some(unit) = scope.unit_id {
        query = query.filter(exemplars::unit_id.eq(unit));
    }
    let replication_rows: Vec<(String, i64, String, i64)> = query.load(conn)?;

    // 7. Difficulties raised in the period (a Department raises a few dozen a year).
    let mut query = difficulties::table
        .inner_join(units::table)
        .filter(difficulties::raised_at.ge(start))
        .filter(difficulties::raised_at.lt(end))
        .order((difficulties::raised_at.asc(), difficulties::id.asc()))
        .select((
            difficulties::id,
            (units::id, units::code, units::short_name, units::name),
            difficulties::subject,
            difficulties::status,
            difficulties::raised_at,
        ))
        .into_boxed();
    if let Some(unit) = scope.unit_id {
        query = query.filter(difficulties::unit_id.eq(unit));
    }
    let difficulty_rows: Vec<(
        i64,
        (i64, String, String, String),
        String,
        String,
        NaiveDateTime,
    )> = query.load(conn)?;

    // 8. Proposals drafted in the period and sent on, by state and type, with their nominees.
    let mut query = commendation_proposals::table
        .left_join(commendation_nominees::table)
        .filter(commendation_proposals::created_at.ge(start))
        .filter(commendation_proposals::created_at.lt(end))
        .filter(commendation_proposals::state.ne(ProposalState::Draft.as_str()))
        .group_by((
            commendation_proposals::id,
            commendation_proposals::state,
            commendation_proposals::commendation_type,
        ))
        .select((
            commendation_proposals::id,
            commendation_proposals::state,
            commendation_proposals::commendation_type,
            count(commendation_nominees::id.nullable()),
        ))
        .into_boxed();
    if let Some(unit) = scope.unit_id {
        query = query.filter(commendation_proposals::unit_id.eq(unit));
    }
    let proposal_rows: Vec<(i64, String, String, i64)> = query.load(conn)?;

    // 9. Nominees awarded by a decision dated in the period, by form, type and authority.
    let decided_in = commendation_proposals::decided_on
        .ge(scope.from)
        .and(commendation_proposals::decided_on.le(scope.to))
        .and(commendation_proposals::higher_decision_date.is_null());
    let higher_in = commendation_proposals::higher_decision_date
        .ge(scope.from)
        .and(commendation_proposals::higher_decision_date.le(scope.to));
    let mut query = commendation_nominees::table
        .inner_join(commendation_proposals::table.inner_join(award_forms::table))
        .filter(commendation_nominees::outcome.eq(NomineeOutcome::Approved.as_str()))
        .filter(decided_in.or(higher_in))
        .group_by((
            award_forms::code,
            award_forms::name,
            award_forms::authority,
            commendation_proposals::commendation_type,
        ))
        .select((
            award_forms::code,
            award_forms::name,
            award_forms::authority,
            commendation_proposals::commendation_type,
            count_star(),
            sql::<Nullable<BigInt>>("CAST(SUM(commendation_nominees.reward_amount) AS BIGINT)"),
        ))
        .into_boxed();
    if let Some(unit) = scope.unit_id {
        query = query.filter(commendation_proposals::unit_id.eq(unit));
    }
    let award_rows: Vec<(String, String, String, String, i64, Option<i64>)> = query.load(conn)?;

    // 10. Propagation activities held in the period, by channel, with their reach.
    let mut query = propagation_activities::table
        .filter(propagation_activities::held_on.ge(scope.from))
        .filter(propagation_activities::held_on.le(scope.to))
        .group_by(propagation_activities::channel)
        .select((
            propagation_activities::channel,
            count_star(),
            sql::<Nullable<BigInt>>("CAST(SUM(propagation_activities.views) AS BIGINT)"),
            sql::<Nullable<BigInt>>("CAST(SUM(propagation_activities.shares) AS BIGINT)"),
            sql::<Nullable<BigInt>>("CAST(SUM(propagation_activities.attendees) AS BIGINT)"),
        ))
        .into_boxed();
    if let Some(unit) = scope.unit_id {
        query = query.filter(propagation_activities::unit_id.eq(unit));
    }
    let channel_rows: Vec<(String, i64, Option<i64>, Option<i64>, Option<i64>)> =
        query.load(conn)?;

    let exemplar_figures = exemplar_figures(&unit_rows, &groups, by_movement);
    let introduction_figures = introduction_figures(calendar, &unit_rows, &intro_rows, scope, now);
    Ok(Figures {
        from: scope.from,
        to: scope.to,
        unit,
        computed_at: now,
        exemplars: exemplar_figures,
        introductions: introduction_figures,
        evaluations: evaluation_figures(&evaluation_rows),
        replications: replication_figures(&replication_rows),
        difficulties: difficulty_figures(difficulty_rows),
        commendations: commendation_figures(&proposal_rows, &award_rows),
        propagation: propagation_figures(&channel_rows),
    })
}

fn sorted_counts(map: BTreeMap<String, i64>) -> Vec<Count> {
    let mut counts: Vec<Count> = map
        .into_iter()
        .map(|(key, count)| Count {
            label: key.clone(),
            key,
            count,
        })
        .collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    counts
}

fn exemplar_figures(
    unit_rows: &[UnitRow],
    groups: &[(i64, String, String, String, i64)],
    by_movement: Vec<(i64, String, i64)>,
) -> ExemplarFigures {
    // One pass over the groups (tens of thousands on a large province).
    let mut stages: HashMap<&str, i64> = HashMap::new();
    let mut categories: HashMap<&str, i64> = HashMap::new();
    let mut fields: BTreeMap<String, i64> = BTreeMap::new();
    let mut units: HashMap<i64, [i64; 4]> = HashMap::new();
    let unit_stages = [Stage::Nurturing, Stage::Summarized, Stage::Replicated];
    for (unit, stage, category, field, count) in groups {
        *stages.entry(stage).or_default() += count;
        *categories.entry(category).or_default() += count;
        match fields.get_mut(field.trim()) {
            Some(total) => *total += count,
            None => {
                fields.insert(field.trim().to_owned(), *count);
            }
        }
        let tally = units.entry(*unit).or_default();
        tally[0] += count;
        if let Some(i) = unit_stages.iter().position(|s| s.as_str() == stage) {
            tally[i + 1] += count;
        }
    }
    let by_stage = Stage::ALL
        .iter()
        .map(|stage| Count {
            key: stage.as_str().to_owned(),
            label: stage.label().to_owned(),
            count: stages.get(stage.as_str()).copied().unwrap_or(0),
        })
        .collect();
    let by_category = Category::ALL
        .iter()
        .map(|category| Count {
            key: category.as_str().to_owned(),
            label: category.label().to_owned(),
            count: categories.get(category.as_str()).copied().unwrap_or(0),
        })
        .collect();
    let mut movements: Vec<Count> = by_movement
        .into_iter()
        .map(|(id, name, count)| Count {
            key: id.to_string(),
            label: name,
            count,
        })
        .collect();
    movements.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    let by_unit = unit_rows
        .iter()
        .map(|row| {
            let [discovered, nurturing, summarized, replicated] =
                units.get(&row.0).copied().unwrap_or_default();
            UnitExemplars {
                unit: unit_of(row),
                discovered,
                nurturing,
                summarized,
                replicated,
            }
        })
        .collect();
    ExemplarFigures {
        discovered: groups.iter().map(|g| g.4).sum(),
        by_stage,
        by_category,
        by_movement: movements,
        by_field: sorted_counts(fields),
        by_unit,
    }
}

/// The months of the plan inside the period, each unit's cells judged by the grid's rule.
fn introduction_figures(
    calendar: &Calendar,
    unit_rows: &[UnitRow],
    rows: &[(i64, String, Option<bool>, i64)],
    scope: Scope,
    now: DateTime<Utc>,
) -> IntroductionFigures {
    let today = local_date(now.naive_utc());
    let start = calendar.introductions_start;
    let mut months = Vec::new();
    let mut month = Month::of(scope.from).max(start);
    let last = Month::of(scope.to);
    while month <= last && month.year <= calendar.settings.last_year {
        months.push(month);
        month = month.next();
    }
    let mut submitted: HashMap<(i64, String), Vec<bool>> = HashMap::new();
    for (unit, month, on_time, count) in rows {
        let entry = submitted.entry((*unit, month.clone())).or_default();
        for _ in 0..(*count).min(2) {
            entry.push(on_time.unwrap_or(false));
        }
    }
    let by_unit: Vec<UnitIntroductions> = unit_rows
        .iter()
        .map(|row| {
            let from = owed_from(row.4, start);
            let mut tally = UnitIntroductions {
                unit: unit_of(row),
                on_time: 0,
                late: 0,
                missing: 0,
            };
            for month in &months {
                let flags = submitted
                    .get(&(row.0, month.text()))
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                let due = calendar.introduction_due(*month);
                match cell_status(*month, start, from, due, today, flags) {
                    CellStatus::OnTime => tally.on_time += 1,
                    CellStatus::Late => tally.late += 1,
                    CellStatus::Missing => tally.missing += 1,
                    _ => {}
                }
            }
            tally
        })
        .collect();
    let sum = |f: fn(&UnitIntroductions) -> i64| by_unit.iter().map(f).sum::<i64>();
    IntroductionFigures {
        judged: sum(|u| u.on_time + u.late + u.missing),
        on_time: sum(|u| u.on_time),
        late: sum(|u| u.late),
        missing: sum(|u| u.missing),
        by_unit,
    }
}

fn evaluation_figures(rows: &[(Option<String>, String, i64)]) -> EvaluationFigures {
    let by_conclusion = Conclusion::ALL
        .iter()
        .map(|c| Count {
            key: c.as_str().to_owned(),
            label: c.label().to_owned(),
            count: rows
                .iter()
                .filter(|r| r.0.as_deref() == Some(c.as_str()))
                .map(|r| r.2)
                .sum(),
        })
        .collect();
    let by_evaluator = EvaluatorKind::ALL
        .iter()
        .map(|k| Count {
            key: k.as_str().to_owned(),
            label: k.label().to_owned(),
            count: rows.iter().filter(|r| r.1 == k.as_str()).map(|r| r.2).sum(),
        })
        .collect();
    EvaluationFigures {
        total: rows.iter().map(|r| r.2).sum(),
        by_conclusion,
        by_evaluator,
    }
}

fn replication_figures(rows: &[(String, i64, String, i64)]) -> ReplicationFigures {
    let mut scales: BTreeMap<String, i64> = BTreeMap::new();
    for (scale, _, _, count) in rows {
        *scales.entry(scale.trim().to_owned()).or_default() += count;
    }
    let exemplars: BTreeSet<i64> = rows.iter().map(|r| r.1).collect();
    let adopters: BTreeSet<String> = rows.iter().map(|r| r.2.trim().to_lowercase()).collect();
    ReplicationFigures {
        total: rows.iter().map(|r| r.3).sum(),
        exemplars: exemplars.len() as i64,
        adopters: adopters.len() as i64,
        by_scale: sorted_counts(scales),
    }
}

fn difficulty_figures(
    rows: Vec<(
        i64,
        (i64, String, String, String),
        String,
        String,
        NaiveDateTime,
    )>,
) -> DifficultyFigures {
    let items: Vec<DifficultyItem> = rows
        .into_iter()
        .filter_map(
            |(id, (unit_id, code, short_name, name), subject, status, raised_at)| {
                Some(DifficultyItem {
                    id,
                    unit: FigureUnit {
                        id: unit_id,
                        code,
                        short_name,
                        name,
                    },
                    subject,
                    status: DifficultyStatus::parse(&status)?,
                    raised_on: local_date(raised_at),
                })
            },
        )
        .collect();
    let by_status = DifficultyStatus::ALL
        .iter()
        .map(|s| Count {
            key: s.as_str().to_owned(),
            label: s.label().to_owned(),
            count: items.iter().filter(|i| i.status == *s).count() as i64,
        })
        .collect();
    DifficultyFigures {
        total: items.len() as i64,
        by_status,
        items,
    }
}

fn commendation_figures(
    proposals: &[(i64, String, String, i64)],
    awards: &[(String, String, String, String, i64, Option<i64>)],
) -> CommendationFigures {
    let mut states: BTreeMap<&str, i64> = BTreeMap::new();
    for (_, state, _, _) in proposals {
        *states.entry(state.as_str()).or_default() += 1;
    }
    let proposals_by_state = ProposalState::ALL
        .iter()
        .filter_map(|state| {
            states.get(state.as_str()).map(|count| Count {
                key: state.as_str().to_owned(),
                label: state.label().to_owned(),
                count: *count,
            })
        })
        .collect();
    let proposals_by_type = CommendationType::ALL
        .iter()
        .map(|kind| Count {
            key: kind.as_str().to_owned(),
            label: kind.label().to_owned(),
            count: proposals.iter().filter(|p| p.2 == kind.as_str()).count() as i64,
        })
        .collect();
    let mut by_form: BTreeMap<&str, AwardCount> = BTreeMap::new();
    for (code, name, authority, _, count, reward) in awards {
        let entry = by_form.entry(code.as_str()).or_insert_with(|| AwardCount {
            key: code.clone(),
            label: name.clone(),
            authority: authority.clone(),
            ..AwardCount::default()
        });
        entry.count += count;
        entry.reward += reward.unwrap_or(0);
    }
    let mut awards_by_form: Vec<AwardCount> = by_form.into_values().collect();
    awards_by_form.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.key.cmp(&b.key)));
    let awards_by_type = CommendationType::ALL
        .iter()
        .map(|kind| Count {
            key: kind.as_str().to_owned(),
            label: kind.label().to_owned(),
            count: awards
                .iter()
                .filter(|a| a.3 == kind.as_str())
                .map(|a| a.4)
                .sum(),
        })
        .collect();
    let awards_by_authority = Authority::ALL
        .iter()
        .map(|authority| Count {
            key: authority.as_str().to_owned(),
            label: authority.label().to_owned(),
            count: awards
                .iter()
                .filter(|a| a.2 == authority.as_str())
                .map(|a| a.4)
                .sum(),
        })
        .collect();
    CommendationFigures {
        proposals: proposals.len() as i64,
        nominees: proposals.iter().map(|p| p.3).sum(),
        proposals_by_state,
        proposals_by_type,
        awarded: awards.iter().map(|a| a.4).sum(),
        reward_total: awards.iter().map(|a| a.5.unwrap_or(0)).sum(),
        awards_by_form,
        awards_by_type,
        awards_by_authority,
    }
}

fn propagation_figures(
    rows: &[(String, i64, Option<i64>, Option<i64>, Option<i64>)],
) -> PropagationFigures {
    let by_channel: Vec<ChannelReach> = Channel::ALL
        .iter()
        .map(|channel| {
            let row = rows.iter().find(|r| r.0 == channel.as_str());
            ChannelReach {
                key: channel.as_str().to_owned(),
                label: channel.label().to_owned(),
                activities: row.map_or(0, |r| r.1),
                views: row.and_then(|r| r.2).unwrap_or(0),
                shares: row.and_then(|r| r.3).unwrap_or(0),
                attendees: row.and_then(|r| r.4).unwrap_or(0),
            }
        })
        .collect();
    PropagationFigures {
        activities: by_channel.iter().map(|c| c.activities).sum(),
        views: by_channel.iter().map(|c| c.views).sum(),
        shares: by_channel.iter().map(|c| c.shares).sum(),
        attendees: by_channel.iter().map(|c| c.attendees).sum(),
        by_channel,
    }
}
