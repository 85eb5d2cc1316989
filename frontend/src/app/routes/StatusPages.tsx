import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { PATHS } from '@/lib/navigation';
import { usePageTitle } from '@/lib/page-title';

// Pages of the signed-in app (which has loaded the UI library); what shows before it is in LightStatus.

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
