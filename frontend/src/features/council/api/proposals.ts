import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/lib/api/schema';

type ProposalState = components['schemas']['ProposalState'];

/** Proposals in one state (the council's agenda, the notices), as the proposal list gives them. */
export function useProposalsInState(state: ProposalState, enabled = true) {
  return useQuery({
    queryKey: ['commendation-proposals', 'list', { state, pageSize: 100 }],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/commendation-proposals', { params: { query: { state, pageSize: 100 } }, signal }),
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}
