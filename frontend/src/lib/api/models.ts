import type { components } from './schema';

type Schemas = components['schemas'];

export type AuditEntry = Schemas['AuditEntry'];
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

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
