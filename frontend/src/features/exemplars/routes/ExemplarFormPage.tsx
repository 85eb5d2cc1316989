import { Button, Result, Skeleton } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeading } from '@/components/PageHeading';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useCurrentUser } from '@/lib/auth/use-session';
import { exemplarPath, PATHS } from '@/lib/navigation';
import { useExemplar } from '../api/exemplars';
import { ExemplarForm } from '../components/ExemplarForm';
import { isAllowed } from '../components/exemplar-actions';
import type { DetailLocationState } from './ExemplarDetailPage';

/** Records a new exemplar (`/diem-hinh/them`) or edits one (`/diem-hinh/:id/sua`). */
export default function ExemplarFormPage() {
  const { id } = useParams();
  return id ? <EditExemplar id={Number(id)} /> : <NewExemplar />;
}

function NewExemplar() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  return (
    <>
      <PageHeading
        title="Thêm điển hình"
        subtitle="Ghi nhận một điển hình mới phát hiện (giai đoạn Phát hiện)"
      />
      <ExemplarForm
        user={user}
        onSaved={(saved, photoError) =>
          navigate(exemplarPath(saved.id), {
            replace: true,
            state: { photoError } satisfies DetailLocationState,
          })
        }
        onCancel={() => navigate(PATHS.exemplars)}
      />
    </>
  );
}

function EditExemplar({ id }: { id: number }) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const exemplar = useExemplar(id);

  if (exemplar.error) {
    return (
      <>
        <PageHeading title="Sửa hồ sơ điển hình" />
        <ProblemAlert error={exemplar.error} />
      </>
    );
  }
  if (!exemplar.data) return <Skeleton active />;

  if (!isAllowed(exemplar.data.allowedActions, 'edit')) {
    return (
      <>
        <PageHeading title={`Sửa hồ sơ: ${exemplar.data.name}`} />
        <Result
          status="info"
          title="Không sửa được hồ sơ này"
          subTitle={
            exemplar.data.recordStatus === 'draft'
              ? 'Bạn không có quyền sửa hồ sơ này.'
              : 'Hồ sơ đã gửi Văn phòng Sở; chỉ Văn phòng Sở được sửa. Đề nghị Văn phòng trả lại hồ sơ nếu cần sửa.'
          }
          extra={
            <Link to={exemplarPath(id)}>
              <Button type="primary">Về hồ sơ điển hình</Button>
            </Link>
          }
        />
      </>
    );
  }
  return (
    <>
      <PageHeading title={`Sửa hồ sơ: ${exemplar.data.name}`} subtitle={exemplar.data.unit.name} />
      <ExemplarForm
        key={exemplar.data.id}
        user={user}
        exemplar={exemplar.data}
        onSaved={(saved) => navigate(exemplarPath(saved.id))}
        onCancel={() => navigate(exemplarPath(id))}
      />
    </>
  );
}
