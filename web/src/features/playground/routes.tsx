import { FlaskConical } from 'lucide-react';
import type { RouteObject } from 'react-router';
import type { TNavItem } from '../../app/nav.ts';

export const routes: RouteObject[] = [
  {
    path: 'playground',
    lazy: async () => ({ Component: (await import('./pages/playground-page.tsx')).PlaygroundPage }),
  },
];

export const nav: TNavItem[] = [
  { to: '/playground', label: 'AI playground', icon: FlaskConical, permission: 'ai:generate', order: 40 },
];
