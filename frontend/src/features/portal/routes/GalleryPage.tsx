import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '@/lib/page-title';
import { portalExemplarPath } from '@/lib/paths';
import { fetchFacets, fetchGallery, usePublicData, type PublicExemplarSummary } from '../api/portal';
import { publicDate } from '../components/format';
import { galleryParams, pageCount, withFilter } from '../components/gallery-params';
import { initials, PortalError, PortalLoading } from '../components/PortalStatus';

export default function GalleryPage() {
  usePageTitle('Gương điển hình tiên tiến');
  const [search, setSearch] = useSearchParams();
  const params = galleryParams(search);
  const gallery = usePublicData(JSON.stringify(params), (signal) => fetchGallery(params, signal));
  const facets = usePublicData('facets', fetchFacets);
  const [words, setWords] = useState(params.q ?? '');
  const set = (name: string, value: string | undefined) => setSearch(withFilter(search, name, value));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    set('q', words.trim() || undefined);
  };

  const page = gallery.data;
  const pages = page ? pageCount(page.total, page.pageSize) : 1;

  return (
    <>
      <h1>Gương điển hình tiên tiến</h1>
      <p className="portal-muted">
        Những tập thể, cá nhân điển hình của ngành Tư pháp tỉnh Đồng Tháp đã được Sở Tư pháp công bố.
      </p>
      <form className="portal-filters" role="search" onSubmit={submit}>
        <input
          type="search"
          aria-label="Tìm kiếm"
          placeholder="Tìm theo tên, đơn vị, lĩnh vực (gõ không dấu cũng được)"
          value={words}
          onChange={(event) => setWords(event.target.value)}
          data-testid="portal-search"
        />
        <button
          type="submit"
          className="light-button light-button-primary"
          data-testid="portal-search-submit"
        >
          Tìm
        </button>
        <select
          aria-label="Đơn vị"
          value={params.unitId ?? ''}
          onChange={(event) => set('unitId', event.target.value || undefined)}
          data-testid="portal-filter-unit"
        >
          <option value="">Tất cả đơn vị</option>
          {facets.data?.units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name} ({unit.count})
            </option>
          ))}
        </select>
        <select
          aria-label="Loại điển hình"
          value={params.category ?? ''}
          onChange={(event) => set('category', event.target.value || undefined)}
          data-testid="portal-filter-category"
        >
          <option value="">Tất cả loại</option>
          {facets.data?.categories.map((category) => (
            <option key={category.category} value={category.category}>
              {category.label} ({category.count})
            </option>
          ))}
        </select>
        {(facets.data?.movements.length ?? 0) > 0 && (
          <select
            aria-label="Phong trào"
            value={params.movementId ?? ''}
            onChange={(event) => set('movementId', event.target.value || undefined)}
            data-testid="portal-filter-movement"
          >
            <option value="">Tất cả phong trào</option>
            {facets.data?.movements.map((movement) => (
              <option key={movement.id} value={movement.id}>
                {movement.name} ({movement.count})
              </option>
            ))}
          </select>
        )}
      </form>
      {gallery.error ? <PortalError error={gallery.error} /> : null}
      {!page && gallery.loading && <PortalLoading />}
      {page && (
        <>
          <p className="portal-muted" data-testid="portal-total" aria-live="polite">
            {page.total === 0 ? 'Không có gương điển hình nào phù hợp.' : `${page.total} gương điển hình`}
          </p>
          <ul className="portal-grid" data-testid="portal-gallery">
            {page.items.map((item) => (
              <GalleryCard key={item.id} item={item} />
            ))}
          </ul>
          {pages > 1 && (
            <nav className="portal-pager" aria-label="Trang">
              <button
                type="button"
                className="light-button"
                disabled={page.page <= 1}
                onClick={() => set('page', String(page.page - 1))}
              >
                ‹ Trước
              </button>
              <span>
                Trang {page.page}/{pages}
              </span>
              <button
                type="button"
                className="light-button"
                disabled={page.page >= pages}
                onClick={() => set('page', String(page.page + 1))}
              >
                Sau ›
              </button>
            </nav>
          )}
        </>
      )}
    </>
  );
}

function GalleryCard({ item }: { item: PublicExemplarSummary }) {
  return (
    <li className="portal-card" data-testid={`portal-card-${item.id}`}>
      <Link to={portalExemplarPath(item.id)}>
        <div className="portal-card-photo">
          {item.photoUrl ? <img src={item.photoUrl} alt={item.name} loading="lazy" /> : initials(item.name)}
        </div>
        <div className="portal-card-body">
          <span className="portal-tag">{item.categoryLabel}</span>
          <div className="portal-card-title">{item.name}</div>
          <div className="portal-muted">{item.unit.name}</div>
          <p>{item.headline}</p>
          <small className="portal-muted">Công bố ngày {publicDate(item.publishedAt)}</small>
        </div>
      </Link>
    </li>
  );
}
