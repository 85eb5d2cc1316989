import { describe, expect, it } from 'vitest';
import type { Problem } from './models';
import { ApiError, parseFieldPath, problemFieldErrors, problemMessages, SEE_MARKED_FIELDS } from './problem';

const problem: Problem = {
  type: 'urn:lantoa:problem:validation_failed',
  title: 'Dữ liệu không hợp lệ',
  status: 422,
  code: 'validation_failed',
  requestId: 'req-1',
  errors: [
    { field: 'code', code: 'taken', message: 'Mã này đã được dùng cho đơn vị khác.' },
    { field: 'parentId', code: 'required', message: 'Chọn đơn vị cấp trên.' },
    { field: 'code', code: 'length', message: 'Mã đơn vị có từ 2 đến 20 ký tự.' },
    { field: 'items[2].name', code: 'required', message: 'Nhập tên.' },
    { field: 'temporaryPassword', code: 'length', message: 'Mật khẩu quá ngắn.' },
  ],
};

describe('parseFieldPath', () => {
  it('turns JSON paths into form paths', () => {
    expect(parseFieldPath('parentId')).toEqual(['parentId']);
    expect(parseFieldPath('items[2].name')).toEqual(['items', 2, 'name']);
    expect(parseFieldPath('matrix[1][0]')).toEqual(['matrix', 1, 0]);
  });
});

describe('problemFieldErrors', () => {
  it('groups messages per form field and keeps the rest for the alert', () => {
    const { fields, unmatched } = problemFieldErrors(problem, ['code', 'parentId', 'items']);
    expect(fields).toEqual([
      { name: ['code'], errors: ['Mã này đã được dùng cho đơn vị khác.', 'Mã đơn vị có từ 2 đến 20 ký tự.'] },
      { name: ['parentId'], errors: ['Chọn đơn vị cấp trên.'] },
      { name: ['items', 2, 'name'], errors: ['Nhập tên.'] },
    ]);
    expect(unmatched).toEqual([
      { field: 'temporaryPassword', code: 'length', message: 'Mật khẩu quá ngắn.' },
    ]);
  });

  it('leaves every error to the alert when the form has none of the fields', () => {
    const { fields, unmatched } = problemFieldErrors(problem, []);
    expect(fields).toEqual([]);
    expect(unmatched).toHaveLength(5);
  });
});

describe('ApiError.fromResponse', () => {
  it('keeps the server problem and the Retry-After delay', () => {
    const response = new Response(null, { status: 429, headers: { 'Retry-After': '42' } });
    const error = ApiError.fromResponse(response, { ...problem, status: 429, code: 'too_many_requests' });
    expect(error.code).toBe('too_many_requests');
    expect(error.retryAfter).toBe(42);
    expect(error.requestId).toBe('req-1');
  });

  it('explains a response that is not a problem document in Vietnamese', () => {
    const response = new Response('<html>Bad Gateway</html>', {
      status: 502,
      headers: { 'X-Request-Id': 'proxy-7' },
    });
    const error = ApiError.fromResponse(response, '<html>Bad Gateway</html>');
    expect(error.status).toBe(502);
    expect(error.code).toBe('internal_error');
    expect(error.problem.detail).toContain('HTTP 502');
    expect(error.requestId).toBe('proxy-7');
  });
});

describe('problemMessages', () => {
  const bare: Problem = {
    type: 'urn:lantoa:problem:validation_failed',
    title: 'Dữ liệu không hợp lệ',
    status: 422,
    code: 'validation_failed',
    requestId: '0b9f3c2e-5d1a-4c7e-9f00-2a7d6c1e8b11',
  };

  it('puts the detail first, then the field messages no form field shows, never the request id', () => {
    const messages = problemMessages({ ...problem, detail: 'Không lưu được đơn vị.' }, ['code', 'items']);
    expect(messages).toEqual(['Không lưu được đơn vị.', 'Chọn đơn vị cấp trên.', 'Mật khẩu quá ngắn.']);
    expect(messages.join(' ')).not.toContain('req-1');
  });

  it('explains a refusal outside any form by its field messages rather than leaving only the request id', () => {
    expect(problemMessages(problem)).toEqual(problem.errors!.map((error) => error.message));
  });

  it('points at the marked fields when the form shows every message', () => {
    expect(problemMessages(problem, ['code', 'parentId', 'items', 'temporaryPassword'])).toEqual([
      SEE_MARKED_FIELDS,
    ]);
  });

  it('leaves the title alone when there is nothing more to say', () => {
    expect(problemMessages(bare)).toEqual([]);
    expect(problemMessages({ ...bare, detail: '  ' })).toEqual([]);
  });
});
