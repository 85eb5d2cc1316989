import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppProviders } from '@/app/providers';
import type { AwardForm } from '../api/models';
import { AwardFormModal } from './AwardFormModal';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });

const draft: AwardForm = {
  id: 7,
  code: 'GK-GDS',
  name: 'Giấy khen của Giám đốc Sở Tư pháp',
  kind: 'form',
  subjectKind: 'both',
  authority: 'giam_doc_so',
  requiresNotice: false,
  noticeWorkingDays: null,
  requiresVote: true,
  voteThresholdPercent: 50,
  voteThresholdStrict: true,
  voteDenominator: 'members_present',
  individualMultiple: 0.3,
  collectiveMultiple: 0.6,
  legalBasis: 'Điều 75 Nghị định 152/2025/NĐ-CP',
  description: null,
  status: 'draft',
  version: 3,
  versionNo: 2,
  createdAt: '2026-01-05T02:00:00Z',
  updatedAt: '2026-01-05T02:00:00Z',
  publishedAt: null,
};

interface Sent {
  method: string;
  path: string;
  ifMatch: string | null;
  body: unknown;
}

/** Renders the modal for the draft; the server answers each save with `answer`. */
function showModal(answer: () => Response) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      if (url.pathname.startsWith('/api/v1/auth/')) return json({ status: 401, title: 'x', code: 'x' }, 401);
      if (url.pathname.startsWith('/api/v1/award-forms')) {
        sent.push({
          method: request.method,
          path: url.pathname,
          ifMatch: request.headers.get('If-Match'),
          body: request.method === 'GET' ? null : await request.json(),
        });
        return request.method === 'GET' ? json([]) : answer();
      }
      return json({ code: 'not_found', title: 'x', status: 404, type: 'about:blank' }, 404);
    }),
  );
  const onClose = vi.fn();
  render(
    <AppProviders>
      <AwardFormModal awardForm={draft} onClose={onClose} />
    </AppProviders>,
  );
  return { sent: () => sent.filter((request) => request.method !== 'GET'), onClose };
}

describe('AwardFormModal', () => {
  it('saves the edited draft with PUT and If-Match', async () => {
    const shown = showModal(() => json({ ...draft, requiresNotice: true, noticeWorkingDays: 5, version: 4 }));
    expect(await screen.findByTestId('award-form-field-code')).toBeDisabled();
    // The notice's length is asked only once a notice is required.
    expect(screen.queryByTestId('award-form-notice-days')).toBeNull();

    const user = userEvent.setup();
    await user.click(screen.getByTestId('award-form-requires-notice'));
    await user.type(await screen.findByTestId('award-form-notice-days'), '5');
    await user.click(screen.getByTestId('award-form-save'));

    await waitFor(() => expect(shown.onClose).toHaveBeenCalled());
    expect(shown.sent()).toEqual([
      {
        method: 'PUT',
        path: '/api/v1/award-forms/7',
        ifMatch: '"3"',
        body: {
          code: 'GK-GDS',
          name: 'Giấy khen của Giám đốc Sở Tư pháp',
          kind: 'form',
          subjectKind: 'both',
          authority: 'giam_doc_so',
          requiresNotice: true,
          noticeWorkingDays: 5,
          requiresVote: true,
          voteThresholdPercent: 50,
          voteThresholdStrict: true,
          voteDenominator: 'members_present',
          individualMultiple: 0.3,
          collectiveMultiple: 0.6,
          legalBasis: 'Điều 75 Nghị định 152/2025/NĐ-CP',
          description: null,
        },
      },
    ]);
    expect(await screen.findByText('Đã lưu hình thức khen thưởng.')).toBeInTheDocument();
  });

  it("shows the server's field message and stays open", async () => {
    const shown = showModal(() =>
      json(
        {
          type: 'about:blank',
          status: 422,
          code: 'validation_failed',
          title: 'Dữ liệu không hợp lệ',
          errors: [
            {
              field: 'legalBasis',
              code: 'invalid',
              message: 'Căn cứ pháp lý phải dẫn văn bản còn hiệu lực.',
            },
          ],
        },
        422,
      ),
    );
    const user = userEvent.setup();
    await user.click(await screen.findByTestId('award-form-save'));

    expect(await screen.findByText('Căn cứ pháp lý phải dẫn văn bản còn hiệu lực.')).toBeInTheDocument();
    expect(shown.sent()).toHaveLength(1);
    expect(shown.onClose).not.toHaveBeenCalled();
    expect(screen.getByTestId('award-form-modal')).toBeInTheDocument();
  });
});
