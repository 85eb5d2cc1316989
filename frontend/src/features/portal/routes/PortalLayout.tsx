import { NavLink, Outlet } from 'react-router';
import { PATHS } from '@/lib/paths';
import { FEED_URL } from '../api/portal';
import '../portal.css';

/** The public portal's frame: no sign-in, no UI library. */
export default function PortalLayout() {
  return (
    <div className="portal" data-testid="portal">
      <header className="portal-header">
        <div className="portal-header-inner">
          <NavLink to={PATHS.portal} className="portal-brand" end>
            Lan Tỏa – Gương điển hình tiên tiến
            <small>Sở Tư pháp tỉnh Đồng Tháp</small>
          </NavLink>
          <nav className="portal-nav" aria-label="Cổng công khai">
            <NavLink to={PATHS.portal} end data-testid="portal-nav-gallery">
              Gương điển hình
            </NavLink>
            <NavLink to={PATHS.portalCommendations} data-testid="portal-nav-commendations">
              Khen thưởng
            </NavLink>
            <NavLink to={PATHS.portalNotices} data-testid="portal-nav-notices">
              Lấy ý kiến khen thưởng
            </NavLink>
            <a href={FEED_URL} data-testid="portal-feed-link">
              Nguồn tin Atom
            </a>
          </nav>
        </div>
      </header>
      <main className="portal-main">
        <Outlet />
      </main>
      <footer className="portal-footer">
        <div className="portal-footer-inner">
          <span>© Sở Tư pháp tỉnh Đồng Tháp</span>
          <a href={FEED_URL}>Theo dõi tin mới (Atom)</a>
          <a href={PATHS.login}>Đăng nhập cho cán bộ</a>
        </div>
      </footer>
    </div>
  );
}

/** An address of the portal that shows nothing (or no longer: an exemplar taken down). */
export function PortalNotFound({ what = 'Không tìm thấy trang' }: { what?: string }) {
  return (
    <div className="portal-article" data-testid="portal-not-found">
      <h1>{what}</h1>
      <p className="portal-muted">Nội dung này không tồn tại hoặc không còn được công khai.</p>
      <NavLink to={PATHS.portal}>Về trang gương điển hình</NavLink>
    </div>
  );
}

export function PortalNotFoundPage() {
  return <PortalNotFound />;
}
