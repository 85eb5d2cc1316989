import { describe, expect, it } from 'vitest';
import type { AllowedAction } from '@/lib/api/models';
import { actionItems, isAllowed, layoutActions } from './exemplar-actions';

// The lists below are what the server answers in each situation (backend/src/exemplars/workflow.rs,
// `allowed_actions`), in its order.
const NO_PLAN = 'Cần lập kế hoạch bồi dưỡng trước khi chuyển sang giai đoạn Bồi dưỡng.';
const NO_SUMMARY = 'Cần nhập kết quả tổng kết trước khi chuyển sang giai đoạn Tổng kết.';
const REFERENCED =
  'Điển hình đã được đánh giá hoặc giới thiệu; không thể xóa, hãy chuyển sang Dừng theo dõi.';

const officeOnSubmitted: AllowedAction[] = [
  { action: 'edit' },
  { action: 'confirm' },
  { action: 'return' },
  { action: 'move_stage', toStage: 'nurturing' },
  { action: 'move_stage', toStage: 'stopped' },
  { action: 'edit_records' },
  { action: 'evaluate' },
];

const officeOnProposal: AllowedAction[] = [
  { action: 'edit' },
  { action: 'confirm' },
  { action: 'return' },
  { action: 'confirm_stage', toStage: 'nurturing' },
  { action: 'reject_stage' },
  { action: 'move_stage', toStage: 'nurturing' },
  { action: 'move_stage', toStage: 'stopped' },
  { action: 'edit_records' },
  { action: 'evaluate' },
];

const headOnDraft: AllowedAction[] = [
  { action: 'edit' },
  { action: 'delete' },
  { action: 'submit' },
  { action: 'edit_records' },
  { action: 'evaluate' },
];

const headSubmittedWithoutPlan: AllowedAction[] = [
  { action: 'propose_stage', toStage: 'nurturing', disabledReason: NO_PLAN },
  { action: 'propose_stage', toStage: 'stopped' },
  { action: 'edit_records' },
  { action: 'evaluate' },
];

const keys = (items: { key: string }[]) => items.map((item) => item.key);

describe('layoutActions', () => {
  it('gives the Office one primary step on a submitted record: confirming it', () => {
    const layout = layoutActions(officeOnSubmitted);
    expect(layout.primary?.key).toBe('confirm');
    expect(layout.primary?.label).toBe('Xác nhận hồ sơ');
    expect(layout.plain).toBeNull();
    expect(keys(layout.more)).toEqual(['edit', 'return', 'move_stage-nurturing', 'move_stage-stopped']);
  });

  it('puts deciding on a pending proposal before confirming the record, which it also does', () => {
    const layout = layoutActions(officeOnProposal);
    expect(layout.primary?.key).toBe('confirm_stage-nurturing');
    expect(layout.primary?.label).toBe('Duyệt đề xuất');
    expect(keys(layout.more)).toEqual([
      'edit',
      'confirm',
      'return',
      'reject_stage',
      'move_stage-nurturing',
      'move_stage-stopped',
    ]);
  });

  it('asks the unit head to submit a draft, and keeps deleting last', () => {
    const layout = layoutActions(headOnDraft);
    expect(layout.primary?.key).toBe('submit');
    expect(keys(layout.more)).toEqual(['edit', 'delete']);
    expect(layout.more.find((item) => item.action === 'delete')?.danger).toBe(true);
  });

  it('shows the proposal of the next stage as the step, blocked, with the tab that unblocks it', () => {
    const layout = layoutActions(headSubmittedWithoutPlan);
    expect(layout.primary).toMatchObject({
      key: 'propose_stage-nurturing',
      label: 'Đề xuất chuyển sang Bồi dưỡng',
      disabledReason: NO_PLAN,
      fix: { tab: 'boi-duong', todo: 'Lập kế hoạch bồi dưỡng' },
    });
    // Stopping is possible, but it is not what the record waits for.
    expect(layout.more).toMatchObject([
      { key: 'propose_stage-stopped', label: 'Đề xuất dừng theo dõi', disabledReason: null },
    ]);
  });

  it('never makes stopping or archiving the primary step', () => {
    const stopped: AllowedAction[] = [
      { action: 'propose_stage', toStage: 'archived' },
      { action: 'edit_records' },
    ];
    const layout = layoutActions(stopped);
    expect(layout.primary).toBeNull();
    expect(layout.more.map((item) => item.label)).toEqual(['Đề xuất lưu trữ']);
  });

  it('keeps editing at hand as a plain button when nothing is waiting for the caller', () => {
    const staffOnDraft: AllowedAction[] = [
      { action: 'edit' },
      { action: 'delete', disabledReason: REFERENCED },
      { action: 'edit_records' },
      { action: 'evaluate' },
    ];
    const layout = layoutActions(staffOnDraft);
    expect(layout.primary).toBeNull();
    expect(layout.plain?.key).toBe('edit');
    expect(layout.more).toMatchObject([{ key: 'delete', disabledReason: REFERENCED, fix: null }]);
  });

  it('leaves the unit head only the withdrawal while the proposal waits for the Office', () => {
    const pending: AllowedAction[] = [
      { action: 'withdraw_stage' },
      { action: 'edit_records' },
      { action: 'evaluate' },
    ];
    expect(layoutActions(pending)).toEqual({
      primary: null,
      plain: null,
      more: [expect.objectContaining({ key: 'withdraw_stage', label: 'Rút đề xuất' })],
    });
  });

  it('shows nothing when the server allows nothing (an archived exemplar, another unit)', () => {
    expect(layoutActions([])).toEqual({ primary: null, plain: null, more: [] });
  });
});

describe('actionItems', () => {
  it('names each stage move by its target and leaves the tabs’ capabilities out of the header', () => {
    const leaderOnSummarizedNext: AllowedAction[] = [
      { action: 'move_stage', toStage: 'summarized', disabledReason: NO_SUMMARY },
      { action: 'move_stage', toStage: 'stopped' },
      { action: 'evaluate' },
    ];
    expect(actionItems(leaderOnSummarizedNext)).toMatchObject([
      // The leadership does not keep the records, so it is not sent to fill the summary in.
      { label: 'Chuyển sang Tổng kết', disabledReason: NO_SUMMARY, fix: null },
      { label: 'Dừng theo dõi', disabledReason: null, fix: null },
    ]);
  });

  it('sends whoever keeps the records to the tab of the missing one', () => {
    const office: AllowedAction[] = [
      {
        action: 'move_stage',
        toStage: 'replicated',
        disabledReason: 'Cần ghi nhận ít nhất một nơi nhân rộng.',
      },
      { action: 'edit_records' },
    ];
    expect(actionItems(office)[0].fix).toEqual({ tab: 'nhan-rong', todo: 'Ghi nhận nơi nhân rộng' });
  });
});

describe('isAllowed', () => {
  it('is true only for an action the server lists without a reason against it', () => {
    expect(isAllowed(headOnDraft, 'edit')).toBe(true);
    expect(isAllowed(officeOnSubmitted, 'submit')).toBe(false);
    expect(isAllowed([{ action: 'delete', disabledReason: REFERENCED }], 'delete')).toBe(false);
  });
});
