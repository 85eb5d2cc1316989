import { Button, Result, Skeleton } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useCurrentUser } from '@/lib/auth/use-session';
import { commendationPath, PATHS } from '@/lib/navigation';
import { useProposal } from '../api/commendations';
import { isAllowed } from '../components/proposal-actions';
import { ProposalForm } from '../components/ProposalForm';

/** Drafts a proposal (`/khen-thuong/them`) or edits a draft or a returned one (`/khen-thuong/:id/sua`). */
export default function ProposalFormPage() {
  const { id } = useParams();
  return id ? <EditProposal id={Number(id)} /> : <NewProposal />;
}

function NewProposal() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  return (
    <>
      <PageHeading
        title="Lập hồ sơ đề nghị khen thưởng"
        subtitle="Lưu bản nháp, đính kèm tờ trình, biên bản họp xét, báo cáo thành tích rồi gửi Văn phòng Sở"
      />
      <ProposalForm
        user={user}
        onSaved={(saved) => navigate(commendationPath(saved.id), { replace: true })}
        onCancel={() => navigate(PATHS.commendations)}
      />
    </>
  );
}

function EditProposal({ id }: { id: number }) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const proposal = useProposal(id);
  if (proposal.error) {
    return (
      <>
        <PageHeading title="Sửa hồ sơ đề nghị" />
        <ProblemAlert error={proposal.error} />
      </>
    );
  }
  if (!proposal.data) return <Skeleton active />;
  if (!isAllowed(proposal.data.allowedActions, 'edit')) {
    return (
      <>
        <PageHeading title={`Sửa hồ sơ: ${proposal.data.title}`} />
        <Result
          status="info"
          title="Không sửa được hồ sơ này"
          subTitle="Chỉ sửa được bản nháp hoặc hồ sơ bị trả lại, bởi đơn vị đề nghị hoặc Văn phòng Sở."
          extra={
            <Link to={commendationPath(id)}>
              <Button type="primary">Về hồ sơ đề nghị</Button>
            </Link>
          }
        />
      </>
    );
  }
  return (
    <>
      <PageHeading title={`Sửa hồ sơ: ${proposal.data.title}`} subtitle={proposal.data.unit.name} />
      <ProposalForm
        key={proposal.data.id}
        user={user}
        proposal={proposal.data}
        onSaved={(saved) => navigate(commendationPath(saved.id))}
        onCancel={() => navigate(commendationPath(id))}
      />
    </>
  );
}
