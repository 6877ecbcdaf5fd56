import type { ReactNode } from 'react';
import {
  AlertOutlined,
  AppstoreOutlined,
  AuditOutlined,
  CarOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FileTextOutlined,
  PhoneOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import type { Me, Role } from '../api/types';

export interface NavItem {
  path: string;
  icon: ReactNode;
  /** Dictionary key of the menu label. */
  labelKey: 'nav.users' | 'nav.policies' | 'nav.audit';
  permission: string;
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
  { path: '/admin/users', icon: <TeamOutlined />, labelKey: 'nav.users', permission: 'user.read' },
  { path: '/admin/policies', icon: <SettingOutlined />, labelKey: 'nav.policies', permission: 'policy.read' },
  { path: '/admin/audit', icon: <AuditOutlined />, labelKey: 'nav.audit', permission: 'audit.read' },
];

export function navItemsFor(me: Me): NavItem[] {
  return NAV_ITEMS.filter((item) => me.permissions.includes(item.permission));
}
