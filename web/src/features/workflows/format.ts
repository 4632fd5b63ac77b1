// Number and time formatting shared by the agents and workflows pages. Missing values show as "—" so a
// metric with no data yet is never mistaken for zero.

const NUMBER = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const COST = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', maximumFractionDigits: 4 });

export const DASH = '—';

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? DASH : NUMBER.format(value);
}

export function formatCost(value: number | null | undefined): string {
  return value === null || value === undefined ? DASH : COST.format(value);
}

/** A ratio 0..1 as a whole percentage. */
export function formatPercent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? DASH : `${Math.round(ratio * 100)}%`;
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return DASH;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return DASH;
  return new Date(iso).toLocaleString();
}

/** Milliseconds between two ISO instants (or until now while the second is missing). */
export function elapsed(from: string | null, to: string | null): number | null {
  if (!from) return null;
  return (to ? Date.parse(to) : Date.now()) - Date.parse(from);
}

/** Any JSON value as indented text for <pre>; strings as they are. */
export function formatJson(value: unknown): string {
  if (value === undefined) return DASH;
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2);
}
