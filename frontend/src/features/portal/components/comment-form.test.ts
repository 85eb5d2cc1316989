import { ApiError } from '@/lib/api/problem';
import { describeSendFailure, EMPTY_COMMENT, toCommentInput, validateComment } from './comment-form';

describe('validateComment', () => {
  it('asks for a name and a text of the lengths the API takes', () => {
    expect(validateComment(EMPTY_COMMENT)).toEqual({
      authorName: ['Nhập họ và tên (ít nhất 2 ký tự).'],
      body: ['Nhập nội dung ý kiến (ít nhất 5 ký tự).'],
    });
    const ok = { ...EMPTY_COMMENT, authorName: ' An ', body: 'Đồng ý.' };
    expect(validateComment(ok)).toEqual({});
    expect(validateComment({ ...ok, body: 'x'.repeat(2001) }).body).toEqual([
      'Nội dung dài tối đa 2.000 ký tự.',
    ]);
    expect(validateComment({ ...ok, body: 'x'.repeat(2000) })).toEqual({});
    expect(validateComment({ ...ok, contact: 'x'.repeat(201) }).contact).toHaveLength(1);
  });
});

describe('toCommentInput', () => {
  it('trims, sends no empty contact and the nominee as a number', () => {
    expect(
      toCommentInput({ authorName: ' Nguyễn Văn Dân ', contact: ' ', body: ' Tốt. ', nomineeId: '7' }),
    ).toEqual({ authorName: 'Nguyễn Văn Dân', contact: null, body: 'Tốt.', nomineeId: 7 });
    expect(toCommentInput({ ...EMPTY_COMMENT, nomineeId: '' }).nomineeId).toBeNull();
  });
});

const problem = (status: number, extra: object = {}) => ({
  type: 'about:blank',
  status,
  code: 'validation_failed' as const,
  title: 'Dữ liệu không hợp lệ',
  ...extra,
});

describe('describeSendFailure', () => {
  it('says how long to wait when rate-limited', () => {
    const failure = describeSendFailure(
      new ApiError({ ...problem(429), code: 'too_many_requests' as const }, 600),
    );
    expect(failure.messages).toEqual([
      'Bạn đã gửi quá nhiều ý kiến trong thời gian ngắn. Vui lòng thử lại sau 10 phút.',
    ]);
    expect(
      describeSendFailure(new ApiError({ ...problem(429), code: 'too_many_requests' as const }, 30))
        .messages[0],
    ).toContain('30 giây');
  });

  it('puts field messages under their fields and the rest above the form', () => {
    const failure = describeSendFailure(
      new ApiError(
        problem(422, {
          errors: [
            { field: 'body', code: 'length', message: 'Nội dung quá dài.' },
            { field: 'other', code: 'x', message: 'Lỗi khác.' },
          ],
        }),
      ),
    );
    expect(failure.fields).toEqual({ body: ['Nội dung quá dài.'] });
    expect(failure.messages).toEqual(['Lỗi khác.']);
  });

  it('explains a closed notice and a network failure', () => {
    expect(
      describeSendFailure(new ApiError({ ...problem(409), code: 'conflict' as const })).messages,
    ).toEqual(['Thời hạn lấy ý kiến đã kết thúc.']);
    expect(describeSendFailure(new Error('x')).messages[0]).toContain('Không gửi được');
  });
});
