import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '@/lib/page-title';
import { portalCommendationPath } from '@/lib/paths';
import { fetchCommendations, usePublicData, type PublicCommendation } from '../api/portal';
import {
  commendationParams,
  decisionText,
  headline,
  roleLine,
  yearOptions,
} from '../components/commendation-params';
import { currentYear } from '../components/format';
import { pageCount, withFilter } from '../components/gallery-params';
import { PortalError, PortalLoading } from '../components/PortalStatus';

const TITLE = 'Khen thưởng đã quyết định';

export default function CommendationsPage() {
  usePageTitle(TITLE);
  const [search, setSearch] = useSearchParams();
  const params = commendationParams(search);
  const list = usePublicData(JSON.stringify(params), (signal) => fetchCommendations(params, signal));
  const [words, setWords] = useState(params.q ?? '');
  const set = (name: string, value: string | undefined) => setSearch(withFilter(search, name, value));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    set('q', words.trim() || undefined);
  };

  const page = list.data;
  const pages = page ? pageCount(page.total, page.pageSize) : 1;

  return (
    <>
      <h1>{TITLE}</h1>
      <p className="portal-muted">
        Các tập thể, cá nhân được khen thưởng theo quyết định của Giám đốc Sở Tư pháp hoặc của cấp trên, do
        Văn phòng Sở công bố.
      </p>
      <form className="portal-filters" role="search" onSubmit={submit}>
        <input
          type="search"
          aria-label="Tìm kiếm"
          placeholder="Tìm theo tên, đơn vị, hình thức khen thưởng (gõ không dấu cũng được)"
          value={words}
          onChange={(event) => setWords(event.target.value)}
          data-testid="portal-commendation-search"
        />
        <button
          type="submit"
          className="light-button light-button-primary"
          data-testid="portal-commendation-search-submit"
        >
          Tìm
        </button>
        <select
          aria-label="Năm"
          value={params.year ?? ''}
          onChange={(event) => set('year', event.target.value || undefined)}
          data-testid="portal-commendation-year"
        >
          <option value="">Tất cả các năm</option>
          {yearOptions(currentYear(), params.year).map((year) => (
            <option key={year} value={year}>
              Năm {year}
            </option>
          ))}
        </select>
      </form>
      {list.error ? <PortalError error={list.error} /> : null}
      {!page && list.loading && <PortalLoading />}
      {page && (
        <>
          <p className="portal-muted" data-testid="portal-commendation-total" aria-live="polite">
            {page.total === 0 ? 'Không có khen thưởng nào phù hợp.' : `${page.total} khen thưởng`}
          </p>
          <ul className="portal-notice-list" data-testid="portal-commendation-list">
            {page.items.map((item) => (
              <CommendationItem key={item.id} item={item} />
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

function CommendationItem({ item }: { item: PublicCommendation }) {
  const decision = decisionText(item);
  const role = roleLine(item);
  return (
    <li className="portal-notice" data-testid="portal-commendation-item" data-id={item.id}>
      <span className="portal-tag">{item.awardForm}</span>
      <h2 style={{ margin: '8px 0 4px' }}>
        <Link to={portalCommendationPath(item.id)}>{item.name}</Link>
      </h2>
      {role && <p className="portal-muted">{role}</p>}
      <p>
        {decision ?? item.authorityLabel} · {item.unit.name}
      </p>
      <p>{headline(item.publicSummary)}</p>
    </li>
  );
}
