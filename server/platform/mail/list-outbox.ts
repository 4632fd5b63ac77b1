import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { Database } from '../db/index.ts';
import { mailOutbox } from './schema.ts';

export type TOutboxMail = typeof mailOutbox.$inferSelect;

/** Outbox rows, newest first, for the development API, the web app and tests (which follow links in them). */
export async function listOutbox(
  db: Database,
  q: { to?: string; kind?: string; limit: number; offset: number },
): Promise<{ rows: TOutboxMail[]; total: number }> {
  const filters: SQL[] = [];
  if (q.to !== undefined) filters.push(eq(mailOutbox.toAddress, q.to.trim()));
  if (q.kind !== undefined) filters.push(eq(mailOutbox.kind, q.kind));
  const where = filters.length ? and(...filters) : undefined;
  const [rows, totals] = await Promise.all([
    db.orm
      .select()
      .from(mailOutbox)
      .where(where)
      .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
      .limit(q.limit)
      .offset(q.offset),
    db.orm.select({ n: count() }).from(mailOutbox).where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}
