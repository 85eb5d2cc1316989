import { describe, expect, it } from 'vitest';
import type { Role } from './api/models';
import { activeNavPath, navItemsFor } from './navigation';

const labels = (role: Role) => navItemsFor(role).map((item) => item.label);
/** Everyone follows the programme; what they may change there depends on the role. */
/** The reporting calendar and difficulties, for everyone. */
const CALENDAR = ['Lịch báo cáo', 'Khó khăn, vướng mắc'];
const PROGRAMME = ['Điển hình', 'Giới thiệu hằng tháng', 'Phong trào thi đua', 'Tiêu chí đánh giá'];
/** The proposals, and the catalogue behind them for those who keep it. */
const COMMENDATIONS = ['Khen thưởng', 'Danh mục khen thưởng'];
/** The council, its ballots, the notices' moderation and the eligibility facts. */
const COMMENDATIONS = [
  'Hội đồng Thi đua – Khen thưởng',
  'Phiếu biểu quyết',
  'Kiểm duyệt công khai',
  'Điều kiện khen thưởng',
];

describe('navItemsFor', () => {
  it('gives the administrator every section', () => {
    expect(labels('admin')).toEqual([
      'Trang chủ',
      ...PROGRAMME,
      ...COMMENDATIONS,
      'Hội đồng Thi đua – Khen thưởng',
      'Phiếu biểu quyết',
      'Đơn vị',
      'Tuyên truyền',
      'Người dùng',
      'Tài khoản tích hợp',
      'Nhật ký hệ thống',
      'Hồ sơ cá nhân',
      ...CALENDAR,
      'Cài đặt lịch báo cáo',
      'Webhook',
    ]);
  });

  it('gives the Office the audit log but not user or service-account management', () => {
    expect(labels('office')).toEqual([
      'Trang chủ',
      ...PROGRAMME,
      ...COMMENDATIONS,
      'Đơn vị',
      'Tuyên truyền',
      'Nhật ký hệ thống',
      'Hồ sơ cá nhân',
      ...CALENDAR,
      'Cài đặt lịch báo cáo',
    ]);
  });

  it('gives the leadership the council, the notices and the eligibility facts', () => {
    expect(labels('leader')).toEqual([
      'Trang chủ',
      ...PROGRAMME,
      ...COMMENDATIONS,
      'Đơn vị',
      'Hồ sơ cá nhân',
    ]);
  });

  it.each<Role>(['unit_head', 'unit_staff'])(
    'keeps %s to the shared sections, the programme and their ballots',
    (role) => {
      expect(labels(role)).toEqual(['Trang chủ', ...PROGRAMME, 'Đơn vị', 'Hồ sơ cá nhân', ...CALENDAR]);
      expect(labels(role)).toEqual(['Trang chủ', ...PROGRAMME, 'Khen thưởng', 'Đơn vị', 'Hồ sơ cá nhân']);
      expect(labels(role)).toEqual([
        'Trang chủ',
        ...PROGRAMME,
        'Phiếu biểu quyết',
        'Đơn vị',
        'Hồ sơ cá nhân',
      ]);
      expect(labels(role)).toEqual(['Trang chủ', ...PROGRAMME, 'Đơn vị', 'Tuyên truyền', 'Hồ sơ cá nhân']);
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
