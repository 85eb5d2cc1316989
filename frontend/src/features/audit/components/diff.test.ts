import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './diff';

describe('diffSnapshots', () => {
  it('lists only the fields an update changed, ignoring version bookkeeping', () => {
    const before = {
      code: 'TGPL',
      name: 'Trung tâm TGPL',
      active: true,
      version: 3,
      updatedAt: '2026-01-01T00:00:00Z',
    };
    const after = {
      code: 'TGPL',
      name: 'Trung tâm Trợ giúp pháp lý',
      active: false,
      version: 4,
      updatedAt: '2026-02-01T00:00:00Z',
    };
    expect(diffSnapshots(before, after)).toEqual([
      { field: 'name', before: 'Trung tâm TGPL', after: 'Trung tâm Trợ giúp pháp lý' },
      { field: 'active', before: true, after: false },
    ]);
  });

  it('compares nested values by content', () => {
    const before = { unit: { id: 1, name: 'Văn phòng Sở' }, scopes: ['units:read'] };
    const after = { unit: { id: 1, name: 'Văn phòng Sở' }, scopes: ['units:read', 'users:read'] };
    expect(diffSnapshots(before, after)).toEqual([
      { field: 'scopes', before: ['units:read'], after: ['units:read', 'users:read'] },
    ]);
  });

  it('lists every filled field of a created or deleted record', () => {
    const record = { code: 'PCC3', email: null, name: 'Phòng Công chứng số 3' };
    expect(diffSnapshots(null, record).map((change) => change.field)).toEqual(['code', 'name']);
    expect(diffSnapshots(record, null).map((change) => change.field)).toEqual(['code', 'name']);
  });
});
