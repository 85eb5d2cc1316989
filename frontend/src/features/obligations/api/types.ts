import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];

export type Obligation = Schemas['Obligation'];
export type ObligationKind = Schemas['ObligationKind'];
export type ObligationStatus = Schemas['ObligationStatus'];
export type Responsible = Schemas['Responsible'];
export type Fulfilment = Schemas['Fulfilment'];
export type ReportSubmission = Schemas['ReportSubmission'];
export type SubmissionStatus = Schemas['SubmissionStatus'];
export type SubmissionAction = Schemas['SubmissionAction'];
export type SubmissionInput = Schemas['SubmissionInput'];

export type { ObligationFilters } from '@/lib/api/queries/obligations';
