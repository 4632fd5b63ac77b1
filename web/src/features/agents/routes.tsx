import { Bot } from 'lucide-react';
import type { RouteObject } from 'react-router';
import type { TNavItem } from '../../app/nav.ts';

// Each page its own chunk (loaded with `lazy`), paths relative to the app root.
export const routes: RouteObject[] = [
  { path: 'agents', lazy: async () => ({ Component: (await import('./pages/agents-page.tsx')).AgentsPage }) },
  {
    path: 'agents/new',
    lazy: async () => ({ Component: (await import('./pages/agent-new-page.tsx')).AgentNewPage }),
  },
  {
    path: 'agents/:id',
    lazy: async () => ({ Component: (await import('./pages/agent-page.tsx')).AgentPage }),
  },
];

export const nav: TNavItem[] = [
  { to: '/agents', label: 'Agents', icon: Bot, permission: 'agent:read', order: 20 },
];
