import type { ReactNode } from 'react';
import { useRouteError } from 'react-router';

/*
 * What shows before the signed-in part of the app (and its UI library) has loaded: the spinner
 * while the session resumes, the "server unreachable" notice and the page-failed-to-load notice.
 * Plain markup and the small stylesheet, so that the sign-in page's first load stays small.
 */

export function FullPageSpin() {
  return (
    <div className="light-center" role="status" aria-live="polite">
      <span className="light-spinner" aria-hidden="true" />
      <span className="visually-hidden">Đang tải…</span>
    </div>
  );
}

interface NoticeProps {
  title: string;
  detail: string;
  action: string;
  onAction: () => void;
  tone: 'warning' | 'error';
}

export function LightNotice({ title, detail, action, onAction, tone }: NoticeProps) {
  return (
    <div className="light-center">
      <div className="light-notice" role="alert">
        <span className={`light-notice-icon light-notice-icon-${tone}`} aria-hidden="true">
          !
        </span>
        <h1 className="light-notice-title">{title}</h1>
        <p className="light-notice-detail">{detail}</p>
        <LightButton onClick={onAction}>{action}</LightButton>
      </div>
    </div>
  );
}

export function LightButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" className="light-button light-button-primary" onClick={onClick}>
      {children}
    </button>
  );
}

/** Shown when a page fails to load (for example after a new version was deployed). */
export function RouteError() {
  const error = useRouteError();
  console.error(error);
  return (
    <LightNotice
      tone="error"
      title="Không tải được trang"
      detail="Có thể ứng dụng vừa được cập nhật hoặc kết nối bị gián đoạn."
      action="Tải lại trang"
      onAction={() => window.location.reload()}
    />
  );
}
