import type { RouteObject } from 'react-router';
import * as agents from '../features/agents/routes.tsx';
import * as dashboard from '../features/dashboard/routes.tsx';
import * as playground from '../features/playground/routes.tsx';
import * as settings from '../features/settings/routes.tsx';
import * as workflows from '../features/workflows/routes.tsx';
import type { TNavItem } from './nav.ts';

// The product features inside the signed-in shell, in sidebar order. Each owns its routes.tsx.
const FEATURES = [dashboard, agents, workflows, playground, settings];

/** Every feature's routes, children of the signed-in shell. */
export const featureRoutes: RouteObject[] = FEATURES.flatMap((feature) => feature.routes);

/** Every feature's sidebar entries, by `order` then registration order. */
export const featureNav: TNavItem[] = FEATURES.flatMap((feature) => feature.nav)
  .map((item, index) => ({ item, index }))
  .sort((a, b) => (a.item.order ?? 100) - (b.item.order ?? 100) || a.index - b.index)
  .map(({ item }) => item);
