import { describe, expect, it } from 'vitest';
import {
  filledSections,
  mayEdit,
  mayOfferCreate,
  NARRATIVE_SECTIONS,
  ownerText,
  periodText,
  statusText,
  stepButtons,
} from './labels';

describe('report labels', () => {
  it('names the statuses by whose report it is', () => {
    expect(statusText('draft', 'unit')).toBe('Dự thảo');
    expect(statusText('submitted', 'unit')).toBe('Đã gửi, chờ Văn phòng Sở tiếp nhận');
    expect(statusText('accepted', 'unit')).toBe('Đã tiếp nhận');
    expect(statusText('submitted', 'office')).toBe('Chờ Lãnh đạo Sở phê duyệt');
    expect(statusText('accepted', 'office')).toBe('Đã phê duyệt');
    expect(statusText('returned', 'office')).toBe('Bị trả lại');
  });

  it('says the period as people do', () => {
    const base = { from: '2026-01-01', to: '2026-12-31' };
    expect(periodText({ ...base, kind: 'annual_report', period: '2026' })).toBe('Năm 2026');
    expect(periodText({ ...base, kind: 'midterm_review', period: '2026-2028' })).toBe('Giai đoạn 2026–2028');
    expect(periodText({ ...base, kind: 'final_review', period: '2026-2030' })).toBe('Giai đoạn 2026–2030');
    expect(
      periodText({
        kind: 'on_demand',
        period: '2026-01-01..2026-06-30',
        from: '2026-01-01',
        to: '2026-06-30',
      }),
    ).toBe('Từ 01/01/2026 đến 30/06/2026');
  });

  it('says whose report it is', () => {
    expect(ownerText({ owner: 'unit', unit: { name: 'Phòng Bổ trợ tư pháp' } })).toBe('Phòng Bổ trợ tư pháp');
    expect(ownerText({ owner: 'office', unit: null })).toBe('Văn phòng Sở (báo cáo tổng hợp)');
    expect(ownerText({ owner: 'on_demand' })).toBe('Toàn Sở');
  });

  it('maps the six narrative sections to the API fields, in the report order', () => {
    expect(NARRATIVE_SECTIONS.map((s) => [s.key, s.title])).toEqual([
      ['achievements', 'Kết quả đạt được'],
      ['shortcomings', 'Hạn chế'],
      ['causes', 'Nguyên nhân'],
      ['lessons', 'Bài học kinh nghiệm'],
      ['directions', 'Phương hướng, nhiệm vụ thời gian tới'],
      ['recommendations', 'Kiến nghị, đề xuất'],
    ]);
    expect(filledSections({ achievements: 'Đã phát hiện 6 điển hình', causes: '  ', lessons: 'x' })).toBe(2);
  });

  it('offers a button for each step the server allows, never for editing', () => {
    expect(stepButtons(['edit', 'submit'], 'unit').map((b) => [b.step, b.label])).toEqual([
      ['submit', 'Gửi báo cáo'],
    ]);
    expect(stepButtons(['edit', 'submit'], 'office').map((b) => b.label)).toEqual([
      'Trình Lãnh đạo Sở phê duyệt',
    ]);
    expect(stepButtons(['return', 'accept'], 'unit').map((b) => b.step)).toEqual(['accept', 'return']);
    expect(stepButtons(['return', 'approve'], 'office').map((b) => b.step)).toEqual(['approve', 'return']);
    expect(stepButtons(['edit', 'resubmit'], 'unit').map((b) => b.label)).toEqual(['Gửi lại']);
    expect(stepButtons([], 'unit')).toEqual([]);
    expect(mayEdit(['edit', 'submit'])).toBe(true);
    expect(mayEdit(['accept'])).toBe(false);
  });

  it('requires a note only to return a report', () => {
    const [accept, ret] = stepButtons(['accept', 'return'], 'unit');
    expect(accept.noteRequired).toBe(false);
    expect(accept.noteLabel).toBeTruthy();
    expect(ret.noteRequired).toBe(true);
    expect(ret.danger).toBe(true);
    const [submit] = stepButtons(['submit'], 'unit');
    expect(submit.noteLabel).toBeNull();
  });

  it('offers to start a calendar report to the Office and to the unit whose report it is', () => {
    expect(mayOfferCreate('office', null, undefined)).toBe(true);
    expect(mayOfferCreate('office', null, 12)).toBe(true);
    expect(mayOfferCreate('unit_head', 12, 12)).toBe(true);
    expect(mayOfferCreate('unit_staff', 12, 12)).toBe(true);
    expect(mayOfferCreate('unit_head', 12, 13)).toBe(false);
    expect(mayOfferCreate('unit_head', 12, undefined)).toBe(false);
    expect(mayOfferCreate('leader', null, undefined)).toBe(false);
    expect(mayOfferCreate('admin', null, 12)).toBe(false);
  });
});
