import type { components, operations } from '@/lib/api/schema';

type Schemas = components['schemas'];

// Commendations: the catalogue, proposals and their workflow.
export type AwardForm = Schemas['AwardForm'];
export type AwardFormInput = Schemas['AwardFormInput'];
export type Authority = Schemas['Authority'];
export type AwardKind = Schemas['AwardKind'];
export type AwardSubject = Schemas['AwardSubject'];
export type BaseSalary = Schemas['BaseSalary'];
export type BaseSalaryInput = Schemas['BaseSalaryInput'];
export type CatalogueStatus = Schemas['CatalogueStatus'];
export type CheckResult = Schemas['CheckResult'];
export type CommendationSettings = Schemas['CommendationSettings'];
export type CommendationType = Schemas['CommendationType'];
export type ForwardInput = Schemas['ForwardInput'];
export type Nominee = Schemas['Nominee'];
export type NomineeDecision = Schemas['NomineeDecision'];
export type NomineeInput = Schemas['NomineeInput'];
export type NomineeVerdict = Schemas['NomineeVerdict'];
export type NoticeInput = Schemas['NoticeInput'];
export type Occasion = Schemas['Occasion'];
export type OccasionInput = Schemas['OccasionInput'];
export type OccasionKind = Schemas['OccasionKind'];
export type OutcomeInput = Schemas['OutcomeInput'];
export type Proposal = Schemas['Proposal'];
export type ProposalAction = Schemas['ProposalAction'];
export type ProposalAllowedAction = Schemas['ProposalAllowedAction'];
export type ProposalDecisionInput = Schemas['ProposalDecisionInput'];
export type ProposalEvent = Schemas['ProposalEvent'];
export type ProposalFile = Schemas['ProposalFile'];
export type ProposalFileKind = Schemas['ProposalFileKind'];
export type ProposalInput = Schemas['ProposalInput'];
export type ProposalState = Schemas['ProposalState'];
export type ProposalSummary = Schemas['ProposalSummary'];
export type ProposalUploadForm = Schemas['ProposalUploadForm'];
export type RegisterEntry = Schemas['RegisterEntry'];
export type Rule = Schemas['Rule'];
export type ReviewInput = Schemas['ReviewInput'];
export type Severity = Schemas['Severity'];
export type VoteDenominator = Schemas['VoteDenominator'];

type QueryOf<K extends keyof operations> = NonNullable<operations[K]['parameters']['query']>;
export type ProposalListParams = QueryOf<'list_proposals'>;
