import { describe, expect, it } from 'vitest';
import { moderationReason, noticeWindow } from './notice-logic';

describe('noticeWindow', () => {
  const starts = '2026-12-01T00:00:00Z';
  const ends = '2026-12-11T00:00:00Z';

  it('is upcoming before its start and ended from its end on', () => {
    expect(noticeWindow(starts, ends, new Date('2026-11-30T23:59:59Z'))).toEqual({ kind: 'upcoming' });
    expect(noticeWindow(starts, ends, new Date('2026-12-11T00:00:00Z'))).toEqual({ kind: 'ended' });
  });

  it('counts a started day as a day left', () => {
    expect(noticeWindow(starts, ends, new Date('2026-12-01T00:00:00Z'))).toEqual({
      kind: 'running',
      daysLeft: 10,
    });
    expect(noticeWindow(starts, ends, new Date('2026-12-10T23:00:00Z'))).toEqual({
      kind: 'running',
      daysLeft: 1,
    });
  });
});

describe('moderationReason', () => {
  it('requires a reason to hide a comment', () => {
    expect(moderationReason(false, '   ')).toEqual({ ok: false });
    expect(moderationReason(false, ' Nội dung không liên quan ')).toEqual({
      ok: true,
      reason: 'Nội dung không liên quan',
    });
  });

  it('takes an optional note to approve one', () => {
    expect(moderationReason(true, '')).toEqual({ ok: true, reason: null });
    expect(moderationReason(true, 'Đã xác minh')).toEqual({ ok: true, reason: 'Đã xác minh' });
  });
});
