import { lazy } from 'react';
import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { ForbiddenPage, NotFoundPage } from '../features/errors/error-pages';
import { AppLayout } from '../layout/app-layout';
import { RequireAuth, RequirePermission } from './guards';

// Each area loads on first visit; the login page and layout stay in the entry chunk for a fast start.
const LoginPage = lazy(() => import('../features/auth/login-page').then((m) => ({ default: m.LoginPage })));
const HomePage = lazy(() => import('../features/home/home-page').then((m) => ({ default: m.HomePage })));
const UsersPage = lazy(() =>
  import('../features/admin/users/users-page').then((m) => ({ default: m.UsersPage })),
);
const PoliciesPage = lazy(() =>
  import('../features/admin/policies/policies-page').then((m) => ({ default: m.PoliciesPage })),
);
const AuditPage = lazy(() =>
  import('../features/admin/audit/audit-page').then((m) => ({ default: m.AuditPage })),
);
const RegionsPage = lazy(() =>
  import('../features/master/regions/regions-page').then((m) => ({ default: m.RegionsPage })),
);
const CalendarPage = lazy(() =>
  import('../features/master/calendar/calendar-page').then((m) => ({ default: m.CalendarPage })),
);
const ModelsPage = lazy(() =>
  import('../features/master/models/models-page').then((m) => ({ default: m.ModelsPage })),
);
const CustomersPage = lazy(() =>
  import('../features/master/customers/customers-page').then((m) => ({ default: m.CustomersPage })),
);
const DealersPage = lazy(() =>
  import('../features/master/dealers/dealers-page').then((m) => ({ default: m.DealersPage })),
);
const OutletsPage = lazy(() =>
  import('../features/master/outlets/outlets-page').then((m) => ({ default: m.OutletsPage })),
);
const OutletDetailPage = lazy(() =>
  import('../features/master/outlets/outlet-detail-page').then((m) => ({ default: m.OutletDetailPage })),
);
const EngineersPage = lazy(() =>
  import('../features/master/engineers/engineers-page').then((m) => ({ default: m.EngineersPage })),
);
const ImportPage = lazy(() =>
  import('../features/master/import/import-page').then((m) => ({ default: m.ImportPage })),
);

const IntakePage = lazy(() =>
  import('../features/orders/intake/intake-page').then((m) => ({ default: m.IntakePage })),
);
const OrdersPage = lazy(() =>
  import('../features/orders/list/orders-page').then((m) => ({ default: m.OrdersPage })),
);
const OrderDetailPage = lazy(() =>
  import('../features/orders/detail/order-detail-page').then((m) => ({ default: m.OrderDetailPage })),
);
const DispatchBoardPage = lazy(() =>
  import('../features/dispatch/board-page').then((m) => ({ default: m.DispatchBoardPage })),
);
const EngineerJobsPage = lazy(() =>
  import('../features/engineer/jobs-page').then((m) => ({ default: m.EngineerJobsPage })),
);
const CallbackQueuePage = lazy(() =>
  import('../features/callbacks/callback-queue-page').then((m) => ({ default: m.CallbackQueuePage })),
);
const CallbackTaskPage = lazy(() =>
  import('../features/callbacks/callback-task-page').then((m) => ({ default: m.CallbackTaskPage })),
);
const CallbackAuditPage = lazy(() =>
  import('../features/callbacks/callback-audit-page').then((m) => ({ default: m.CallbackAuditPage })),
);
const DealerCallbacksPage = lazy(() =>
  import('../features/callback-programmes').then((m) => ({ default: m.DealerCallbacksPage })),
);
const HomeServicePage = lazy(() =>
  import('../features/callback-programmes').then((m) => ({ default: m.HomeServicePage })),
);
const CallbackReportsPage = lazy(() =>
  import('../features/callback-programmes').then((m) => ({ default: m.CallbackReportsPage })),
);
const CallbackMonthEndPage = lazy(() =>
  import('../features/callbacks/callback-month-end-page').then((m) => ({ default: m.CallbackMonthEndPage })),
);

/** Master-data pages and the permission each needs to be opened at all. */
const MASTER_ROUTES: { path: string; permission: string; element: ReactNode }[] = [
  { path: 'master/regions', permission: 'catalog.read', element: <RegionsPage /> },
  { path: 'master/calendar', permission: 'catalog.read', element: <CalendarPage /> },
  { path: 'master/models', permission: 'catalog.read', element: <ModelsPage /> },
  { path: 'master/customers', permission: 'customer.read', element: <CustomersPage /> },
  { path: 'master/dealers', permission: 'dealer.read', element: <DealersPage /> },
  { path: 'master/outlets', permission: 'outlet.read', element: <OutletsPage /> },
  { path: 'master/outlets/:id', permission: 'outlet.read', element: <OutletDetailPage /> },
  { path: 'master/engineers', permission: 'engineer.read', element: <EngineersPage /> },
  { path: 'master/import', permission: 'import.run', element: <ImportPage /> },
  { path: 'orders/new', permission: 'order.create', element: <IntakePage /> },
  { path: 'orders', permission: 'order.read', element: <OrdersPage /> },
  { path: 'orders/:id', permission: 'order.read', element: <OrderDetailPage /> },
  { path: 'dispatch/board', permission: 'order.monitor', element: <DispatchBoardPage /> },
  { path: 'engineer/jobs', permission: 'order.field', element: <EngineerJobsPage /> },
  { path: 'callbacks', permission: 'callback.read', element: <CallbackQueuePage /> },
  { path: 'callbacks/audit', permission: 'callback.audit', element: <CallbackAuditPage /> },
  { path: 'callbacks/month-end', permission: 'callback.audit', element: <CallbackMonthEndPage /> },
  { path: 'callbacks/dealers', permission: 'dealer.read', element: <DealerCallbacksPage /> },
  { path: 'callbacks/home', permission: 'home.read', element: <HomeServicePage /> },
  { path: 'callbacks/reports', permission: 'callback.report', element: <CallbackReportsPage /> },
  { path: 'callbacks/:id', permission: 'callback.read', element: <CallbackTaskPage /> },
];

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route
          path="admin/users"
          element={
            <RequirePermission permission="user.read">
              <UsersPage />
            </RequirePermission>
          }
        />
        <Route
          path="admin/policies"
          element={
            <RequirePermission permission="policy.read">
              <PoliciesPage />
            </RequirePermission>
          }
        />
        <Route
          path="admin/audit"
          element={
            <RequirePermission permission="audit.read">
              <AuditPage />
            </RequirePermission>
          }
        />
        {MASTER_ROUTES.map((route) => (
          <Route
            key={route.path}
            path={route.path}
            element={<RequirePermission permission={route.permission}>{route.element}</RequirePermission>}
          />
        ))}
        <Route path="403" element={<ForbiddenPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
