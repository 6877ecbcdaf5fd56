import type { ReactNode } from 'react';
import {
  AlertOutlined,
  AppstoreOutlined,
  AuditOutlined,
  CarOutlined,
  CarryOutOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  HomeOutlined,
  LineChartOutlined,
  FileTextOutlined,
  PhoneOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
  ToolOutlined,
  UserOutlined,
  IdcardOutlined,
  BarcodeOutlined,
  ShoppingOutlined,
  FileAddOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { Me, Role } from '../api/types';

export type NavLabelKey =
  | 'nav.users'
  | 'nav.policies'
  | 'nav.audit'
  | 'nav.regions'
  | 'nav.calendar'
  | 'nav.models'
  | 'nav.customers'
  | 'nav.dealers'
  | 'nav.outlets'
  | 'nav.engineers'
  | 'nav.import'
  | 'orders.nav.list'
  | 'orders.nav.intake'
  | 'orders.nav.board'
  | 'orders.nav.jobs'
  | 'callbacks.nav.desk'
  | 'callbacks.nav.audit'
  | 'callbacks.nav.monthEnd'
  | 'callbackProgrammes.nav.dealers'
  | 'callbackProgrammes.nav.homeService'
  | 'callbackProgrammes.nav.reports';

export interface NavItem {
  path: string;
  icon: ReactNode;
  /** Dictionary key of the menu label. */
  labelKey: NavLabelKey;
  permission: string;
  /** Items of a group sit in one collapsible sub-menu. */
  group?: 'master';
}

/** Each role's landing workbench (UI.md "Each role lands on its workbench"). */
export const WORKBENCH_ICONS: Record<Role, ReactNode> = {
  admin: <DashboardOutlined />,
  agent: <CustomerServiceOutlined />,
  dispatcher: <ScheduleOutlined />,
  engineer: <ToolOutlined />,
  callback: <PhoneOutlined />,
  complaints: <AlertOutlined />,
  regional: <ClusterOutlined />,
  center: <CheckSquareOutlined />,
  parts: <AppstoreOutlined />,
  settlement: <FileTextOutlined />,
  dealer: <CarOutlined />,
  outlet: <ShopOutlined />,
};

/** Pages beyond the workbench; shown only when the permission is held, never greyed out. */
export const NAV_ITEMS: readonly NavItem[] = [
  {
    path: '/orders/new',
    icon: <FileAddOutlined />,
    labelKey: 'orders.nav.intake',
    permission: 'order.create',
  },
  {
    path: '/dispatch/board',
    icon: <ScheduleOutlined />,
    labelKey: 'orders.nav.board',
    permission: 'order.monitor',
  },
  { path: '/engineer/jobs', icon: <ToolOutlined />, labelKey: 'orders.nav.jobs', permission: 'order.field' },
  { path: '/orders', icon: <UnorderedListOutlined />, labelKey: 'orders.nav.list', permission: 'order.read' },
  {
    path: '/callbacks',
    icon: <PhoneOutlined />,
    labelKey: 'callbacks.nav.desk',
    permission: 'callback.read',
  },
  {
    path: '/callbacks/audit',
    icon: <FileDoneOutlined />,
    labelKey: 'callbacks.nav.audit',
    permission: 'callback.audit',
  },
  {
    path: '/callbacks/month-end',
    icon: <CarryOutOutlined />,
    labelKey: 'callbacks.nav.monthEnd',
    permission: 'callback.audit',
  },
  {
    path: '/callbacks/reports',
    icon: <LineChartOutlined />,
    labelKey: 'callbackProgrammes.nav.reports',
    permission: 'callback.report',
  },
  {
    path: '/callbacks/dealers',
    icon: <ShopOutlined />,
    labelKey: 'callbackProgrammes.nav.dealers',
    permission: 'dealer.callback',
  },
  {
    path: '/callbacks/home',
    icon: <HomeOutlined />,
    labelKey: 'callbackProgrammes.nav.homeService',
    permission: 'home.read',
  },
  // The agent's look-up comes first: it is the screen used with a customer on the line.
  {
    path: '/master/customers',
    icon: <UserOutlined />,
    labelKey: 'nav.customers',
    permission: 'customer.read',
    group: 'master',
  },
  {
    path: '/master/outlets',
    icon: <ShopOutlined />,
    labelKey: 'nav.outlets',
    permission: 'outlet.read',
    group: 'master',
  },
  {
    path: '/master/engineers',
    icon: <IdcardOutlined />,
    labelKey: 'nav.engineers',
    permission: 'engineer.read',
    group: 'master',
  },
  {
    path: '/master/models',
    icon: <BarcodeOutlined />,
    labelKey: 'nav.models',
    permission: 'catalog.read',
    group: 'master',
  },
  {
    path: '/master/dealers',
    icon: <ShoppingOutlined />,
    labelKey: 'nav.dealers',
    permission: 'dealer.read',
    group: 'master',
  },
  {
    path: '/master/regions',
    icon: <EnvironmentOutlined />,
    labelKey: 'nav.regions',
    permission: 'catalog.read',
    group: 'master',
  },
  {
    path: '/master/calendar',
    icon: <CalendarOutlined />,
    labelKey: 'nav.calendar',
    permission: 'catalog.read',
    group: 'master',
  },
  {
    path: '/master/import',
    icon: <CloudUploadOutlined />,
    labelKey: 'nav.import',
    permission: 'import.run',
    group: 'master',
  },
  { path: '/admin/users', icon: <TeamOutlined />, labelKey: 'nav.users', permission: 'user.read' },
  { path: '/admin/policies', icon: <SettingOutlined />, labelKey: 'nav.policies', permission: 'policy.read' },
  { path: '/admin/audit', icon: <AuditOutlined />, labelKey: 'nav.audit', permission: 'audit.read' },
];

/** Workbenches that are a page of their own: the home menu item already leads there. */
const WORKBENCH_PATHS: Partial<Record<Role, string>> = {
  agent: '/orders/new',
  dispatcher: '/dispatch/board',
  engineer: '/engineer/jobs',
  callback: '/callbacks',
};

export function navItemsFor(me: Me): NavItem[] {
  return NAV_ITEMS.filter(
    (item) => me.permissions.includes(item.permission) && item.path !== WORKBENCH_PATHS[me.role],
  );
}
