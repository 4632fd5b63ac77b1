import { Settings } from 'lucide-react';
import type { ComponentType } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import type { TNavItem } from '../../app/nav.ts';

// /settings/* : a layout with the settings sub-navigation; each page is its own chunk.
const page = (path: string, load: () => Promise<{ Component: ComponentType }>): RouteObject => ({
  path,
  lazy: load,
});

export const routes: RouteObject[] = [
  {
    path: 'settings',
    lazy: async () => ({ Component: (await import('./pages/settings-layout.tsx')).SettingsLayout }),
    children: [
      { index: true, element: <Navigate to="profile" replace /> },
      page('profile', async () => ({ Component: (await import('./pages/profile-page.tsx')).ProfilePage })),
      page('organization', async () => ({
        Component: (await import('./pages/organization-page.tsx')).OrganizationPage,
      })),
      page('members', async () => ({ Component: (await import('./pages/members-page.tsx')).MembersPage })),
      page('roles', async () => ({ Component: (await import('./pages/roles-page.tsx')).RolesPage })),
      page('api-keys', async () => ({ Component: (await import('./pages/api-keys-page.tsx')).ApiKeysPage })),
      page('ai', async () => ({ Component: (await import('./pages/ai-page.tsx')).AiSettingsPage })),
      page('flags', async () => ({ Component: (await import('./pages/flags-page.tsx')).FlagsPage })),
      page('audit', async () => ({ Component: (await import('./pages/audit-page.tsx')).AuditPage })),
      page('usage', async () => ({ Component: (await import('./pages/usage-page.tsx')).UsagePage })),
    ],
  },
];

export const nav: TNavItem[] = [{ to: '/settings/profile', label: 'Settings', icon: Settings, order: 90 }];
