import type { RouteObject } from 'react-router';
import { RequireSession } from '../../app/guards.tsx';

// Onboarding needs a signed-in user (with or without an organization); accepting an invitation works
// signed out too, by sending the visitor through sign-in and back.
export const routes: RouteObject[] = [
  {
    path: 'onboarding',
    lazy: async () => {
      const { OnboardingPage } = await import('./pages/onboarding-page.tsx');
      return {
        element: (
          <RequireSession>
            <OnboardingPage />
          </RequireSession>
        ),
      };
    },
  },
  {
    path: 'invitations/accept',
    lazy: async () => ({
      Component: (await import('./pages/accept-invitation-page.tsx')).AcceptInvitationPage,
    }),
  },
];
