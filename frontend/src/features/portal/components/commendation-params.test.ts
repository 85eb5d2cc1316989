import {
  commendationParams,
  decisionText,
  headline,
  portalPathOf,
  roleLine,
  yearOptions,
} from './commendation-params';
import { currentYear, publicDay } from './format';

describe('commendationParams', () => {
  it('reads the filters from the address and ignores what is malformed', () => {
    expect(commendationParams(new URLSearchParams('q=%20hoa%20giai%20&year=2026&unitId=3&page=2'))).toEqual({
      q: 'hoa giai',
      year: 2026,
      unitId: 3,
      page: 2,
      pageSize: 12,
    });
    expect(commendationParams(new URLSearchParams('q=%20&year=1999&unitId=x&page=0'))).toEqual({
      q: undefined,
      year: undefined,
      unitId: undefined,
      page: 1,
      pageSize: 12,
    });
    expect(commendationParams(new URLSearchParams('year=2026a')).year).toBeUndefined();
  });
});

describe('yearOptions', () => {
  it('offers the last ten years, newest first, and the one chosen', () => {
    expect(yearOptions(2026)).toHaveLength(10);
    expect(yearOptions(2026).slice(0, 2)).toEqual([2026, 2025]);
    expect(yearOptions(2026, 2010).at(-1)).toBe(2010);
    expect(yearOptions(2026, 2025)).toHaveLength(10);
  });
});

describe('decisionText', () => {
  it('says the number and the day of the decision, as far as they are known', () => {
    expect(decisionText({ decisionNumber: '05/QĐ-STP', decisionDate: '2026-12-10' })).toBe(
      'Quyết định số 05/QĐ-STP ngày 10/12/2026',
    );
    expect(decisionText({ decisionNumber: '05/QĐ-STP', decisionDate: null })).toBe('Quyết định số 05/QĐ-STP');
    expect(decisionText({ decisionNumber: null, decisionDate: '2026-01-02' })).toBe(
      'Quyết định ngày 02/01/2026',
    );
    expect(decisionText({ decisionNumber: ' ', decisionDate: null })).toBeNull();
  });
});

describe('roleLine', () => {
  it('joins the job title and the workplace', () => {
    expect(roleLine({ jobTitle: 'Hòa giải viên', workplace: 'Tổ hòa giải ấp Tân Hòa' })).toBe(
      'Hòa giải viên – Tổ hòa giải ấp Tân Hòa',
    );
    expect(roleLine({ jobTitle: null, workplace: 'Phòng Tư pháp huyện' })).toBe('Phòng Tư pháp huyện');
  });
});

describe('headline', () => {
  it('keeps the first paragraph, cut at a word', () => {
    expect(headline('Dòng đầu.\n\nĐoạn sau.')).toBe('Dòng đầu.');
    expect(headline('\n  Chỉ một   dòng  ')).toBe('Chỉ một dòng');
    const long = 'Hòa giải thành nhiều vụ tranh chấp đất đai kéo dài, được nhân dân ghi nhận.';
    expect(headline(long, 40)).toBe('Hòa giải thành nhiều vụ tranh chấp đất…');
    expect(headline('', 10)).toBe('');
  });
});

describe('portalPathOf', () => {
  it('turns a portal address into a path of this app', () => {
    expect(portalPathOf('https://congkhai.sotuphap.dongthap.gov.vn/cong-khai/guong-dien-hinh/4')).toBe(
      '/cong-khai/guong-dien-hinh/4',
    );
    expect(portalPathOf('/cong-khai/khen-thuong/7?x=1')).toBe('/cong-khai/khen-thuong/7?x=1');
    expect(portalPathOf('https://example.vn/khac')).toBeNull();
    expect(portalPathOf('/cong-khaiX')).toBeNull();
    expect(portalPathOf(null)).toBeNull();
  });
});

describe('public dates', () => {
  it('shows an API day as dd/mm/yyyy', () => {
    expect(publicDay('2026-12-10')).toBe('10/12/2026');
    expect(publicDay('10/12/2026')).toBe('');
    expect(publicDay(null)).toBe('');
  });

  it("reads the year in Vietnam's time", () => {
    expect(currentYear(new Date('2026-12-31T18:00:00Z'))).toBe(2027);
    expect(currentYear(new Date('2026-12-31T16:00:00Z'))).toBe(2026);
  });
});
