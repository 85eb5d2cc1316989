import { LogoutOutlined, MenuOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Tooltip } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLinkClickHandler, useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '@/lib/auth/use-session';
import { signOut } from '@/lib/auth/sign-out';
import { activeNavPath, navItemsFor, PATHS } from '@/lib/navigation';
import { roleLabel } from '@/lib/roles';
import { NotificationBell } from '@/features/notifications/NotificationBell';
import { WaitingBallotsBadge } from '@/features/council/components/WaitingBallotsBadge';
import { AwaitingProposalsBadge } from '@/features/commendations/components/AwaitingProposalsBadge';

export function AppLayout() {
  const user = useCurrentUser();
  const screens = Grid.useBreakpoint();
  const location = useLocation();
  const navigate = useNavigate();
  const [drawerOpen, setDrawerOpen] = useState(false);
  // A real link (it opens in a new tab too), followed within the app on a plain click.
  const openHelp = useLinkClickHandler<HTMLElement>(PATHS.help);
  const wide = screens.lg ?? true;

  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[activeNavPath(location.pathname)]}
      onClick={() => setDrawerOpen(false)}
      items={navItemsFor(user.role).map(({ path, label, icon: Icon }) => ({
        key: path,
        icon: <Icon />,
        label: (
          <Link to={path} data-testid={`nav-${path === '/' ? 'home' : path.slice(1)}`}>
            {label}
            {path === PATHS.ballots && <WaitingBallotsBadge />}
            {path === PATHS.commendations && <AwaitingProposalsBadge role={user.role} />}
          </Link>
        ),
      }))}
      style={{ borderInlineEnd: 'none' }}
      data-testid="nav-menu"
    />
  );

  const logout = async () => {
    await signOut();
    navigate(PATHS.login, { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        {!wide && (
          <Button
            type="text"
            icon={<MenuOutlined style={{ color: '#fff' }} />}
            onClick={() => setDrawerOpen(true)}
            aria-label="Mở menu"
          />
        )}
        <Link to={PATHS.home} className="app-brand">
          Lan Tỏa
          {wide && <small>Sở Tư pháp tỉnh Đồng Tháp</small>}
        </Link>
        <div className="app-user">
          <div className="app-user-name" data-testid="header-user-name">
            {user.fullName}
          </div>
          <div className="app-user-meta">
            <span data-testid="header-user-role">{roleLabel(user.role)}</span>
            {user.unit && <span data-testid="header-user-unit"> · {user.unit.shortName}</span>}
          </div>
        </div>
        <Tooltip title="Hướng dẫn sử dụng">
          <Button
            type="text"
            href={PATHS.help}
            onClick={openHelp}
            icon={<QuestionCircleOutlined style={{ color: '#fff', fontSize: 18 }} />}
            aria-label="Hướng dẫn sử dụng"
            aria-current={location.pathname === PATHS.help ? 'page' : undefined}
            data-testid="header-help"
          />
        </Tooltip>
        <NotificationBell />
        <Button
          icon={<LogoutOutlined />}
          onClick={logout}
          ghost
          data-testid="logout-button"
          aria-label="Đăng xuất"
          title="Đăng xuất"
        >
          {wide && 'Đăng xuất'}
        </Button>
      </Layout.Header>
      <Layout>
        {wide ? (
          <Layout.Sider width={232} theme="light" style={{ borderInlineEnd: '1px solid #e8e8e8' }}>
            {menu}
          </Layout.Sider>
        ) : (
          <Drawer
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={260}
            title="Lan Tỏa"
            styles={{ body: { padding: 0 } }}
          >
            {menu}
          </Drawer>
        )}
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
