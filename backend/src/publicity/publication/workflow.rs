//! Publishing as data: [`TRANSITIONS`] says which roles may take each action from which status
//! and what the status becomes, for exemplars and decided commendations alike;
//! [`publish_blocker`] holds the guards of publishing an exemplar (a confirmed record, never
//! stopped, the consent of an individual), [`Blocker`] the reasons of both kinds. Handlers
//! authorise through [`authorize`], responses list [`allowed_actions`], the tests walk the same
//! table.

use serde::Serialize;
use utoipa::ToSchema;

use super::types::PublicationStatus;
use crate::auth::{Principal, Role, policy};
use crate::error::{AppError, AppResult, ErrorCode, FieldError};
use crate::exemplars::types::{RecordStatus, Stage, SubjectKind};
use crate::text_enum;

text_enum!(
    /// Something a person can do to an exemplar's publication.
    pub enum PublicationAction {
        /// Save the text the public reads and the subject's consent (while published, the
        /// public page changes at once).
        Edit = "edit" / "Cập nhật nội dung công bố",
        /// Publish on the public portal.
        Publish = "publish" / "Công bố",
        /// Take the publication down at once, with a reason.
        Unpublish = "unpublish" / "Gỡ công bố",
    }
);

/// One row of the workflow.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
#[schema(as = PublicationTransition)]
pub struct Transition {
    pub action: PublicationAction,
    pub roles: &'static [Role],
    pub from: &'static [PublicationStatus],
    /// The status afterwards (`None`: unchanged).
    pub to: Option<PublicationStatus>,
    /// The request must give a reason.
    pub reason_required: bool,
    /// Why the action is refused from another status (Vietnamese).
    pub otherwise: &'static str,
}

const OFFICE: &[Role] = &[Role::Office];

pub const TRANSITIONS: &[Transition] = &[
    Transition {
        action: PublicationAction::Edit,
        roles: OFFICE,
        from: PublicationStatus::ALL,
        to: None,
        reason_required: false,
        otherwise: "",
    },
    Transition {
        action: PublicationAction::Publish,
        roles: OFFICE,
        from: &[
            PublicationStatus::NotPublished,
            PublicationStatus::Unpublished,
        ],
        to: Some(PublicationStatus::Published),
        reason_required: false,
        otherwise: "Nội dung này đang được công bố.",
    },
    Transition {
        action: PublicationAction::Unpublish,
        roles: &[Role::Leader, Role::Office],
        from: &[PublicationStatus::Published],
        to: Some(PublicationStatus::Unpublished),
        reason_required: true,
        otherwise: "Nội dung này hiện không được công bố.",
    },
];

/// What the guards of publishing look at.
#[derive(Debug, Clone, Copy)]
pub struct Facts {
    pub unit_id: i64,
    pub subject_kind: SubjectKind,
    pub record_status: RecordStatus,
    pub stage: Stage,
    /// Stopped at some point (the reason stays after archiving).
    pub ever_stopped: bool,
    pub has_consent: bool,
}

/// Why an exemplar or a commendation cannot be published now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blocker {
    NotConfirmed,
    Stopped,
    ConsentMissing,
    /// A commendation: the nominee is not (or no longer) approved by a decision in force.
    NotDecided,
}

impl Blocker {
    pub fn message(self) -> &'static str {
        match self {
            Blocker::NotConfirmed => "Chỉ công bố được hồ sơ đã được Văn phòng Sở xác nhận.",
            Blocker::Stopped => "Điển hình đã dừng theo dõi, không công bố được.",
            Blocker::NotDecided => {
                "Chỉ công bố được khen thưởng đã có quyết định khen thưởng cho cá nhân, tập thể này."
            }
            Blocker::ConsentMissing => {
                "Cần ghi nhận sự đồng ý của cá nhân (ngày, hình thức, người ghi nhận) trước khi công bố."
            }
        }
    }

    pub fn error(self) -> AppError {
        match self {
            Blocker::ConsentMissing => {
                AppError::validation(vec![FieldError::new("consent", "required", self.message())])
            }
            _ => AppError::new(ErrorCode::Conflict).with_detail(self.message()),
        }
    }
}

