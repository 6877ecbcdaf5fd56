import { lazy } from 'react';
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
        <Route path="403" element={<ForbiddenPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
