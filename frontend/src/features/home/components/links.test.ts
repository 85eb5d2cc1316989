import { describe, expect, it } from 'vitest';
import { exemplarListLink, taskLink } from './links';

describe('home-page links', () => {
  it('turns a task’s filters into the exemplar list’s address', () => {
    expect(taskLink({ kind: 'returned', filters: { returned: true } })).toBe('/diem-hinh?returned=true');
    expect(taskLink({ kind: 'drafts', filters: { recordStatus: 'draft' } })).toBe(
      '/diem-hinh?recordStatus=draft',
    );
    expect(taskLink({ kind: 'milestones_due_soon', filters: { milestones: 'due_soon' } })).toBe(
      '/diem-hinh?milestones=due_soon',
    );
    expect(taskLink({ kind: 'proposals_to_decide', filters: { hasProposal: true } })).toBe(
      '/diem-hinh?hasProposal=true',
    );
  });

  it('sends the units missing this month’s introduction to the monthly grid', () => {
    expect(taskLink({ kind: 'introductions_missing', filters: null })).toBe('/gioi-thieu');
    expect(taskLink({ kind: 'introductions_missing' })).toBe('/gioi-thieu');
  });

  it('keeps every figure filter in a stable order and leaves out empty ones', () => {
    expect(exemplarListLink({ stage: 'nurturing', year: 2026, unitId: null })).toBe(
      '/diem-hinh?year=2026&stage=nurturing',
    );
    expect(exemplarListLink({ conclusion: 'passed', year: 2026 })).toBe(
      '/diem-hinh?year=2026&conclusion=passed',
    );
    expect(exemplarListLink({ unitId: 7, year: 2026 })).toBe('/diem-hinh?year=2026&unitId=7');
    expect(exemplarListLink({})).toBe('/diem-hinh');
    expect(exemplarListLink(undefined)).toBe('/diem-hinh');
  });
});
