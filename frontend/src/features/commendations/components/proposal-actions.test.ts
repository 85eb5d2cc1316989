import { describe, expect, it } from 'vitest';
import type { ProposalAllowedAction } from '../api/models';
import { actionItems, isAllowed, isOffered, layoutActions } from './proposal-actions';

const allow = (action: ProposalAllowedAction['action'], disabledReason?: string): ProposalAllowedAction => ({
  action,
  disabledReason: disabledReason ?? null,
});

describe('layoutActions', () => {
  it('makes the step forward primary, editing plain, and groups the rest with deleting last', () => {
    const layout = layoutActions([allow('delete'), allow('edit'), allow('attach'), allow('submit')]);
    expect(layout.primary?.action).toBe('submit');
    expect(layout.plain?.action).toBe('edit');
    expect(layout.more.map((item) => item.action)).toEqual(['delete']);
  });

  it('prefers an enabled step forward over a blocked one listed earlier', () => {
    const layout = layoutActions([
      allow('start_notice', 'Chưa có người đủ điều kiện.'),
      allow('send_to_decision'),
      allow('return'),
    ]);
    expect(layout.primary?.action).toBe('send_to_decision');
    expect(layout.more.map((item) => item.action)).toEqual(['start_notice', 'return']);
    expect(layout.more[0].disabledReason).toBe('Chưa có người đủ điều kiện.');
  });

  it('shows a blocked step forward as primary when no other can be taken, with its reason', () => {
    const layout = layoutActions([allow('edit'), allow('submit', 'Chưa đính kèm tờ trình.')]);
    expect(layout.primary).toMatchObject({ action: 'submit', disabledReason: 'Chưa đính kèm tờ trình.' });
    expect(layout.plain?.action).toBe('edit');
  });

  it('has no primary step when the server allows none forward', () => {
    const layout = layoutActions([allow('reject'), allow('return')]);
    expect(layout.primary).toBeNull();
    expect(layout.more.every((item) => item.danger)).toBe(true);
  });

  it('follows the pipeline order, not the order of the list', () => {
    expect(layoutActions([allow('reject'), allow('approve'), allow('forward')]).primary?.action).toBe(
      'approve',
    );
  });

  it('shows nothing for an empty list', () => {
    expect(layoutActions([])).toEqual({ primary: null, plain: null, more: [] });
  });
});

describe('actionItems', () => {
  it('leaves out the steps taken elsewhere (files, ballots) and labels the rest in Vietnamese', () => {
    const items = actionItems([allow('attach'), allow('close_ballots'), allow('receive')]);
    expect(items).toEqual([
      { action: 'receive', label: 'Tiếp nhận', toState: null, disabledReason: null, danger: false },
    ]);
  });

  it('treats an empty reason as no reason', () => {
    expect(actionItems([allow('review', '')])[0].disabledReason).toBeNull();
  });
});

describe('isAllowed / isOffered', () => {
  const allowed = [allow('attach'), allow('submit', 'Chưa có người được đề nghị.')];
  it('tells allowed from offered but blocked', () => {
    expect(isAllowed(allowed, 'attach')).toBe(true);
    expect(isAllowed(allowed, 'submit')).toBe(false);
    expect(isOffered(allowed, 'submit')).toBe(true);
    expect(isOffered(allowed, 'approve')).toBe(false);
  });
});
