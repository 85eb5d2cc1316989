import { Link } from 'react-router';
import { usePageTitle } from '@/lib/page-title';
import { portalNoticePath } from '@/lib/paths';
import { fetchNotices, usePublicData } from '../api/portal';
import { publicDateTime } from '../components/format';
import { PortalError, PortalLoading } from '../components/PortalStatus';

export default function NoticesPage() {
  usePageTitle('Lấy ý kiến về khen thưởng');
  const notices = usePublicData('notices', fetchNotices);
  return (
    <>
      <h1>Lấy ý kiến nhân dân về đề nghị khen thưởng</h1>
      <p className="portal-muted">
        Các hồ sơ đề nghị khen thưởng đang được niêm yết công khai. Mọi người có thể góp ý trong thời hạn niêm
        yết; ý kiến được hiển thị sau khi Văn phòng Sở kiểm duyệt.
      </p>
      {notices.error ? <PortalError error={notices.error} /> : null}
      {!notices.data && notices.loading && <PortalLoading />}
      {notices.data?.length === 0 && (
        <p className="portal-alert portal-alert-info" data-testid="portal-notices-empty">
          Hiện không có hồ sơ nào đang lấy ý kiến.
        </p>
      )}
      <ul className="portal-notice-list" data-testid="portal-notices">
        {notices.data?.map((notice) => (
          <li key={notice.id} className="portal-notice" data-testid={`portal-notice-${notice.id}`}>
            <h2 style={{ marginTop: 0 }}>
              <Link to={portalNoticePath(notice.id)}>{notice.title}</Link>
            </h2>
            <p className="portal-muted">
              {notice.awardName} · {notice.unitName} · Năm {notice.year}
            </p>
            <p>Người được đề nghị: {notice.nominees.map((nominee) => nominee.fullName).join('; ') || '—'}</p>
            <p className="portal-muted">
              Niêm yết từ {publicDateTime(notice.startsAt)} đến {publicDateTime(notice.endsAt)}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
