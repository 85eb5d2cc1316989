//! Roles, integration scopes and the rules that endpoints declare.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// What a principal is allowed to do, broadly. Unit roles act only within their own unit.
///
/// - `admin`: Quản trị hệ thống. Units, users, service accounts, settings; reads everything.
/// - `leader`: Lãnh đạo Sở. Sees everything, approves.
/// - `office`: Văn phòng Sở (thi đua – khen thưởng). Reviews and consolidates across units.
/// - `unit_head`: Thủ trưởng đơn vị. Acts for one unit.
/// - `unit_staff`: Cán bộ đơn vị. Drafts for one unit.
/// - `integration`: Hệ thống tích hợp. A provincial system or script, through a service account.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    ToSchema,
    diesel::expression::AsExpression,
    diesel::deserialize::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Quản trị hệ thống: units, users, service accounts.
    Admin,
    /// Lãnh đạo Sở: sees everything, approves.
    Leader,
    /// Văn phòng Sở (thi đua – khen thưởng): reviews and consolidates across units.
    Office,
    /// Thủ trưởng đơn vị: acts for one unit.
    UnitHead,
    /// Cán bộ đơn vị: drafts for one unit.
    UnitStaff,
    /// A provincial system or script, through a service account.
    Integration,
}

impl Role {
    pub const USER_ROLES: [Role; 5] = [
        Role::Admin,
        Role::Leader,
        Role::Office,
        Role::UnitHead,
        Role::UnitStaff,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Leader => "leader",
            Role::Office => "office",
            Role::UnitHead => "unit_head",
            Role::UnitStaff => "unit_staff",
            Role::Integration => "integration",
        }
    }

    pub fn parse(value: &str) -> Option<Role> {
        [
            Role::Admin,
            Role::Leader,
            Role::Office,
            Role::UnitHead,
            Role::UnitStaff,
            Role::Integration,
        ]
        .into_iter()
        .find(|r| r.as_str() == value)
    }

    /// Roles that act only within their own unit.
    pub fn is_unit_scoped(self) -> bool {
        matches!(self, Role::UnitHead | Role::UnitStaff)
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Role::Admin => "Quản trị hệ thống",
            Role::Leader => "Lãnh đạo Sở",
            Role::Office => "Văn phòng Sở",
            Role::UnitHead => "Thủ trưởng đơn vị",
            Role::UnitStaff => "Cán bộ đơn vị",
            Role::Integration => "Hệ thống tích hợp",
        }
    }
}

impl diesel::serialize::ToSql<diesel::sql_types::Text, crate::db::DbBackend> for Role {
    fn to_sql<'b>(
        &'b self,
        out: &mut diesel::serialize::Output<'b, '_, crate::db::DbBackend>,
    ) -> diesel::serialize::Result {
        <str as diesel::serialize::ToSql<diesel::sql_types::Text, crate::db::DbBackend>>::to_sql(
            self.as_str(),
            out,
        )
    }
}

impl diesel::deserialize::FromSql<diesel::sql_types::Text, crate::db::DbBackend> for Role {
    fn from_sql(
        value: <crate::db::DbBackend as diesel::backend::Backend>::RawValue<'_>,
    ) -> diesel::deserialize::Result<Self> {
        let text = <String as diesel::deserialize::FromSql<
            diesel::sql_types::Text,
            crate::db::DbBackend,
        >>::from_sql(value)?;
        Role::parse(&text).ok_or_else(|| format!("unknown role {text:?} in the database").into())
    }
}

/// What a service account may read. Granted by the administrator when creating it.
///
/// - `units:read`: the units and their tree.
/// - `users:read`: the user accounts.
/// - `exemplars:read`: confirmed exemplars, their final evaluations, movements, criteria sets,
///   submitted monthly introductions.
/// - `reports:read`: the reporting calendar (every unit's and the Office's obligations, their
///   status and the reports that fulfil them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum Scope {
    #[serde(rename = "units:read")]
    UnitsRead,
    #[serde(rename = "users:read")]
    UsersRead,
    /// Confirmed exemplars, movements, criteria, submitted monthly introductions.
    #[serde(rename = "exemplars:read")]
    ExemplarsRead,
    /// The reporting calendar: obligations, their status, the reports submitted for them.
    #[serde(rename = "reports:read")]
    ReportsRead,
}

