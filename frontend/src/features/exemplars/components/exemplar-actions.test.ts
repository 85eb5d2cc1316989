import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/api/models';
import { exemplarPermissions, type ExemplarState } from './exemplar-actions';

const TGPL = 8;
const OTHER = 9;

function state(patch: Partial<ExemplarState> = {}): ExemplarState {
  return {
    unit: { id: TGPL, code: 'TGPL', shortName: 'Trung tâm TGPL', name: 'Trung tâm Trợ giúp pháp lý' },
    stage: 'discovered',
    recordStatus: 'draft',
    proposal: null,
    nextStages: ['nurturing', 'stopped'],
    ...patch,
  };
}

const actionsOf = (role: Role, exemplar: ExemplarState, unitId: number | null = TGPL) =>
  exemplarPermissions({ role, unitId }, exemplar).actions;

const proposal = { toStage: 'nurturing' as const, note: null, proposedAt: '2026-11-02T01:00:00Z' };

describe('exemplarPermissions', () => {
  describe('a draft of the unit', () => {
    it('lets the staff edit or delete it, but not submit it', () => {
      expect(actionsOf('unit_staff', state())).toEqual(['edit', 'delete']);
    });

    it('lets the unit head submit it', () => {
      expect(actionsOf('unit_head', state())).toEqual(['edit', 'submit', 'delete']);
    });

    it('gives the Office editing only: it is not submitted, so there is nothing to confirm or move', () => {
      expect(actionsOf('office', state(), null)).toEqual(['edit', 'delete']);
    });

    it('gives the leadership and the administrator nothing to do', () => {
      expect(actionsOf('leader', state(), null)).toEqual([]);
      expect(actionsOf('admin', state(), null)).toEqual([]);
    });

    it('gives another unit nothing, not even a self-assessment', () => {
      const other = exemplarPermissions({ role: 'unit_head', unitId: OTHER }, state());
      expect(other).toEqual({ actions: [], canEditRecords: false, evaluatorKinds: [] });
    });
  });

  describe('a submitted record', () => {
    const submitted = state({ recordStatus: 'submitted' });

    it('is no longer editable by the unit, whose head may propose a stage move', () => {
      expect(actionsOf('unit_staff', submitted)).toEqual([]);
      expect(actionsOf('unit_head', submitted)).toEqual(['propose']);
    });

    it('may be confirmed, returned or moved by the Office and the leadership', () => {
      expect(actionsOf('office', submitted, null)).toEqual(['edit', 'confirm', 'return', 'move']);
      expect(actionsOf('leader', submitted, null)).toEqual(['confirm', 'return', 'move']);
    });

    it('with a pending proposal: the head may withdraw it, the reviewers decide on it', () => {
      const pending = state({ recordStatus: 'submitted', proposal });
      expect(actionsOf('unit_head', pending)).toEqual(['withdrawProposal']);
      expect(actionsOf('leader', pending, null)).toEqual([
        'confirm',
        'return',
        'confirmProposal',
        'rejectProposal',
        'move',
      ]);
    });
  });

  it('does not carry out the proposal of a record returned to the unit, which may still drop it', () => {
    const returned = state({ recordStatus: 'draft', proposal });
    expect(actionsOf('office', returned, null)).toEqual(['edit', 'rejectProposal', 'delete']);
    expect(actionsOf('unit_head', returned)).toEqual(['edit', 'submit', 'withdrawProposal', 'delete']);
  });

  it('offers no stage move from a stage the plan does not continue', () => {
    const stopped = state({ recordStatus: 'confirmed', stage: 'stopped', nextStages: ['archived'] });
    expect(actionsOf('unit_head', stopped)).toEqual(['propose']);
    const nowhere = state({ recordStatus: 'confirmed', stage: 'replicated', nextStages: [] });
    expect(actionsOf('unit_head', nowhere)).toEqual([]);
    expect(actionsOf('office', nowhere, null)).toEqual(['edit']);
  });

  it('freezes an archived exemplar for everyone', () => {
    const archived = state({ recordStatus: 'confirmed', stage: 'archived', nextStages: [] });
    for (const role of ['office', 'leader', 'unit_head', 'unit_staff'] as Role[]) {
      expect(exemplarPermissions({ role, unitId: TGPL }, archived)).toEqual({
        actions: [],
        canEditRecords: false,
        evaluatorKinds: [],
      });
    }
  });

  it('lets the unit and the Office keep the stage records, whatever the review status', () => {
    const confirmed = state({ recordStatus: 'confirmed', stage: 'nurturing' });
    expect(exemplarPermissions({ role: 'unit_staff', unitId: TGPL }, confirmed).canEditRecords).toBe(true);
    expect(exemplarPermissions({ role: 'office', unitId: null }, confirmed).canEditRecords).toBe(true);
    expect(exemplarPermissions({ role: 'leader', unitId: null }, confirmed).canEditRecords).toBe(false);
  });

  it('evaluates in the capacities each role holds', () => {
    const kinds = (role: Role, unitId: number | null) =>
      exemplarPermissions({ role, unitId }, state()).evaluatorKinds;
    expect(kinds('unit_staff', TGPL)).toEqual(['self_assessment']);
    expect(kinds('office', null)).toEqual(['office_review', 'council_member']);
    expect(kinds('leader', null)).toEqual(['council_member', 'office_review']);
    expect(kinds('admin', null)).toEqual([]);
  });
});
