import type { RouteObject } from 'react-router';
import { PublicOnly } from '../../app/guards.tsx';

// The signed-out pages, each its own chunk. Sign-in and sign-up send a signed-in visitor on into the app;
// the mailed-link pages work either way.
export const routes: RouteObject[] = [
  {
    path: 'sign-in',
    lazy: async () => {
      const { SignInPage } = await import('./pages/sign-in-page.tsx');
      return {
        element: (
          <PublicOnly>
            <SignInPage />
          </PublicOnly>
        ),
      };
    },
  },
  {
    path: 'sign-up',
    lazy: async () => {
      const { SignUpPage } = await import('./pages/sign-up-page.tsx');
      return {
        element: (
          <PublicOnly>
            <SignUpPage />
          </PublicOnly>
        ),
      };
    },
  },
  {
    path: 'verify-email',
    lazy: async () => ({ Component: (await import('./pages/verify-email-page.tsx')).VerifyEmailPage }),
  },
  {
    path: 'forgot-password',
    lazy: async () => ({ Component: (await import('./pages/forgot-password-page.tsx')).ForgotPasswordPage }),
  },
  {
    path: 'reset-password',
    lazy: async () => ({ Component: (await import('./pages/reset-password-page.tsx')).ResetPasswordPage }),
  },
];
