import type { components, operations } from './schema';

type Schemas = components['schemas'];

export type AuditEntry = Schemas['AuditEntry'];
export type AuditAction = Schemas['AuditAction'];
export type EntityType = Schemas['EntityType'];
export type ErrorCode = Schemas['ErrorCode'];
export type FieldError = Schemas['FieldError'];
export type Problem = Schemas['Problem'];
export type Role = Schemas['Role'];
export type Scope = Schemas['Scope'];
export type ServiceAccount = Schemas['ServiceAccount'];
export type ServiceAccountInput = Schemas['ServiceAccountInput'];
export type ServiceAccountWithSecret = Schemas['ServiceAccountWithSecret'];
export type TokenResponse = Schemas['TokenResponse'];
export type Unit = Schemas['Unit'];
export type UnitInput = Schemas['UnitInput'];
export type UnitKind = Schemas['UnitKind'];
export type UnitNode = Schemas['UnitNode'];
export type User = Schemas['User'];
export type UserInput = Schemas['UserInput'];
export type NewUserInput = Schemas['NewUserInput'];
export type ProfileInput = Schemas['ProfileInput'];

/**
 * One page of a list, as every list endpoint answers it (`Page_Unit`, `Page_User` … share the
 * shape): `total` counts the matches, unless `totalCapped` says a search stopped counting there.
 */
export type Page<T> = Omit<Schemas['Page_Unit'], 'items'> & { items: T[] };

/** The query parameters of an operation, as the API takes them. */
type QueryOf<K extends keyof operations> = NonNullable<operations[K]['parameters']['query']>;

// List parameters (filters, sort, page) of each list endpoint.
export type AuditListParams = QueryOf<'list_audit'>;
export type CriteriaSetListParams = QueryOf<'list_criteria_sets'>;
export type ExemplarListParams = QueryOf<'list_exemplars'>;
export type ExemplarExportParams = QueryOf<'export_exemplars'>;
/** The exemplar list's filters and sort, without the page (also what the Excel export takes). */
export type ExemplarFilters = Omit<ExemplarListParams, 'page' | 'pageSize'>;
export type IntroductionListParams = QueryOf<'list_introductions'>;
export type MovementListParams = QueryOf<'list_movements'>;
export type ServiceAccountListParams = QueryOf<'list_service_accounts'>;
export type UnitListParams = QueryOf<'list_units'>;
export type UserListParams = QueryOf<'list_users'>;

// Exemplars and their stage records.
export type AllowedAction = Schemas['AllowedAction'];
export type Attachment = Schemas['Attachment'];
export type Category = Schemas['Category'];
export type Conclusion = Schemas['Conclusion'];
export type Exemplar = Schemas['Exemplar'];
export type ExemplarAction = Schemas['ExemplarAction'];
export type ExemplarInput = Schemas['ExemplarInput'];
export type ExemplarSummary = Schemas['ExemplarSummary'];
export type Figure = Schemas['Figure'];
export type ImportForm = Schemas['ImportForm'];
export type ImportReport = Schemas['ImportReport'];
export type ImportRow = Schemas['ImportRow'];
export type Initiative = Schemas['Initiative'];
export type Milestone = Schemas['Milestone'];
export type MilestoneStatus = Schemas['MilestoneStatus'];
export type NurturingPlan = Schemas['NurturingPlan'];
export type NurturingPlanInput = Schemas['NurturingPlanInput'];
export type RecordStatus = Schemas['RecordStatus'];
export type Replication = Schemas['Replication'];
export type ReplicationInput = Schemas['ReplicationInput'];
export type Stage = Schemas['Stage'];
export type StageMove = Schemas['StageMove'];
export type StageProposal = Schemas['StageProposal'];
export type SubjectKind = Schemas['SubjectKind'];
export type Summary = Schemas['Summary'];
export type SummaryInput = Schemas['SummaryInput'];
export type TimelineAction = Schemas['TimelineAction'];
export type TimelineEvent = Schemas['TimelineEvent'];
export type UnitRef = Schemas['UnitRef'];
export type UploadForm = Schemas['UploadForm'];

// Evaluations and criteria.
export type CriteriaSet = Schemas['CriteriaSet'];
export type CriteriaSetInput = Schemas['CriteriaSetInput'];
export type Criterion = Schemas['Criterion'];
export type CriterionInput = Schemas['CriterionInput'];
export type CriterionMode = Schemas['CriterionMode'];
export type Evaluation = Schemas['Evaluation'];
export type EvaluationInput = Schemas['EvaluationInput'];
export type EvaluationItem = Schemas['EvaluationItem'];
export type EvaluationStatus = Schemas['EvaluationStatus'];
export type EvaluationSummary = Schemas['EvaluationSummary'];
export type EvaluatorKind = Schemas['EvaluatorKind'];
export type ItemInput = Schemas['ItemInput'];
export type SetStatus = Schemas['SetStatus'];

// Movements and monthly introductions.
export type CellStatus = Schemas['CellStatus'];
export type GridCell = Schemas['GridCell'];
export type GridRow = Schemas['GridRow'];
export type Introduction = Schemas['Introduction'];
export type IntroductionGrid = Schemas['IntroductionGrid'];
export type IntroductionInput = Schemas['IntroductionInput'];
export type IntroductionStatus = Schemas['IntroductionStatus'];
export type Movement = Schemas['Movement'];
export type MovementInput = Schemas['MovementInput'];
export type MovementRef = Schemas['MovementRef'];
export type ProgrammeSettings = Schemas['ProgrammeSettings'];

// The home page.
export type Home = Schemas['Home'];
export type HomeTask = Schemas['Task'];
export type TaskKind = Schemas['TaskKind'];
/** The exemplar list's query parameters behind a home-page figure. */
export type FigureFilters = Schemas['ExemplarFilters'];
export type DepartmentPicture = Schemas['DepartmentPicture'];
export type MonthIntroduction = Schemas['MonthIntroduction'];
export type MilestoneWindow = Schemas['MilestoneWindow'];

// Notifications and reminders.
export type Notification = Schemas['Notification'];
export type NotificationPage = Schemas['NotificationPage'];
export type ReminderInput = Schemas['ReminderInput'];
export type ReminderResult = Schemas['ReminderResult'];
