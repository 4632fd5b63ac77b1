// Column builders every module's schema shares, so the same column is declared one way everywhere.
import { numeric, timestamp } from 'drizzle-orm/pg-core';

/** `created_at timestamptz not null default now()`. */
export const createdAtColumn = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** `updated_at timestamptz not null default now()`; operations set it on change. */
export const updatedAtColumn = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** Money in US dollars: 8 decimals, so a 10-token call to a cheap model (fractions of a micro-dollar) is kept. */
export const dollarsColumn = (name: string) => numeric(name, { precision: 18, scale: 8 });
