import { countOrNull, reachText } from './channels';

describe('reachText', () => {
  it('lists the reach recorded, in Vietnamese number format', () => {
    expect(reachText({ views: 1250, shares: 30, attendees: null })).toBe('1.250 lượt xem · 30 lượt chia sẻ');
    expect(reachText({ views: null, shares: undefined, attendees: 0 })).toBe('0 người dự');
    expect(reachText({ views: null, shares: null, attendees: null })).toBe('—');
  });
});

describe('countOrNull', () => {
  it('keeps numbers, drops empty fields', () => {
    expect(countOrNull(12)).toBe(12);
    expect(countOrNull('7')).toBe(7);
    expect(countOrNull('')).toBeNull();
    expect(countOrNull(null)).toBeNull();
  });
});
