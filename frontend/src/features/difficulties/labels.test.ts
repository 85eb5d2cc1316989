import { describe, expect, it } from 'vitest';
import { DIFFICULTY_STATUS, durationText } from './labels';

describe('difficulty labels', () => {
  it('names every status in Vietnamese', () => {
    expect(Object.values(DIFFICULTY_STATUS).map((s) => s.label)).toEqual([
      'Chờ Văn phòng Sở xử lý',
      'Văn phòng Sở đã trả lời',
      'Đã báo cáo Lãnh đạo Sở',
      'Lãnh đạo Sở đã chỉ đạo',
      'Đã kết thúc',
    ]);
  });

  it('says how long a step took', () => {
    expect(durationText(null)).toBe('—');
    expect(durationText(59)).toBe('1 phút');
    expect(durationText(45 * 60)).toBe('45 phút');
    expect(durationText(3 * 3600 + 20 * 60)).toBe('3 giờ 20 phút');
    expect(durationText(5 * 3600)).toBe('5 giờ');
    expect(durationText(2 * 86400 + 4 * 3600)).toBe('2 ngày 4 giờ');
    expect(durationText(29 * 3600 + 10)).toBe('1 ngày 5 giờ');
  });
});
