import { createBrowserRouter, Navigate, useLocation, type RouteObject } from 'react-router';
import LoginPage from '@/features/auth/routes/LoginPage';
import type { DecidedNomineeSlot } from '@/features/commendations/components/NomineesCard';
import { session } from '@/lib/api/client';
import type { Exemplar, Role } from '@/lib/api/models';
import { useSession } from '@/lib/auth/use-session';
import { PATHS, ROUTE_ROLES } from '@/lib/paths';
import {
  loadAppLayout,
  loadDashboard,
  loadHomePage,
  loadRequireRole,
  loadSignedInShell,
  preloadSignedIn,
} from './preload';
import { RequireSignedIn } from './routes/guards';
import { FullPageSpin, RouteError } from './routes/LightStatus';
import { SessionGate } from './routes/SessionGate';

// Each page is its own chunk, loaded on first visit. The sign-in page and what surrounds it are
// in the first chunk and use no UI library; the library, its theme and the query cache come with
// the signed-in part (SignedInShell), which the sign-in page starts loading at the first keystroke.
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

/** A part of the app only some roles may open (the 403 page comes with the signed-in part). */
const requireRole = (roles: readonly Role[]) => async () => {
  const { RequireRole } = await loadRequireRole();
  return { element: <RequireRole roles={roles} /> };
};

/** The exemplar page, with the tabs other features add to it. */
async function loadExemplarDetail() {
  const [{ default: ExemplarDetailPage }, { PublicationPanel }] = await Promise.all([
    import('@/features/exemplars/routes/ExemplarDetailPage'),
    import('@/features/publication/components/PublicationPanel'),
  ]);
  const extraTabs = [
    {
      key: 'cong-bo',
      label: 'Công bố',
      render: (exemplar: Exemplar) => <PublicationPanel exemplar={exemplar} />,
    },
  ];
  return { Component: () => <ExemplarDetailPage extraTabs={extraTabs} /> };
}

/** A proposal's page, with the publication of each decided nominee on the public portal. */
async function loadProposalDetail() {
  const [{ default: ProposalDetailPage }, { CommendationPublicationButton }] = await Promise.all([
    import('@/features/commendations/routes/ProposalDetailPage'),
    import('@/features/publication/components/CommendationPublication'),
  ]);
  const decidedNominee: DecidedNomineeSlot = (nominee, proposal) => (
    <CommendationPublicationButton
      target={{ proposalId: proposal.id, nomineeId: nominee.id, name: nominee.fullName }}
    />
  );
  return { Component: () => <ProposalDetailPage decidedNominee={decidedNominee} /> };
}

/** The home page, with the dashboard in it (its charts load later, on their own). */
async function loadHome() {
  const [{ default: HomePage }, { Dashboard }] = await Promise.all([loadHomePage(), loadDashboard()]);
  return { Component: () => <HomePage dashboard={Dashboard} /> };
}