/// The first reason the exemplar cannot be published, if any: a confirmed record, never
/// stopped, and for an individual a recorded consent (collectives need none).
pub fn publish_blocker(facts: &Facts) -> Option<Blocker> {
    if facts.record_status != RecordStatus::Confirmed {
        Some(Blocker::NotConfirmed)
    } else if facts.stage == Stage::Stopped || facts.ever_stopped {
        Some(Blocker::Stopped)
    } else if facts.subject_kind == SubjectKind::Individual && !facts.has_consent {
        Some(Blocker::ConsentMissing)
    } else {
        None
    }
}

/// The transition that lets `principal` take `action` from `status`: 403 for another role or
/// (unit roles, should a rule ever admit them) another unit, 409 from another status.
pub fn authorize(
    principal: &Principal,
    unit_id: i64,
    status: PublicationStatus,
    action: PublicationAction,
) -> AppResult<&'static Transition> {
    let transition = TRANSITIONS
        .iter()
        .find(|t| t.action == action && t.roles.contains(&principal.role))
        .ok_or_else(AppError::forbidden)?;
    policy::ensure_unit(principal, Some(unit_id))?;
    if !transition.from.contains(&status) {
        return Err(AppError::new(ErrorCode::Conflict).with_detail(transition.otherwise));
    }
    Ok(transition)
}

/// An action the caller may take now, or once `disabledReason` is resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AllowedPublicationAction {
    pub action: PublicationAction,
    /// Why it cannot be done yet (Vietnamese); publishing only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disabled_reason: Option<String>,
}

/// What `principal` may do to the publication of something of unit `unit_id` now, in the
/// table's order. Publishing is listed with its blocker when a guard fails (consent may be given
/// in the publish request itself).
pub fn allowed_actions(
    principal: &Principal,
    unit_id: i64,
    status: PublicationStatus,
    blocker: Option<Blocker>,
) -> Vec<AllowedPublicationAction> {
    PublicationAction::ALL
        .iter()
        .copied()
        .filter(|action| authorize(principal, unit_id, status, *action).is_ok())
        .map(|action| AllowedPublicationAction {
            action,
            disabled_reason: (action == PublicationAction::Publish)
                .then(|| blocker.map(|b| b.message().to_owned()))
                .flatten(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::Rule;
    use crate::auth::roles::{Publish, Unpublish};

    #[test]
    fn the_table_agrees_with_the_endpoint_rules() {
        for transition in TRANSITIONS {
            let rule: &[Role] = match transition.action {
                PublicationAction::Edit | PublicationAction::Publish => Publish::ROLES,
                PublicationAction::Unpublish => Unpublish::ROLES,
            };
            assert_eq!(transition.roles, rule, "{:?}", transition.action);
        }
        for action in PublicationAction::ALL {
            assert_eq!(
                TRANSITIONS.iter().filter(|t| t.action == *action).count(),
                1
            );
        }
    }

    #[test]
    fn publishing_needs_a_confirmed_record_never_stopped_and_an_individual_s_consent() {
        let facts = Facts {
            unit_id: 1,
            subject_kind: SubjectKind::Individual,
            record_status: RecordStatus::Confirmed,
            stage: Stage::Nurturing,
            ever_stopped: false,
            has_consent: true,
        };
        assert_eq!(publish_blocker(&facts), None);
        assert_eq!(
            publish_blocker(&Facts {
                has_consent: false,
                ..facts
            }),
            Some(Blocker::ConsentMissing)
        );
        let collective = Facts {
            subject_kind: SubjectKind::Collective,
            has_consent: false,
            ..facts
        };
        assert_eq!(publish_blocker(&collective), None);
        assert_eq!(
            publish_blocker(&Facts {
                record_status: RecordStatus::Submitted,
                ..facts
            }),
            Some(Blocker::NotConfirmed)
        );
        assert_eq!(
            publish_blocker(&Facts {
                stage: Stage::Archived,
                ever_stopped: true,
                ..facts
            }),
            Some(Blocker::Stopped)
        );
        assert_eq!(
            publish_blocker(&Facts {
                stage: Stage::Archived,
                ..facts
            }),
            None
        );
    }
}
