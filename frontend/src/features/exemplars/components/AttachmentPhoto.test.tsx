import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AppProviders } from '@/app/providers';
import type { Attachment } from '@/lib/api/models';
import { AttachmentPanel } from '@/components/attachments/AttachmentPanel';

function image(id: number): Attachment {
  return {
    id,
    fileName: `anh-${id}.jpg`,
    contentType: 'image/jpeg',
    sizeBytes: 2048,
    caption: null,
    createdAt: '2026-11-02T01:00:00Z',
    thumbnailUrl: `/api/v1/attachments/${id}/thumbnail`,
    downloadUrl: `/api/v1/attachments/${id}/content`,
    version: 1,
  } as Attachment;
}

describe('AttachmentPanel photo choice', () => {
  it('marks the picture and offers the other images to choose', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(new Blob(['x']), { status: 200 })),
    );
    const onChoose = vi.fn();
    const renderPanel = (canChange: boolean) =>
      render(
        <AppProviders>
          <AttachmentPanel
            owner={{ kind: 'exemplar', id: 1 }}
            attachments={[image(1), image(2)]}
            canChange={canChange}
            onChanged={() => {}}
            photo={{ currentId: 1, choosingId: null, onChoose }}
          />
        </AppProviders>,
      );
    const { unmount } = renderPanel(true);
    expect(screen.getByTestId('attachment-photo-1')).toHaveTextContent('Ảnh đại diện');
    expect(screen.queryByTestId('attachment-choose-photo-1')).not.toBeInTheDocument();
    await userEvent.setup().click(screen.getByTestId('attachment-choose-photo-2'));
    expect(onChoose).toHaveBeenCalledWith(expect.objectContaining({ id: 2 }));
    unmount();

    // Who cannot change the files cannot change the picture either.
    renderPanel(false);
    expect(screen.getByTestId('attachment-photo-1')).toBeInTheDocument();
    expect(screen.queryByTestId('attachment-choose-photo-2')).not.toBeInTheDocument();
  });
});
