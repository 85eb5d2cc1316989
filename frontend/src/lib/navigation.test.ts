import { describe, expect, it } from 'vitest';
import type { Role } from './api/models';
import { activeNavPath, navItemsFor } from './navigation';

const labels = (role: Role) => navItemsFor(role).map((item) => item.label);
/** Everyone follows the programme and its calendar. */
const PROGRAMME = [
  'Điển hình',
  'Giới thiệu hằng tháng',
  'Phong trào thi đua',
  'Tiêu chí đánh giá',
  'Lịch báo cáo',
  'Báo cáo',
  'Khó khăn, vướng mắc',
];
/** Everyone sees the proposals and their own ballots (a council member may hold any role). */
const COMMENDATIONS = ['Khen thưởng', 'Phiếu biểu quyết'];
/** The council, the notices' moderation and the eligibility facts. */
const COUNCIL = ['Hội đồng Thi đua – Khen thưởng', 'Kiểm duyệt công khai', 'Điều kiện khen thưởng'];

describe('navItemsFor', () => {
  it('gives the administrator the catalogue, the accounts, the settings and the log', () => {
    expect(labels('admin')).toEqual([
      'Trang chủ',
      ...PROGRAMME,
      ...COMMENDATIONS,
      'Hội đồng Thi đua – Khen thưởng',
      'Danh mục khen thưởng',
      'Tuyên truyền',
      'Đơn vị',
      'Người dùng',
      'Tài khoản tích hợp',
      'Cài đặt lịch báo cáo',
      'Webhook',
      'Nhật ký hệ thống',
      'Hồ sơ cá nhân',
    ]);
  });

  it('gives the Office the commendation pipeline and the audit log but not account management', () => {
    expect(labels('office')).toEqual([
      'Trang chủ',
      ...PROGRAMME,
      ...COMMENDATIONS,
      ...COUNCIL,
      'Danh mục khen thưởng',
      'Tuyên truyền',
      'Đơn vị',
      'Cài đặt lịch báo cáo',
      'Nhật ký hệ thống',
      'Hồ sơ cá nhân',
    ]);
  });

  it('gives the leadership the council, the notices and the eligibility facts', () => {
    expect(labels('leader')).toEqual([
      'Trang chủ',
      ...PROGRAMME,
      ...COMMENDATIONS,
      ...COUNCIL,
      'Tuyên truyền',
      'Đơn vị',
      'Hồ sơ cá nhân',
    ]);
  });

  it.each<Role>(['unit_head', 'unit_staff'])(
    'keeps %s to the programme, their proposals and ballots, and their propagation log',
    (role) => {
      expect(labels(role)).toEqual([
        'Trang chủ',
        ...PROGRAMME,
        ...COMMENDATIONS,
        'Tuyên truyền',
        'Đơn vị',
        'Hồ sơ cá nhân',
      ]);
    },
  );
});

describe('activeNavPath', () => {
  it('highlights the section a page belongs to', () => {
    expect(activeNavPath('/don-vi')).toBe('/don-vi');
    expect(activeNavPath('/nguoi-dung/12')).toBe('/nguoi-dung');
    expect(activeNavPath('/')).toBe('/');
    expect(activeNavPath('/khong-co')).toBe('/');
    expect(activeNavPath('/diem-hinh/12/sua')).toBe('/diem-hinh');
    expect(activeNavPath('/gioi-thieu')).toBe('/gioi-thieu');
  });

  it('keeps an evaluation under the exemplars it belongs to', () => {
    expect(activeNavPath('/danh-gia/7')).toBe('/diem-hinh');
  });

  it('highlights the propagation log', () => {
    expect(activeNavPath('/tuyen-truyen')).toBe('/tuyen-truyen');
  });

  it('highlights nothing on the help page, which the header opens', () => {
    expect(activeNavPath('/huong-dan')).toBe('/huong-dan');
    expect(navItemsFor('admin').some((item) => item.path === activeNavPath('/huong-dan'))).toBe(false);
  });

  it('does not confuse sections that share a prefix', () => {
    expect(activeNavPath('/don-vi-khac')).toBe('/');
  });
});
