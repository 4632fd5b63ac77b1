// Number, money and time formatting shared by the dashboard, the playground and the settings pages.

const integer = new Intl.NumberFormat('en-US');

/** 12,345 */
export const formatNumber = (value: number): string => integer.format(value);

/**
 * US dollars. AI calls often cost fractions of a cent, so small amounts keep up to six decimals instead of
 * showing a misleading $0.00; zero is shown as $0.
 */
export function formatCost(value: number): string {
  if (value === 0) return '$0';
  const abs = Math.abs(value);
  const digits = abs >= 1 ? 2 : abs >= 0.01 ? 4 : 6;
  return `$${value.toFixed(digits)}`;
}

/** 1.2 s or 340 ms. */
export const formatLatency = (ms: number): string =>
  ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** Nov 26, 2026, 6:40 PM (the reader's time zone). */
export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));

/** "November 2026" for the budget month (first day, UTC). */
export const formatMonth = (isoDay: string): string =>
  new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(isoDay),
  );

/** The first day of the current month and of the next one (UTC, as the server counts budget months). */
export function currentMonth(now = new Date()): { from: string; to: string } {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { from: from.toISOString(), to: to.toISOString() };
}
