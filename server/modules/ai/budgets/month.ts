/** The budget month a moment falls in: its first day, UTC, as PostgreSQL's date text ('2026-11-01'). */
export function monthOf(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString().slice(0, 10);
}

/** Dollars as exact numeric text for SQL: 8 decimals, like the columns, never a float's binary noise. */
export function dollarsText(value: number): string {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`invalid dollar amount ${value}`);
  return value.toFixed(8);
}

/** A held estimate, returned by reserveBudget and handed back to settleBudget or releaseBudget. */
export interface TReservation {
  id: string;
  organizationId: string;
  month: string;
  tokens: number;
  cost: number;
  expiresAt: Date;
}

/** The first moment of the next budget month (UTC): when a refused budget has room again. */
export function nextMonthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}
