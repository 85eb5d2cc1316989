import { Button, Result, Spin } from 'antd';
import { Link, useRouteError } from 'react-router';
import { PATHS } from '@/lib/navigation';
import { usePageTitle } from '@/lib/page-title';

export function Forbidden() {
  usePageTitle('Không có quyền truy cập');
  return (
    <Result
      status="403"
      title="Không có quyền truy cập"
      subTitle="Vai trò của bạn không được phép xem trang này."
      extra={
        <Link to={PATHS.home}>
          <Button type="primary">Về trang chủ</Button>
        </Link>
      }
      data-testid="forbidden"
    />
  );
}

export function NotFound() {
  usePageTitle('Không tìm thấy trang');
  return (
    <Result
      status="404"
      title="Không tìm thấy trang"
      subTitle="Địa chỉ này không tồn tại hoặc đã được chuyển đi."
      extra={
        <Link to={PATHS.home}>
          <Button type="primary">Về trang chủ</Button>
        </Link>
      }
    />
  );
}

/** Shown when a page fails to load (for example after a new version was deployed). */
export function RouteError() {
  const error = useRouteError();
  console.error(error);
  return (
    <Result
      status="error"
      title="Không tải được trang"
      subTitle="Có thể ứng dụng vừa được cập nhật hoặc kết nối bị gián đoạn."
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          Tải lại trang
        </Button>
      }
    />
  );
}

export function FullPageSpin() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
      <Spin size="large" />
    </div>
  );
}
