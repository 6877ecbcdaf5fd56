import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import {
  App,
  Avatar,
  Button,
  Drawer,
  Dropdown,
  Flex,
  Grid,
  Input,
  Layout,
  Menu,
  Tooltip,
  Typography,
} from 'antd';
import type { MenuProps } from 'antd';
import {
  DatabaseOutlined,
  LogoutOutlined,
  MenuOutlined,
  SearchOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMe, useAuth } from '../app/auth-context';
import { WORKBENCH_ICONS, navItemsFor } from '../app/navigation';
import type { NavItem } from '../app/navigation';
import { ErrorBoundary } from '../components/error-boundary';
import { LanguageSwitch } from '../components/language-switch';
import { PageSkeleton } from '../components/page-skeleton';
import { roleLabel, scopeLabel } from '../lib/labels';
import { BrandMark } from './brand-mark';

const SIDER_WIDTH = 224;
const MASTER_GROUP = 'group:master';

function selectedKey(pathname: string, keys: string[]): string {
  // Longest prefix wins so /admin/users/123 still highlights "Users".
  const match = keys
    .filter((key) => key !== '/' && (pathname === key || pathname.startsWith(`${key}/`)))
    .sort((a, b) => b.length - a.length)[0];
  return match ?? '/';
}

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const { logout } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  // useBreakpoint is empty on the first render; treat "unknown" as desktop to avoid a flash of the drawer.
  const isMobile = screens.lg === false;
  const [drawerOpen, setDrawerOpen] = useState(false);

  const menuItems = useMemo<NonNullable<MenuProps['items']>>(() => {
    const available = navItemsFor(me);
    const entry = (item: NavItem) => ({
      key: item.path,
      icon: item.icon,
      label: <Link to={item.path}>{t(item.labelKey)}</Link>,
    });
    const master = available.filter((item) => item.group === 'master');
    return [
      {
        key: '/',
        icon: WORKBENCH_ICONS[me.role],
        label: <Link to="/">{t(`workbench.${me.role}.menu`)}</Link>,
      },
      ...(master.length > 0
        ? [
            {
              key: MASTER_GROUP,
              icon: <DatabaseOutlined />,
              label: t('nav.masterData'),
              children: master.map(entry),
            },
          ]
        : []),
      ...available.filter((item) => item.group === undefined).map(entry),
    ];
  }, [me, t]);
  const current = selectedKey(
    location.pathname,
    navItemsFor(me)
      .map((item) => item.path)
      .concat('/'),
  );
  // The group starts open: it is where most pages live, and a closed group hides them one click away.
  const [openKeys, setOpenKeys] = useState<string[]>([MASTER_GROUP]);

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[current]}
      openKeys={openKeys}
      onOpenChange={setOpenKeys}
      items={menuItems}
      onClick={() => setDrawerOpen(false)}
      style={{ borderInlineEnd: 0 }}
    />
  );

  const userMenu: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div className="user-menu-card">
          <Typography.Text strong>{me.displayName}</Typography.Text>
          <Typography.Text type="secondary">{roleLabel(t, me.role)}</Typography.Text>
          <Typography.Text type="secondary">{scopeLabel(t, me.scope)}</Typography.Text>
        </div>
      ),
    },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), danger: true },
  ];

  const onUserMenu: MenuProps['onClick'] = ({ key }) => {
    if (key !== 'logout') return;
    void logout().then(() => {
      void message.success(t('auth.loggedOut'));
      void navigate('/login', { replace: true });
    });
  };

  return (
    <Layout className="app-shell">
      {isMobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={SIDER_WIDTH + 16}
          closable={false}
          styles={{ body: { padding: 0, background: 'var(--as-sider-bg)' } }}
          title={null}
        >
          <BrandMark />
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider width={SIDER_WIDTH} className="app-sider">
          <BrandMark />
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="app-header">
          <Flex align="center" gap={12} style={{ minWidth: 0, flex: 1 }}>
            {isMobile ? (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('nav.menu')}
                onClick={() => setDrawerOpen(true)}
              />
            ) : null}
            {isMobile ? (
              <Typography.Text strong className="header-brand-mobile">
                {t('app.name')}
              </Typography.Text>
            ) : (
              <Tooltip title={t('topbar.searchDisabled')}>
                {/* A disabled input swallows hover events; the span keeps the tooltip working. */}
                <span className="global-search">
                  <Input
                    disabled
                    prefix={<SearchOutlined />}
                    placeholder={t('topbar.searchPlaceholder')}
                    aria-label={t('topbar.searchPlaceholder')}
                  />
                </span>
              </Tooltip>
            )}
          </Flex>
          <Flex align="center" gap={isMobile ? 8 : 16}>
            <LanguageSwitch size="small" />
            <Dropdown
              menu={{ items: userMenu, onClick: onUserMenu }}
              trigger={['click']}
              placement="bottomRight"
            >
              <Button type="text" className="user-button" aria-label={t('topbar.userMenu')}>
                <Avatar size="small" icon={<UserOutlined />} className="user-avatar" />
                {isMobile ? null : (
                  <span className="user-button-text">
                    <span className="user-button-name">{me.displayName}</span>
                    <span className="user-button-role">{roleLabel(t, me.role)}</span>
                  </span>
                )}
              </Button>
            </Dropdown>
          </Flex>
        </Layout.Header>
        <Layout.Content className="app-content">
          {/* Keyed by path so a crash on one page clears when the user navigates away. */}
          <ErrorBoundary key={location.pathname}>
            <Suspense fallback={<PageSkeleton />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
