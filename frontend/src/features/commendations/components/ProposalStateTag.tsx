import { Tag } from 'antd';
import type { ProposalState } from '../api/models';
import { PROPOSAL_STATE_COLORS, PROPOSAL_STATE_LABELS } from '../vocabulary';

export function ProposalStateTag({ state }: { state: ProposalState }) {
  return (
    <Tag color={PROPOSAL_STATE_COLORS[state]} data-testid="proposal-state">
      {PROPOSAL_STATE_LABELS[state]}
    </Tag>
  );
}
