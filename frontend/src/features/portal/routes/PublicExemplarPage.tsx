import { Link, useParams } from 'react-router';
import { isApiError } from '@/lib/api/problem';
import { usePageTitle } from '@/lib/page-title';
import { PATHS } from '@/lib/paths';
import { fetchPublicExemplar, usePublicData } from '../api/portal';
import { publicDate } from '../components/format';
import { initials, PortalError, PortalLoading } from '../components/PortalStatus';
import { PortalNotFound } from './PortalLayout';

export default function PublicExemplarPage() {
  const id = Number(useParams().id);
  const valid = Number.isSafeInteger(id) && id > 0;
  const exemplar = usePublicData(String(id), (signal) =>
    valid ? fetchPublicExemplar(id, signal) : Promise.reject(new Error('no id')),
  );
  usePageTitle(exemplar.data?.name ?? 'Gương điển hình');

  if (!valid || (exemplar.error && (!isApiError(exemplar.error) || exemplar.error.status === 404))) {
    return <PortalNotFound what="Không tìm thấy gương điển hình" />;
  }
  if (exemplar.error) return <PortalError error={exemplar.error} />;
  const data = exemplar.data;
  if (!data) return <PortalLoading />;

  return (
    <article className="portal-article" data-testid="portal-exemplar">
      <Link to={PATHS.portal}>‹ Tất cả gương điển hình</Link>
      <div className="portal-article-head" style={{ marginTop: 12 }}>
        {data.photoUrl ? (
          <img
            className="portal-article-photo"
            src={data.photoUrl}
            alt={data.name}
            data-testid="portal-exemplar-photo"
          />
        ) : (
          <div className="portal-card-photo portal-article-photo" aria-hidden="true">
            {initials(data.name)}
          </div>
        )}
        <div style={{ flex: 1, minWidth: 240 }}>
          <span className="portal-tag">{data.categoryLabel}</span>
          <h1 data-testid="portal-exemplar-name">{data.name}</h1>
          <p className="portal-muted">
            {data.unit.name}
            {data.fieldOfWork ? ` · ${data.fieldOfWork}` : ''}
          </p>
          <p className="portal-muted">
            Giai đoạn: {data.stageLabel} · Công bố ngày {publicDate(data.publishedAt)}
          </p>
        </div>
      </div>
      <h2>Thành tích</h2>
      <p className="portal-text" data-testid="portal-exemplar-summary">
        {data.publicSummary}
      </p>
      {data.initiatives.length > 0 && (
        <>
          <h2>Sáng kiến</h2>
          <ul>
            {data.initiatives.map((initiative, index) => (
              <li key={index}>
                {initiative.title}
                {initiative.year ? ` (${initiative.year})` : ''}
                {initiative.recognisedBy ? ` – ${initiative.recognisedBy}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {data.movements.length > 0 && (
        <>
          <h2>Phong trào thi đua</h2>
          <ul>
            {data.movements.map((movement) => (
              <li key={movement.id}>{movement.name}</li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={data.cardUrl} target="_blank" rel="noreferrer">
          Ảnh chia sẻ (1200×630)
        </a>
      </p>
    </article>
  );
}
