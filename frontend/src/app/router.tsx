import { createBrowserRouter, type RouteObject } from 'react-router';
import { PATHS, ROUTE_ROLES } from '@/lib/navigation';
import { AppLayout } from './layout/AppLayout';
import { RequireRole, RequireSignedIn } from './routes/guards';
import { SessionGate } from './routes/SessionGate';
import { FullPageSpin, NotFound, RouteError } from './routes/StatusPages';

// Each page is its own chunk, loaded on first visit.
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

const routes: RouteObject[] = [
  {
    element: <SessionGate />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <FullPageSpin />,
    children: [
      { path: PATHS.login, lazy: page(() => import('@/features/auth/routes/LoginPage')) },
      {
        element: <RequireSignedIn />,
        children: [
          {
            path: PATHS.changePassword,
            lazy: page(() => import('@/features/profile/routes/ForcedPasswordChangePage')),
          },
          {
            element: <AppLayout />,
            children: [
              { index: true, lazy: page(() => import('@/features/home/routes/HomePage')) },
              { path: PATHS.units, lazy: page(() => import('@/features/units/routes/UnitsPage')) },
              {
                path: PATHS.exemplars,
                lazy: page(() => import('@/features/exemplars/routes/ExemplarListPage')),
              },
              {
                element: <RequireRole roles={ROUTE_ROLES.exemplarWrite} />,
                children: [
                  {
                    path: PATHS.newExemplar,
                    lazy: page(() => import('@/features/exemplars/routes/ExemplarFormPage')),
                  },
                  {
                    path: `${PATHS.exemplars}/:id/sua`,
                    lazy: page(() => import('@/features/exemplars/routes/ExemplarFormPage')),
                  },
                ],
              },
              {
                path: `${PATHS.exemplars}/:id`,
                lazy: page(() => import('@/features/exemplars/routes/ExemplarDetailPage')),
              },
              {
                path: `${PATHS.evaluations}/:id`,
                lazy: page(() => import('@/features/evaluations/routes/EvaluationPage')),
              },
              {
                path: PATHS.introductions,
                lazy: page(() => import('@/features/introductions/routes/IntroductionsPage')),
              },
              {
                path: PATHS.movements,
                lazy: page(() => import('@/features/movements/routes/MovementsPage')),
              },
              {
                path: PATHS.criteria,
                lazy: page(() => import('@/features/criteria/routes/CriteriaSetsPage')),
              },
              { path: PATHS.profile, lazy: page(() => import('@/features/profile/routes/ProfilePage')) },
              {
                element: <RequireRole roles={ROUTE_ROLES.users} />,
                children: [
                  { path: PATHS.users, lazy: page(() => import('@/features/users/routes/UsersPage')) },
                  {
                    path: PATHS.serviceAccounts,
                    lazy: page(() => import('@/features/service-accounts/routes/ServiceAccountsPage')),
                  },
                ],
              },
              {
                element: <RequireRole roles={ROUTE_ROLES.audit} />,
                children: [
                  { path: PATHS.audit, lazy: page(() => import('@/features/audit/routes/AuditPage')) },
                ],
              },
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
