import type { components, operations } from '@/lib/api/schema';

type Schemas = components['schemas'];

// The eligibility API's types, named once here (kept out of the shared models.ts to ease merges).
export type CheckKind = Schemas['CheckKind'];
export type DisciplineKind = Schemas['DisciplineKind'];
export type DisciplineLevel = Schemas['DisciplineLevel'];
export type DisciplineRecord = Schemas['Page_DisciplineRecord']['items'][number];
export type FactImportReport = Schemas['FactImportReport'];
export type FactImportRow = Schemas['FactImportRow'];
export type FieldError = Schemas['FieldError'];
export type Problem = Schemas['Problem'];
export type Rule = Schemas['Rule'];
export type Severity = Schemas['Severity'];
export type TitleRecord = Schemas['Page_TitleRecord']['items'][number];
export type CommendationType = Schemas['CommendationType'];
export type FactListParams = NonNullable<operations['list_titles']['parameters']['query']>;
