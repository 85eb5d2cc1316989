import { isApiError, problemFieldErrors, problemMessages } from '@/lib/api/problem';
import type { CommentInput } from '../api/portal';

export type CommentField = 'authorName' | 'contact' | 'body' | 'nomineeId';
export type CommentErrors = Partial<Record<CommentField, string[]>>;

export const COMMENT_FIELDS: readonly CommentField[] = ['authorName', 'contact', 'body', 'nomineeId'];

export interface CommentValues {
  authorName: string;
  contact: string;
  body: string;
  /** `''`: about the proposal as a whole. */
  nomineeId: string;
}

export const EMPTY_COMMENT: CommentValues = { authorName: '', contact: '', body: '', nomineeId: '' };

/** The limits the API sets (CommentInput). */
export const LIMITS = { authorName: [2, 100], body: [5, 2000], contact: [0, 200] } as const;

/** What the visitor is told before sending (the server checks the same, and has the last word). */
export function validateComment(values: CommentValues): CommentErrors {
  const errors: CommentErrors = {};
  const name = values.authorName.trim();
  if (name.length < LIMITS.authorName[0]) errors.authorName = ['Nhập họ và tên (ít nhất 2 ký tự).'];
  else if (name.length > LIMITS.authorName[1]) errors.authorName = ['Họ và tên dài tối đa 100 ký tự.'];
  const body = values.body.trim();
  if (body.length < LIMITS.body[0]) errors.body = ['Nhập nội dung ý kiến (ít nhất 5 ký tự).'];
  else if (body.length > LIMITS.body[1]) errors.body = ['Nội dung dài tối đa 2.000 ký tự.'];
  if (values.contact.trim().length > LIMITS.contact[1])
    errors.contact = ['Thông tin liên hệ dài tối đa 200 ký tự.'];
  return errors;
}

export function toCommentInput(values: CommentValues): CommentInput {
  const contact = values.contact.trim();
  return {
    authorName: values.authorName.trim(),
    body: values.body.trim(),
    contact: contact || null,
    nomineeId: values.nomineeId ? Number(values.nomineeId) : null,
  };
}

/** Minutes, rounded up, for "try again in N minutes". */
function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} giây`;
  return `${Math.ceil(seconds / 60)} phút`;
}

export interface SendFailure {
  /** Messages shown above the form. */
  messages: string[];
  /** Messages shown under their fields. */
  fields: CommentErrors;
}

/** What to show when the server refused a comment, in Vietnamese. */
export function describeSendFailure(error: unknown): SendFailure {
  if (!isApiError(error)) return { messages: ['Không gửi được ý kiến. Vui lòng thử lại.'], fields: {} };
  const problem = error.problem;
  const fields: CommentErrors = {};
  for (const group of problemFieldErrors(problem, COMMENT_FIELDS).fields) {
    const field = group.name[0] as CommentField;
    fields[field] = [...(fields[field] ?? []), ...group.errors];
  }
  const messages = problemMessages(problem, COMMENT_FIELDS);
  if (error.status === 429) {
    const wait = error.retryAfter
      ? ` Vui lòng thử lại sau ${waitText(error.retryAfter)}.`
      : ' Vui lòng thử lại sau.';
    return { messages: [`Bạn đã gửi quá nhiều ý kiến trong thời gian ngắn.${wait}`], fields };
  }
  if (error.status === 409 && messages.length === 0) {
    return { messages: ['Thời hạn lấy ý kiến đã kết thúc.'], fields };
  }
  if (messages.length === 0) messages.push(problem.title);
  return { messages, fields };
}
