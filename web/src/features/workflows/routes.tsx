import { CheckCircle, Workflow } from 'lucide-react';
import type { RouteObject } from 'react-router';
import type { TNavItem } from '../../app/nav.ts';

// Each page its own chunk: @xyflow/react is imported only by the editor and run pages.
export const routes: RouteObject[] = [
  {
    path: 'workflows',
    lazy: async () => ({ Component: (await import('./pages/workflows-page.tsx')).WorkflowsPage }),
  },
  {
    path: 'workflows/new',
    lazy: async () => ({ Component: (await import('./pages/workflow-new-page.tsx')).WorkflowNewPage }),
  },
  {
    path: 'workflows/:id',
    lazy: async () => ({ Component: (await import('./pages/workflow-editor-page.tsx')).WorkflowEditorPage }),
  },
  {
    path: 'workflows/:id/runs',
    lazy: async () => ({ Component: (await import('./pages/workflow-runs-page.tsx')).WorkflowRunsPage }),
  },
  { path: 'runs/:runId', lazy: async () => ({ Component: (await import('./pages/run-page.tsx')).RunPage }) },
  {
    path: 'approvals',
    lazy: async () => ({ Component: (await import('./pages/approvals-page.tsx')).ApprovalsPage }),
  },
];

export const nav: TNavItem[] = [
  { to: '/workflows', label: 'Workflows', icon: Workflow, permission: 'workflow:read', order: 30 },
  { to: '/approvals', label: 'Approvals', icon: CheckCircle, permission: 'workflow:read', order: 31 },
];
