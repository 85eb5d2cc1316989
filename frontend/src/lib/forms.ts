import type { FormInstance } from 'antd';
import { isApiError, problemFieldErrors } from '@/lib/api/problem';

/**
 * Puts the server's per-field messages under the matching form fields. What the user typed
 * stays as it is; errors for fields the form does not have are left to the error alert.
 */
export function showServerErrors(form: FormInstance, error: unknown, formFields: readonly string[]): void {
  if (!isApiError(error)) return;
  const { fields } = problemFieldErrors(error.problem, formFields);
  form.setFields(fields.map(({ name, errors }) => ({ name, errors })));
}

/** Empty text inputs are sent as `null` (the API's "not set"), not as empty strings. */
export function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
