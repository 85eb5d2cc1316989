import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AppProviders, createQueryClient } from '@/app/providers';
import type { Role } from '@/lib/api/models';
import { AwaitingProposalsBadge } from './AwaitingProposalsBadge';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** Answers each list of proposals in a state with that state's `total` (0 when not given). */
function showBadge(role: Role, totals: Record<string, number>) {
  const fetch = vi.fn(async (request: Request) => {
    const url = new URL(request.url);
    // No session in these tests: the client's refresh is refused, and it asks without a token.
    if (url.pathname.startsWith('/api/v1/auth/')) return json({ status: 401, title: 'Chưa đăng nhập' }, 401);
    const state = url.searchParams.get('state') ?? '';
    return json({ items: [], total: totals[state] ?? 0, page: 1, pageSize: 1 });
  });
  vi.stubGlobal('fetch', fetch);
  const queryClient = createQueryClient();
  render(
    <AppProviders queryClient={queryClient}>
      <AwaitingProposalsBadge role={role} />
    </AppProviders>,
  );
  return { fetch, queryClient };
}

const listRequests = ({ fetch }: ReturnType<typeof showBadge>) =>
  fetch.mock.calls
    .map(([request]) => new URL((request as Request).url))
    .filter((url) => url.pathname === '/api/v1/commendation-proposals');

describe('AwaitingProposalsBadge', () => {
  it("shows the sum of the caller's queues", async () => {
    const shown = showBadge('office', { submitted: 2, approved: 3, draft: 40 });
    const badge = await screen.findByTestId('awaiting-proposals-badge');
    expect(badge).toHaveAttribute('data-count', '5');
    expect(badge).toHaveAttribute('aria-label', '5 hồ sơ đề nghị đang chờ xử lý');
    expect(screen.getByLabelText('5 hồ sơ đề nghị đang chờ xử lý')).toBe(badge);
    // One count for each of the Office's queues, the same queries as the list's shortcuts.
    expect(
      listRequests(shown)
        .map((url) => url.searchParams.get('state'))
        .sort(),
    ).toEqual(['approved', 'forwarded', 'received', 'reviewed', 'submitted']);
    expect(listRequests(shown).every((url) => url.searchParams.get('pageSize') === '1')).toBe(true);
  });

  it('renders nothing, and asks nothing, for a role without queues', async () => {
    const shown = showBadge('unit_staff', { draft: 4 });
    // Give a stray request the time to be made.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(listRequests(shown)).toEqual([]);
    expect(shown.queryClient.getQueryCache().getAll()).toEqual([]);
    expect(screen.queryByTestId('awaiting-proposals-badge')).toBeNull();
  });

  it('renders nothing when nothing waits', async () => {
    const shown = showBadge('leader', { draft: 4 });
    // The leader's one queue is counted (0), and the answer has landed.
    await waitFor(() =>
      expect(
        shown.queryClient
          .getQueryCache()
          .getAll()
          .map((query) => query.state.data),
      ).toEqual([{ items: [], total: 0, page: 1, pageSize: 1 }]),
    );
    expect(listRequests(shown).map((url) => url.searchParams.get('state'))).toEqual(['pending_decision']);
    expect(screen.queryByTestId('awaiting-proposals-badge')).toBeNull();
  });
});
