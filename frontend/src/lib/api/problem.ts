import type { ErrorCode, FieldError, Problem } from './models';

/**
 * A failed API call, carrying the server's problem document (Vietnamese title/detail, stable
 * code, per-field errors and request id). Failures that never produced a problem document
 * (network down, a proxy's HTML error page) get a synthetic one so callers handle one shape.
 */
export class ApiError extends Error {
  readonly problem: Problem;
  /** Seconds to wait before trying again (429), from `Retry-After`. */
  readonly retryAfter: number | null;

  constructor(problem: Problem, retryAfter: number | null = null) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): ErrorCode {
    return this.problem.code;
  }

  get requestId(): string | null {
    return this.problem.requestId ?? null;
  }

  static fromResponse(response: Response, body: unknown): ApiError {
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
    if (isProblem(body)) {
      return new ApiError(body, retryAfter);
    }
    return new ApiError(
      {
        type: 'about:blank',
        status: response.status,
        code: response.status >= 500 ? 'internal_error' : 'bad_request',
        title: response.status >= 500 ? 'Lỗi máy chủ' : 'Yêu cầu không thành công',
        detail: `Máy chủ trả lời không như mong đợi (HTTP ${response.status}). Vui lòng thử lại sau.`,
        requestId: response.headers.get('X-Request-Id'),
      },
      retryAfter,
    );
  }

  static network(): ApiError {
    return new ApiError({
      type: 'about:blank',
      status: 0,
      code: 'service_unavailable',
      title: 'Không kết nối được máy chủ',
      detail: 'Kiểm tra kết nối mạng rồi thử lại.',
    });
  }
}

function isProblem(body: unknown): body is Problem {
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as Problem).code === 'string' &&
    typeof (body as Problem).title === 'string' &&
    typeof (body as Problem).status === 'number'
  );
}

function parseRetryAfter(value: string | null): number | null {
  if (value === null) return null;
  const seconds = Number.parseInt(value, 10);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

type FieldPath = (string | number)[];

export interface FieldErrorGroup {
  name: FieldPath;
  errors: string[];
}

/** `items[2].name` → `['items', 2, 'name']` (the form library's path notation). */
export function parseFieldPath(field: string): FieldPath {
  const path: FieldPath = [];
  for (const part of field.split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      path.push(part);
      continue;
    }
    if (match[1]) path.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) path.push(Number(index[1]));
  }
  return path;
}

/**
 * Splits a problem's field errors into those that belong to a field of the form (grouped per
 * field, in the server's order) and the rest, which the form must show on its own.
 */
export function problemFieldErrors(
  problem: Problem,
  formFields: readonly string[],
): { fields: FieldErrorGroup[]; unmatched: FieldError[] } {
  const groups = new Map<string, FieldErrorGroup>();
  const unmatched: FieldError[] = [];
  for (const error of problem.errors ?? []) {
    const name = parseFieldPath(error.field);
    if (!formFields.includes(String(name[0]))) {
      unmatched.push(error);
      continue;
    }
    const key = name.join('.');
    const group = groups.get(key) ?? { name, errors: [] };
    group.errors.push(error.message);
    groups.set(key, group);
  }
  return { fields: [...groups.values()], unmatched };
}

/** Said when every message of a problem is shown next to its field. */
export const SEE_MARKED_FIELDS = 'Vui lòng sửa các ô được đánh dấu đỏ bên dưới rồi thử lại.';

/**
 * What a problem says to people, beyond its short title, in the order to show it: the server's
 * detail, then the field messages no form field shows (`formFields` are shown by the form), or a
 * pointer to the marked fields when they show them all. Never the request id, which is a detail
 * for support shown apart, in small print.
 */
export function problemMessages(problem: Problem, formFields: readonly string[] = []): string[] {
  const { fields, unmatched } = problemFieldErrors(problem, formFields);
  const messages = [
    ...(problem.detail?.trim() ? [problem.detail.trim()] : []),
    ...unmatched.map((error) => error.message),
  ];
  if (messages.length === 0 && fields.length > 0) return [SEE_MARKED_FIELDS];
  return messages;
}
