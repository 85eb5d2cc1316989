import { describe, expect, it } from 'vitest';
import type { Role } from './api/models';
import { activeNavPath, navItemsFor } from './navigation';

const labels = (role: Role) => navItemsFor(role).map((item) => item.label);

describe('navItemsFor', () => {
  it('gives the administrator every section', () => {
    expect(labels('admin')).toEqual([
      'Trang chủ',
      'Đơn vị',
      'Người dùng',
      'Tài khoản tích hợp',
      'Nhật ký hệ thống',
      'Hồ sơ cá nhân',
    ]);
  });

  it('gives the Office the audit log but not user or service-account management', () => {
    expect(labels('office')).toEqual(['Trang chủ', 'Đơn vị', 'Nhật ký hệ thống', 'Hồ sơ cá nhân']);
  });

  it.each<Role>(['leader', 'unit_head', 'unit_staff'])('keeps %s to the shared sections', (role) => {
    expect(labels(role)).toEqual(['Trang chủ', 'Đơn vị', 'Hồ sơ cá nhân']);
  });
});

describe('activeNavPath', () => {
  it('highlights the section a page belongs to', () => {
    expect(activeNavPath('/don-vi')).toBe('/don-vi');
    expect(activeNavPath('/nguoi-dung/12')).toBe('/nguoi-dung');
    expect(activeNavPath('/')).toBe('/');
    expect(activeNavPath('/khong-co')).toBe('/');
  });
});
