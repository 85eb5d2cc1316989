import { Skeleton } from 'antd';
import { ProblemAlert } from '@/components/ProblemAlert';
import type { Exemplar } from '@/lib/api/models';
import { portalExemplarPath } from '@/lib/paths';
import { usePublication, usePublish, useSavePublication, useUnpublish } from '../api/publication';
import { type PublicationCopy, PublicationEditor, type PublicationTestIds } from './PublicationEditor';
import { ShareKitPanel } from './ShareKitPanel';

const COPY: PublicationCopy = {
  published: 'Đã công bố điển hình trên cổng thông tin công khai.',
  unpublished: 'Đã gỡ công bố: trang công khai không còn hiển thị điển hình này.',
  unpublishTitle: 'Gỡ công bố điển hình',
  unpublishHint:
    'Điển hình biến mất ngay khỏi cổng công khai, nguồn tin và danh sách nhúng. Có thể công bố lại sau.',
};

const TEST_IDS: PublicationTestIds = {
  panel: 'publication-panel',
  status: 'publication-status',
  publicLink: 'publication-public-link',
  unpublished: 'publication-unpublished',
  publishBlocked: 'publication-publish-blocked',
  form: 'publication-form',
  summary: 'publication-summary',
  summaryText: 'publication-summary-text',
  save: 'publication-save',
  publish: 'publication-publish',
  unpublish: 'publication-unpublish',
};

/** The exemplar's publication on the public portal: text, consent, publish / unpublish, share kit. */
export function PublicationPanel({ exemplar }: { exemplar: Exemplar }) {
  const publication = usePublication(exemplar.id);
  const save = useSavePublication();
  const publish = usePublish();
  const unpublish = useUnpublish();
  if (publication.error) return <ProblemAlert error={publication.error} />;
  if (!publication.data) return <Skeleton active paragraph={{ rows: 4 }} />;
  const data = publication.data;
  // Keyed by version: a newer copy from the server starts the form again from it.
  return (
    <PublicationEditor
      key={data.version}
      publication={data}
      mutations={{ save, publish, unpublish }}
      copy={COPY}
      testIds={TEST_IDS}
      publicPath={portalExemplarPath(data.exemplarId)}
    >
      {data.public && <ShareKitPanel exemplarId={data.exemplarId} />}
    </PublicationEditor>
  );
}
