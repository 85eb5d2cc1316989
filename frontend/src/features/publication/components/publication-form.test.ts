import { dayjs } from '@/lib/dates';
import type { CommendationPublication } from '../api/commendation-publication';
import type { Publication } from '../api/publication';
import { actionState, consentField, toConsent, toValues } from './publication-form';

const publication: Publication = {
  exemplarId: 4,
  status: 'not_published',
  public: false,
  publicSummary: 'Chị đã số hóa hồ sơ trợ giúp pháp lý.',
  consentRequired: true,
  consent: { givenOn: '2026-11-20', method: 'written', recordedBy: 'Lê Văn Minh', note: null },
  allowedActions: [{ action: 'edit' }, { action: 'publish', disabledReason: 'Hồ sơ chưa được xác nhận.' }],
  version: 0,
};

describe('publication form', () => {
  it('round-trips the consent between the API and the form', () => {
    const values = toValues(publication);
    expect(values.consentGivenOn?.format('DD/MM/YYYY')).toBe('20/11/2026');
    expect(toConsent(values)).toEqual({
      givenOn: '2026-11-20',
      method: 'written',
      recordedBy: 'Lê Văn Minh',
      note: null,
    });
  });

  it('sends no consent until both the day and the way are given', () => {
    expect(toConsent({ consentMethod: 'verbal' })).toBeNull();
    expect(toConsent({ consentGivenOn: dayjs('2026-11-20') })).toBeNull();
    expect(
      toConsent({ consentGivenOn: dayjs('2026-11-20'), consentMethod: 'email', consentRecordedBy: ' ' }),
    ).toEqual({
      givenOn: '2026-11-20',
      method: 'email',
      recordedBy: null,
      note: null,
    });
  });

  it('reads what the server allows, with its reason', () => {
    expect(actionState(publication, 'publish')).toEqual({
      allowed: true,
      disabledReason: 'Hồ sơ chưa được xác nhận.',
    });
    expect(actionState(publication, 'edit')).toEqual({ allowed: true, disabledReason: null });
    expect(actionState(publication, 'unpublish').allowed).toBe(false);
  });

  it('maps the server field paths to the form', () => {
    expect(consentField('consent.givenOn')).toBe('consentGivenOn');
    expect(consentField('consent')).toBe('consentGivenOn');
    expect(consentField('other')).toBeNull();
  });
});

describe('a decided commendation’s publication', () => {
  it('fills the same form and reads the same actions', () => {
    const commendation: CommendationPublication = {
      nomineeId: 9,
      proposalId: 3,
      decided: true,
      status: 'published',
      public: true,
      publicSummary: 'Hòa giải thành vụ tranh chấp đất đai kéo dài.',
      consentRequired: false,
      consent: null,
      publicUrl: 'https://congkhai.example.vn/cong-khai/khen-thuong/9',
      allowedActions: [{ action: 'edit' }, { action: 'unpublish' }],
      version: 2,
    };
    expect(toValues(commendation).publicSummary).toBe(commendation.publicSummary);
    expect(toConsent(toValues(commendation))).toBeNull();
    expect(actionState(commendation, 'unpublish')).toEqual({ allowed: true, disabledReason: null });
    expect(actionState(commendation, 'publish').allowed).toBe(false);
  });
});
