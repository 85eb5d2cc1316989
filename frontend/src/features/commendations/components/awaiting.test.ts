import { describe, expect, it } from 'vitest';
import { awaitingQueues } from './awaiting';

describe('awaitingQueues', () => {
  it("opens with the Office's inbox of submitted proposals", () => {
    expect(awaitingQueues('office')[0]).toEqual({ state: 'submitted', label: 'Hồ sơ mới gửi đến' });
  });

  it('gives the leader the proposals waiting for a decision and the unit head the returned ones first', () => {
    expect(awaitingQueues('leader').map((queue) => queue.state)).toEqual(['pending_decision']);
    expect(awaitingQueues('unit_head')[0].state).toBe('returned');
  });

  it('has no queue for roles nothing waits for', () => {
    expect(awaitingQueues('unit_staff')).toEqual([]);
    expect(awaitingQueues('admin')).toEqual([]);
  });
});