/** The signed-in part of the app, added to the routes once someone is signed in (see below). */
const signedInRoutes: RouteObject[] = [
  {
    lazy: page(loadSignedInShell),
    children: [
      {
        path: PATHS.changePassword,
        lazy: page(() => import('@/features/profile/routes/ForcedPasswordChangePage')),
      },
      {
        lazy: async () => ({ Component: (await loadAppLayout()).AppLayout }),
        children: [
          { index: true, lazy: loadHome },
          { path: PATHS.units, lazy: page(() => import('@/features/units/routes/UnitsPage')) },
          {
            path: PATHS.exemplars,
            lazy: page(() => import('@/features/exemplars/routes/ExemplarListPage')),
          },
          {
            lazy: requireRole(ROUTE_ROLES.exemplarWrite),
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
            lazy: loadExemplarDetail,
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
            lazy: requireRole(ROUTE_ROLES.propagation),
            children: [
              {
                path: PATHS.propagation,
                lazy: page(() => import('@/features/propagation/routes/PropagationPage')),
              },
            ],
          },
          { path: PATHS.help, lazy: page(() => import('@/features/help/routes/HelpPage')) },
          {
            path: PATHS.obligations,
            lazy: page(() => import('@/features/obligations/routes/ObligationsPage')),
          },
          {
            path: `${PATHS.obligations}/bao-cao/:id`,
            lazy: page(() => import('@/features/obligations/routes/ReportSubmissionPage')),
          },
          {
            lazy: requireRole(ROUTE_ROLES.reports),
            children: [
              { path: PATHS.reports, lazy: page(() => import('@/features/reports/routes/ReportListPage')) },
              {
                path: PATHS.reportLookup,
                lazy: page(() => import('@/features/reports/routes/ReportLookupPage')),
              },
              {
                path: PATHS.compendium,
                lazy: page(() => import('@/features/reports/routes/CompendiumPage')),
              },
              {
                path: `${PATHS.reports}/:id`,
                lazy: page(() => import('@/features/reports/routes/ReportPage')),
              },
            ],
          },
          {
            path: PATHS.difficulties,
            lazy: page(() => import('@/features/difficulties/routes/DifficultiesPage')),
          },
          {
            path: `${PATHS.difficulties}/:id`,
            lazy: page(() => import('@/features/difficulties/routes/DifficultyPage')),
          },
          {
            lazy: requireRole(ROUTE_ROLES.calendarSettings),
            children: [
              {
                path: PATHS.calendarSettings,
                lazy: page(() => import('@/features/calendar-settings/routes/CalendarSettingsPage')),
              },
            ],
          },
          {
            lazy: requireRole(ROUTE_ROLES.webhooks),
            children: [
              {
                path: PATHS.webhooks,
                lazy: page(() => import('@/features/calendar-settings/routes/WebhooksPage')),
              },
            ],
          },
          {
            lazy: requireRole(ROUTE_ROLES.commendations),
            children: [
              {
                path: PATHS.commendations,
                lazy: page(() => import('@/features/commendations/routes/ProposalListPage')),
              },
              {
                path: `${PATHS.commendations}/:id`,
                lazy: loadProposalDetail,
              },
            ],
          },
          {
            lazy: requireRole(ROUTE_ROLES.commendationWrite),
            children: [
              {
                path: PATHS.newCommendation,
                lazy: page(() => import('@/features/commendations/routes/ProposalFormPage')),
              },
              {
                path: `${PATHS.commendations}/:id/sua`,
                lazy: page(() => import('@/features/commendations/routes/ProposalFormPage')),
              },
            ],
          },
          {
            lazy: requireRole(ROUTE_ROLES.commendationCatalogue),
            children: [
              {
                path: PATHS.commendationCatalogue,
                lazy: page(() => import('@/features/commendations/routes/CataloguePage')),
              },
            ],
          },
          {
            path: PATHS.ballots,
            lazy: page(() => import('@/features/council/routes/BallotsPage')),
          },
          {
            path: `${PATHS.councilMeetings}/:id`,
            lazy: page(() => import('@/features/council/routes/MeetingPage')),
          },
          {
            lazy: requireRole(ROUTE_ROLES.council),
            children: [
              { path: PATHS.council, lazy: page(() => import('@/features/council/routes/CouncilPage')) },
            ],
          },
          {
            lazy: requireRole(ROUTE_ROLES.noticeModeration),
            children: [
              {
                path: PATHS.noticeModeration,
                lazy: page(() => import('@/features/council/routes/NoticeModerationPage')),
              },
            ],
          },
          {
            lazy: requireRole(ROUTE_ROLES.eligibility),
            children: [
              {
                path: PATHS.eligibility,
                lazy: page(() => import('@/features/eligibility/routes/EligibilityPage')),
              },
            ],
          },
          {
            lazy: requireRole(ROUTE_ROLES.users),
            children: [
              { path: PATHS.users, lazy: page(() => import('@/features/users/routes/UsersPage')) },
              {
                path: PATHS.serviceAccounts,
                lazy: page(() => import('@/features/service-accounts/routes/ServiceAccountsPage')),
              },
            ],
          },
          {
            lazy: requireRole(ROUTE_ROLES.audit),
            children: [{ path: PATHS.audit, lazy: page(() => import('@/features/audit/routes/AuditPage')) }],
          },
          {
            path: '*',
            lazy: async () => ({ Component: (await import('./routes/StatusPages')).NotFound }),
          },
        ],
      },
    ],
  },
];

const SIGNED_IN = 'signed-in';

export function createRouter() {
  let discovered = false;

  /** A path no route matches yet: the sign-in page for someone signed out. */
  function UnmatchedPath() {
    const { status } = useSession();
    const location = useLocation();
    if (status !== 'signedIn') {
      const from = location.pathname + location.search + location.hash;
      return <Navigate to={PATHS.login} replace state={{ from }} />;
    }
    // Signed in, but the server could not be reached when the routes were looked up: again.
    if (!discovered) return <Navigate to={location} replace />;
    return <FullPageSpin />;
  }

  const routes: RouteObject[] = [
    // The public portal: no sign-in, none of the signed-in part's code (its own light chunk).
    {
      path: PATHS.portal,
      lazy: page(() => import('@/features/portal/routes/PortalLayout')),
      errorElement: <RouteError />,
      hydrateFallbackElement: <FullPageSpin />,
      children: [
        { index: true, lazy: page(() => import('@/features/portal/routes/GalleryPage')) },
        {
          path: 'guong-dien-hinh/:id',
          lazy: page(() => import('@/features/portal/routes/PublicExemplarPage')),
        },
        { path: 'lay-y-kien', lazy: page(() => import('@/features/portal/routes/NoticesPage')) },
        { path: 'lay-y-kien/:id', lazy: page(() => import('@/features/portal/routes/NoticePage')) },
        {
          path: 'khen-thuong',
          lazy: page(() => import('@/features/portal/routes/CommendationsPage')),
        },
        {
          path: 'khen-thuong/:id',
          lazy: page(() => import('@/features/portal/routes/PublicCommendationPage')),
        },
        {
          path: '*',
          lazy: async () => ({
            Component: (await import('@/features/portal/routes/PortalLayout')).PortalNotFoundPage,
          }),
        },
      ],
    },
    {
      element: <SessionGate />,
      errorElement: <RouteError />,
      hydrateFallbackElement: <FullPageSpin />,
      children: [
        { path: PATHS.login, element: <LoginPage onActivity={preloadSignedIn} /> },
        { id: SIGNED_IN, element: <RequireSignedIn /> },
        { path: '*', element: <UnmatchedPath /> },
      ],
    },
  ];

  return createBrowserRouter(routes, {
    /*
     * The router starts loading every matched route's chunks as soon as it matches them, so the
     * signed-in routes are not there until the session is known to be signed in: someone signed
     * out who opens any address gets only the sign-in page's code, and is sent there.
     */
    async patchRoutesOnNavigation({ patch, signal }) {
      if (discovered) return;
      try {
        await session.restore();
      } catch {
        return; // The session gate says the server is unreachable and tries again.
      }
      if (signal.aborted || session.getState().status !== 'signedIn') return;
      discovered = true;
      patch(SIGNED_IN, signedInRoutes);
    },
  });
}
