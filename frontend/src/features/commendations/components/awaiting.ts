import type { Role } from '@/lib/api/models';
import type { ProposalState } from '../api/models';

export interface AwaitingQueue {
  state: ProposalState;
  label: string;
}

/**
 * The queues of proposals that wait for someone in the caller's role, shown as counted shortcuts
 * above the list. Only a pointer to where work sits: what the caller may do on each proposal
 * is still the server's `allowedActions`.
 */
const QUEUES: Partial<Record<Role, readonly AwaitingQueue[]>> = {
  office: [
    { state: 'submitted', label: 'Hồ sơ mới gửi đến' },
    { state: 'received', label: 'Chờ thẩm định' },
    { state: 'reviewed', label: 'Chờ công khai, trình' },
    { state: 'forwarded', label: 'Chờ kết quả cấp trên' },
    { state: 'approved', label: 'Chờ trao tặng' },
  ],
  leader: [{ state: 'pending_decision', label: 'Chờ quyết định' }],
  unit_head: [
    { state: 'returned', label: 'Bị trả lại' },
    { state: 'draft', label: 'Bản nháp chưa gửi' },
  ],
};

export function awaitingQueues(role: Role): readonly AwaitingQueue[] {
  return QUEUES[role] ?? [];
}
