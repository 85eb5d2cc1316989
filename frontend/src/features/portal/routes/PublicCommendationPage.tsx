import { Link, useParams } from 'react-router';
import { isApiError } from '@/lib/api/problem';
import { usePageTitle } from '@/lib/page-title';
import { PATHS } from '@/lib/paths';
import { SUBJECT_KIND_LABELS } from '@/lib/vocabulary';
import { fetchPublicCommendation, usePublicData } from '../api/portal';
import { decisionText, portalPathOf, roleLine } from '../components/commendation-params';
import { publicDate } from '../components/format';
import { PortalError, PortalLoading } from '../components/PortalStatus';
import { PortalNotFound } from './PortalLayout';

export default function PublicCommendationPage() {
  const id = Number(useParams().id);
  const valid = Number.isSafeInteger(id) && id > 0;
  const commendation = usePublicData(String(id), (signal) =>
    valid ? fetchPublicCommendation(id, signal) : Promise.reject(new Error('no id')),
  );
  usePageTitle(commendation.data?.name ?? 'Khen thưởng đã quyết định');

  if (
    !valid ||
    (commendation.error && (!isApiError(commendation.error) || commendation.error.status === 404))
  ) {
    return <PortalNotFound what="Không tìm thấy khen thưởng đã công bố" />;
  }
  if (commendation.error) return <PortalError error={commendation.error} />;
  const data = commendation.data;
  if (!data) return <PortalLoading />;

  const decision = decisionText(data);
  const role = roleLine(data);
  const exemplarPath = portalPathOf(data.exemplarUrl);

  return (
    <article className="portal-article" data-testid="portal-commendation-detail">
      <Link to={PATHS.portalCommendations}>‹ Tất cả khen thưởng đã quyết định</Link>
      <div style={{ marginTop: 12 }}>
        <span className="portal-tag">{SUBJECT_KIND_LABELS[data.subjectKind]}</span>
        <h1 data-testid="portal-commendation-name">{data.name}</h1>
        {role && <p className="portal-muted">{role}</p>}
        <p className="portal-muted">Đơn vị đề nghị: {data.unit.name}</p>
      </div>
      <h2>Hình thức khen thưởng</h2>
      <p data-testid="portal-commendation-award">
        <strong>{data.awardForm}</strong>
        <br />
        {data.commendationTypeLabel} · Năm {data.year} · Thẩm quyền: {data.authorityLabel}
      </p>
      <p data-testid="portal-commendation-decision">{decision ?? 'Quyết định khen thưởng chưa có số.'}</p>
      <h2>Thành tích</h2>
      <p className="portal-text" data-testid="portal-commendation-summary">
        {data.publicSummary}
      </p>
      {data.exemplarUrl && (
        <p>
          {exemplarPath ? (
            <Link to={exemplarPath} data-testid="portal-commendation-exemplar">
              Xem gương điển hình
            </Link>
          ) : (
            <a href={data.exemplarUrl} data-testid="portal-commendation-exemplar">
              Xem gương điển hình
            </a>
          )}
        </p>
      )}
      <p className="portal-muted">Công bố ngày {publicDate(data.publishedAt)}</p>
    </article>
  );
}
