import { createBrowserRouter, type RouteObject } from 'react-router';
import { routes as authRoutes } from '../features/auth/routes.tsx';
import { routes as organizationRoutes } from '../features/organizations/routes.tsx';
import { featureRoutes } from './feature-routes.ts';
import { RequireOrganization } from './guards.tsx';
import { NotFound } from './not-found.tsx';
import { PublicLayout } from './public-layout.tsx';
import { RouteError } from './route-error.tsx';
import { AppShell } from './shell/app-shell.tsx';

// Each feature route gets its own error boundary, so a failing page shows its error inside the shell
// (header and navigation stay usable) instead of replacing the whole app.
const withErrorBoundary = (routes: RouteObject[]): RouteObject[] =>
  routes.map((route) => ({ errorElement: <RouteError />, ...route }) as RouteObject);

/** Every route of the app: the public pages, onboarding, and the signed-in shell with the features. */
export const appRoutes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    children: [
      { element: <PublicLayout />, children: withErrorBoundary([...authRoutes, ...organizationRoutes]) },
      {
        element: (
          <RequireOrganization>
            <AppShell />
          </RequireOrganization>
        ),
        children: withErrorBoundary([...featureRoutes, { path: '*', element: <NotFound /> }]),
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(appRoutes);
}
