import { GlobalOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Skeleton } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from '@/components/ProblemAlert';
import { portalCommendationPath } from '@/lib/paths';
import {
  type CommendationPublication,
  useCommendationPublication,
  usePublishCommendation,
  useSaveCommendationPublication,
  useUnpublishCommendation,
} from '../api/commendation-publication';
import { type PublicationCopy, PublicationEditor, type PublicationTestIds } from './PublicationEditor';

const COPY: PublicationCopy = {
  published: 'Đã công bố khen thưởng trên cổng thông tin công khai.',
  unpublished: 'Đã gỡ công bố: trang công khai không còn hiển thị khen thưởng này.',
  unpublishTitle: 'Gỡ công bố khen thưởng',
  unpublishHint: 'Khen thưởng biến mất ngay khỏi cổng công khai và nguồn tin. Có thể công bố lại sau.',
};

const TEST_IDS: PublicationTestIds = {
  panel: 'commendation-publication',
  status: 'commendation-publication-status',
  publicLink: 'commendation-public-link',
  unpublished: 'commendation-unpublished',
  publishBlocked: 'commendation-publish-blocked',
  form: 'commendation-publication-form',
  summary: 'commendation-publication-summary',
  summaryText: 'commendation-publication-summary-text',
  save: 'commendation-publication-save',
  publish: 'commendation-publish',
  unpublish: 'commendation-unpublish',
};

export interface CommendationPublicationTarget {
  proposalId: number;
  nomineeId: number;
  /** The person's or collective's name, in the drawer's title. */
  name: string;
}

/**
 * The opener of a decided nominee's publication (a row of the proposal's nominees), and the
 * drawer it opens. The publication is read only once the drawer is open.
 */
export function CommendationPublicationButton({ target }: { target: CommendationPublicationTarget }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        icon={<GlobalOutlined />}
        onClick={() => setOpen(true)}
        data-testid={`nominee-publication-${target.nomineeId}`}
      >
        Công bố trên cổng công khai
      </Button>
      {open && (
        <Drawer
          open
          title={`Công bố khen thưởng: ${target.name}`}
          size={680}
          onClose={() => setOpen(false)}
          data-testid="commendation-publication-drawer"
        >
          <CommendationPublicationPanel proposalId={target.proposalId} nomineeId={target.nomineeId} />
        </Drawer>
      )}
    </>
  );
}

/** A decided nominee's publication on the public portal: text, consent, publish / unpublish. */
export function CommendationPublicationPanel({
  proposalId,
  nomineeId,
}: {
  proposalId: number;
  nomineeId: number;
}) {
  const publication = useCommendationPublication(proposalId, nomineeId);
  const save = useSaveCommendationPublication();
  const publish = usePublishCommendation();
  const unpublish = useUnpublishCommendation();
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
      publicPath={data.publicUrl ? portalCommendationPath(data.nomineeId) : null}
      header={<NotInForce publication={data} />}
    />
  );
}

/** Published, yet not shown: the decision that approved it is no longer in force. */
function NotInForce({ publication }: { publication: CommendationPublication }) {
  if (publication.decided || publication.status !== 'published') return null;
  return (
    <Alert
      type="warning"
      showIcon
      title="Không còn hiển thị trên cổng công khai"
      description="Quyết định khen thưởng không còn hiệu lực với cá nhân, tập thể này."
      data-testid="commendation-not-in-force"
    />
  );
}
