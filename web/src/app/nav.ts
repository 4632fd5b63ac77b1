import type { ComponentType } from 'react';
import type { TAction } from '../../../contracts/permissions/index.ts';

/** One sidebar entry a feature contributes from its routes.tsx. */
export type TNavItem = {
  /** Path inside the app, e.g. '/agents'. */
  to: string;
  label: string;
  /** A lucide-react icon component (import it by name: `import { Bot } from 'lucide-react'`). */
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
  /** Hidden when the member's role may not do this (the server still enforces it). */
  permission?: TAction;
  /** Sort order in the sidebar; lower first, then by registration order. */
  order?: number;
};
