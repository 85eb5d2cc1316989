import type { Dayjs } from 'dayjs';
import { blankToNull } from '@/lib/forms';
import { fromApiDate, toApiDate } from '@/lib/dates';
import type { ConsentInput, ConsentMethod, Publication, PublicationAction } from '../api/publication';

export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = {
  written: 'Bằng văn bản',
  verbal: 'Bằng lời nói',
  email: 'Qua thư điện tử',
};

/**
 * What an exemplar's publication and a decided commendation's have in common: the form, the
 * buttons and the status read only these.
 */
export type PublicationState = Pick<
  Publication,
  | 'status'
  | 'public'
  | 'publicSummary'
  | 'consentRequired'
  | 'consent'
  | 'publishedAt'
  | 'unpublishedAt'
  | 'unpublishReason'
  | 'allowedActions'
  | 'version'
>;

export const PUBLICATION_STATUS_LABELS: Record<PublicationState['status'], string> = {
  not_published: 'Chưa công bố',
  published: 'Đang công bố',
  unpublished: 'Đã gỡ công bố',
};

export interface PublicationValues {
  publicSummary?: string;
  consentGivenOn?: Dayjs | null;
  consentMethod?: ConsentMethod;
  consentRecordedBy?: string;
  consentNote?: string;
}

export const PUBLICATION_FIELDS = ['publicSummary', 'consent'] as const;

export function toValues(publication: PublicationState): PublicationValues {
  const consent = publication.consent;
  return {
    publicSummary: publication.publicSummary,
    consentGivenOn: fromApiDate(consent?.givenOn),
    consentMethod: consent?.method,
    consentRecordedBy: consent?.recordedBy,
    consentNote: consent?.note ?? undefined,
  };
}

/** The consent as the API takes it; `null` when none was entered (a collective needs none). */
export function toConsent(values: PublicationValues): ConsentInput | null {
  const givenOn = toApiDate(values.consentGivenOn);
  if (!givenOn || !values.consentMethod) return null;
  return {
    givenOn,
    method: values.consentMethod,
    recordedBy: blankToNull(values.consentRecordedBy),
    note: blankToNull(values.consentNote),
  };
}

export interface ActionState {
  allowed: boolean;
  disabledReason: string | null;
}

/** Whether the server offers `action`, and why it cannot be done yet. */
export function actionState(publication: PublicationState, action: PublicationAction): ActionState {
  const found = publication.allowedActions.find((allowed) => allowed.action === action);
  return { allowed: Boolean(found), disabledReason: found?.disabledReason ?? null };
}

/** A server field path `consent.givenOn` → the form's field. */
export function consentField(field: string): keyof PublicationValues | null {
  const map: Record<string, keyof PublicationValues> = {
    'consent.givenOn': 'consentGivenOn',
    'consent.method': 'consentMethod',
    'consent.recordedBy': 'consentRecordedBy',
    'consent.note': 'consentNote',
    consent: 'consentGivenOn',
    publicSummary: 'publicSummary',
  };
  return map[field] ?? null;
}
