import { describe, expect, it } from 'vitest';
import { parseObligationKey } from './obligation-key';

describe('parseObligationKey', () => {
  it('reads a unit and an Office obligation', () => {
    expect(parseObligationKey('annual_report:2026:12')).toEqual({
      kind: 'annual_report',
      period: '2026',
      responsible: 'unit',
      unitId: 12,
    });
    expect(parseObligationKey('final_review:2026-2030:office')).toEqual({
      kind: 'final_review',
      period: '2026-2030',
      responsible: 'office',
    });
  });

  it('ignores what is not a key', () => {
    expect(parseObligationKey('annual_report:2026')).toBeNull();
    expect(parseObligationKey('bonus:2026:12')).toBeNull();
    expect(parseObligationKey('annual_report:2026:x')).toBeNull();
    expect(parseObligationKey('annual_report:2026:12:9')).toBeNull();
  });
});
