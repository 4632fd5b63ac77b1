import type { TSelectOption } from '../../../components/ui/index.ts';
import { modelRef, type TAiModel, type TAiRoute } from '../api.ts';

/** Encodes "call this model" / "call this route" in one select value. */
export const targetValue = (target: { model?: string | null; route?: string | null }): string =>
  target.route ? `route:${target.route}` : target.model ? `model:${target.model}` : '';

export function parseTarget(value: string): { model?: string; route?: string } {
  if (value.startsWith('route:')) return { route: value.slice('route:'.length) };
  if (value.startsWith('model:')) return { model: value.slice('model:'.length) };
  return {};
}

/** The active models and the routes as one list of choices, each labelled with what it is. */
export function targetOptions(models: readonly TAiModel[], routes: readonly TAiRoute[]): TSelectOption[] {
  return [
    ...models
      .filter((m) => m.status === 'active')
      .map((m) => ({ value: `model:${modelRef(m)}`, label: `Model: ${m.displayName} (${m.providerKind})` })),
    ...routes.map((r) => ({ value: `route:${r.name}`, label: `Route: ${r.name} (${r.strategy})` })),
  ];
}
