import { Link, useParams } from 'react-router';
import { isApiError } from '@/lib/api/problem';
import { usePageTitle } from '@/lib/page-title';
import { PATHS } from '@/lib/paths';
import { fetchNotice, fetchNoticeComments, usePublicData } from '../api/portal';
import { CommentForm } from '../components/CommentForm';
import { publicDateTime } from '../components/format';
import { PortalError, PortalLoading } from '../components/PortalStatus';
import { PortalNotFound } from './PortalLayout';

export default function NoticePage() {
  const id = Number(useParams().id);
  const valid = Number.isSafeInteger(id) && id > 0;
  const notice = usePublicData(String(id), (signal) =>
    valid ? fetchNotice(id, signal) : Promise.reject(new Error('no id')),
  );
  const comments = usePublicData(`comments-${id}`, (signal) =>
    valid ? fetchNoticeComments(id, signal) : Promise.resolve([]),
  );
  usePageTitle(notice.data?.title ?? 'Lấy ý kiến về khen thưởng');

  if (!valid || (notice.error && (!isApiError(notice.error) || notice.error.status === 404))) {
    return <PortalNotFound what="Hồ sơ không còn lấy ý kiến" />;
  }
  if (notice.error) return <PortalError error={notice.error} />;
  const data = notice.data;
  if (!data) return <PortalLoading />;

  return (
    <article className="portal-article" data-testid="portal-notice">
      <Link to={PATHS.portalNotices}>‹ Các hồ sơ đang lấy ý kiến</Link>
      <h1 style={{ marginTop: 12 }}>{data.title}</h1>
      <p className="portal-muted">
        {data.awardName} · {data.unitName} · Năm {data.year}
        {data.occasionName ? ` · ${data.occasionName}` : ''}
      </p>
      <p>
        Thời gian niêm yết: từ {publicDateTime(data.startsAt)} đến {publicDateTime(data.endsAt)}
      </p>
      <h2>Tập thể, cá nhân được đề nghị</h2>
      <ol>
        {data.nominees.map((nominee) => (
          <li key={nominee.id} data-testid={`portal-nominee-${nominee.id}`}>
            <strong>{nominee.fullName}</strong> – {nominee.workplace}
            <p className="portal-text">{nominee.achievement}</p>
          </li>
        ))}
      </ol>
      <h2>Ý kiến đã duyệt</h2>
      {comments.data && comments.data.length === 0 && (
        <p className="portal-muted">Chưa có ý kiến nào được duyệt.</p>
      )}
      <ul className="portal-comments" data-testid="portal-comments">
        {comments.data?.map((comment) => (
          <li key={comment.id}>
            <strong>{comment.authorName}</strong>{' '}
            <small className="portal-muted">{publicDateTime(comment.createdAt)}</small>
            {comment.nomineeId && (
              <small className="portal-muted">
                {' '}
                · Về: {data.nominees.find((nominee) => nominee.id === comment.nomineeId)?.fullName ?? '—'}
              </small>
            )}
            <p className="portal-text">{comment.body}</p>
          </li>
        ))}
      </ul>
      <h2>Gửi ý kiến</h2>
      {data.acceptingComments ? (
        <CommentForm notice={data} />
      ) : (
        <p className="portal-alert portal-alert-info">Hồ sơ này hiện không nhận ý kiến.</p>
      )}
    </article>
  );
}
