import type { Nominee, Proposal } from '../api/models';

/** Whether a rule that blocks failed for the nominee (the server refuses it as eligible or awarded). */
export function hasBlock(nominee: Nominee): boolean {
  return nominee.checks.some((check) => !check.passed && check.severity === 'block');
}

/** The nominees still in the running at a decision: found eligible, not failed by the vote. */
export function stillInRunning(proposal: Pick<Proposal, 'nominees'>): Nominee[] {
  return proposal.nominees.filter(
    (nominee) => nominee.review === 'eligible' && nominee.voteResult !== 'failed',
  );
}
