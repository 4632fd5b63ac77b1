import { LayoutDashboard } from 'lucide-react';
import type { RouteObject } from 'react-router';
import type { TNavItem } from '../../app/nav.ts';

// The dashboard is the app's home page (its own chunk).
export const routes: RouteObject[] = [
  {
    index: true,
    lazy: async () => ({ Component: (await import('./pages/dashboard-page.tsx')).DashboardPage }),
  },
];

export const nav: TNavItem[] = [{ to: '/', label: 'Dashboard', icon: LayoutDashboard, order: 0 }];