impl Scope {
    pub const ALL: [Scope; 4] = [
        Scope::UnitsRead,
        Scope::UsersRead,
        Scope::ExemplarsRead,
        Scope::ReportsRead,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::UnitsRead => "units:read",
            Scope::UsersRead => "users:read",
            Scope::ExemplarsRead => "exemplars:read",
            Scope::ReportsRead => "reports:read",
        }
    }

    pub fn parse(value: &str) -> Option<Scope> {
        Self::ALL.into_iter().find(|s| s.as_str() == value)
    }

    /// Parses a space-separated list, ignoring unknown entries.
    pub fn parse_list(value: &str) -> Vec<Scope> {
        value.split_whitespace().filter_map(Scope::parse).collect()
    }

    pub fn join(scopes: &[Scope]) -> String {
        scopes
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// An endpoint's access rule, checked by the [`super::Auth`] extractor before anything else.
/// Each endpoint names its rule in its signature and repeats the roles in its OpenAPI `security`.
pub trait Rule {
    const ROLES: &'static [Role];
    /// The scope an integration token needs (when `ROLES` admits `Integration`).
    const SCOPE: Option<Scope> = None;
    /// Whether a user who must change a temporary password may still call the endpoint.
    const DURING_PASSWORD_CHANGE: bool = false;
}

macro_rules! rule {
    ($(#[$doc:meta])* $name:ident = [$($role:ident),+] $(, scope = $scope:ident)? $(, during_password_change = $dpc:literal)?) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub struct $name;
        impl Rule for $name {
            const ROLES: &'static [Role] = &[$(Role::$role),+];
            $(const SCOPE: Option<Scope> = Some(Scope::$scope);)?
            $(const DURING_PASSWORD_CHANGE: bool = $dpc;)?
        }
    };
}

rule!(
    /// Any signed-in person, including one who still has to change a temporary password.
    SelfService = [Admin, Leader, Office, UnitHead, UnitStaff], during_password_change = true
);
rule!(
    /// Any signed-in person (not service accounts).
    People = [Admin, Leader, Office, UnitHead, UnitStaff]
);
rule!(
    /// Any signed-in person or service account.
    AnyPrincipal = [Admin, Leader, Office, UnitHead, UnitStaff, Integration], during_password_change = true
);
rule!(
    /// System administration only.
    AdminOnly = [Admin]
);
rule!(
    /// Administrators and the Office's emulation staff.
    AdminOrOffice = [Admin, Office]
);
rule!(
    /// Everyone who may read the organisation structure.
    ReadUnits = [Admin, Leader, Office, UnitHead, UnitStaff, Integration], scope = UnitsRead
);
rule!(
    /// Everyone who may read user accounts (unit heads: their own unit only).
    ReadUsers = [Admin, Leader, Office, UnitHead, Integration], scope = UsersRead
);
rule!(
    /// Everyone who may read exemplars and their catalogues (unit roles: their own unit's
    /// exemplars; service accounts: confirmed records, with `exemplars:read`).
    ReadExemplars = [Admin, Leader, Office, UnitHead, UnitStaff, Integration], scope = ExemplarsRead
);
rule!(
    /// Those who record exemplars and their stage records (unit roles: their own unit).
    WriteExemplars = [Office, UnitHead, UnitStaff]
);
rule!(
    /// Those who review units' work: confirm records and stage moves.
    Review = [Leader, Office]
);
rule!(
    /// Unit heads act for their unit: submit records, propose stage moves.
    UnitHeadOnly = [UnitHead]
);
rule!(
    /// Those who evaluate exemplars against the criteria (unit roles: self-assessment of their own unit).
    Evaluate = [Leader, Office, UnitHead, UnitStaff]
);
rule!(
    /// The Office follows up the units and reminds them ("theo dõi, đôn đốc, nhắc nhở").
    Remind = [Office]
);
rule!(
    /// Those who send a unit's monthly introduction: its head, or the Office on its behalf.
    SubmitIntroduction = [Office, UnitHead]
);
rule!(
    /// Everyone who may read the reporting calendar (unit roles: their own unit's obligations and
    /// reports; service accounts: everything, with `reports:read`).
    ReadReports = [Admin, Leader, Office, UnitHead, UnitStaff, Integration], scope = ReportsRead
);
rule!(
    /// Those who submit a report for an obligation: a unit's head for the unit, the Office for a
    /// unit or for itself.
    SubmitReport = [Office, UnitHead]
);
rule!(
    /// Those who write reports: a unit's head and staff (their unit's), the Office (any unit's,
    /// and the consolidated report).
    DraftReport = [Office, UnitHead, UnitStaff]
);
rule!(
    /// The leader approves the Office's consolidated report before it is sent to Sở Nội vụ.
    ApproveReport = [Leader]
);
rule!(
    /// Those who accept or return a submitted report: the Office (units' reports) and the
    /// leadership (also the Office's own).
    DecideReport = [Leader, Office]
);
rule!(
    /// People who take part in the handling of difficulties: the units raise them, the Office
    /// answers or refers them, the leadership directs; the administrator reads them.
    Difficulties = [Admin, Leader, Office, UnitHead, UnitStaff]
);
rule!(
    /// Units raise difficulties (their head or staff).
    RaiseDifficulty = [UnitHead, UnitStaff]
);
rule!(
    /// The Office answers a difficulty or refers it to the leadership.
    AnswerDifficulty = [Office]
);
rule!(
    /// The leadership directs how a referred difficulty is resolved.
    DirectDifficulty = [Leader]
);
rule!(
    /// A difficulty's unit or the Office: closing it, adding or removing its files.
    DifficultyUnitOrOffice = [Office, UnitHead, UnitStaff]
);
rule!(
    /// What the Office and the leadership read across units (the difficulties' summary).
    Oversight = [Admin, Leader, Office]
);
rule!(
    /// Everyone who reads the propagation log, the publication of exemplars and their share kits
    /// (unit roles: their own unit).
    ReadPublicity = [Admin, Leader, Office, UnitHead, UnitStaff]
);
rule!(
    /// Those who keep the propagation log (unit roles: their own unit's activities).
    WritePropagation = [Office, UnitHead, UnitStaff]
);
rule!(
    /// The Office publishes exemplars on the public portal and edits what the public sees.
    Publish = [Office]
);
rule!(
    /// Taking a publication down at once: the Office, or the leadership.
    Unpublish = [Leader, Office]
);
rule!(
    /// Those who draft commendation proposals: a unit head for the unit, the Office for any unit.
    DraftProposals = [Office, UnitHead]
);
rule!(
    /// The Office's emulation staff (thi đua – khen thưởng), who run the commendation pipeline.
    CommendationOffice = [Office]
);
rule!(
    /// The leadership, who decide commendations (Giám đốc Sở, or a deputy by delegation).
    DecideCommendations = [Leader]
);
