/**
 * The keys of the commendation proposals, shared: what another feature shows of a proposal (the
 * publication of a decided nominee) sits under the proposal's `detail` key, so that a change to
 * the proposal refreshes it too.
 */
export const proposalKeys = {
  all: ['commendations'] as const,
  proposals: ['commendations', 'proposals'] as const,
  detail: (id: number) => ['commendations', 'proposals', 'detail', id] as const,
};
