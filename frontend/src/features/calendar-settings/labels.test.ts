import { describe, expect, it } from 'vitest';
import { offsetText, SUBSCRIBABLE_EVENTS } from './labels';

describe('calendar settings labels', () => {
  it('reads reminder offsets', () => {
    expect([-5, -1, 0, 1, 7].map(offsetText)).toEqual([
      '5 ngày trước hạn',
      '1 ngày trước hạn',
      'Đúng ngày hạn',
      '1 ngày sau hạn',
      '7 ngày sau hạn',
    ]);
  });

  it('never offers the ping as a subscription', () => {
    expect(SUBSCRIBABLE_EVENTS).not.toContain('ping');
    expect(SUBSCRIBABLE_EVENTS).toHaveLength(6);
  });
});
