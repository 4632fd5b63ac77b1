import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { apiKeys } from '../access-schema.ts';

/** last_used_at is a "roughly when" for humans: written at most this often per key. */
export const LAST_USED_RESOLUTION_MS = 60_000;
const MAX_TRACKED = 10_000;

// When this process last wrote each key's last_used_at. Per process on purpose: it spares the database a
// write per request; across processes the conditional UPDATE below keeps it to one change a minute.
const lastWrites = new Map<string, number>();

/** Records that a key was used at `now`, unless it was recorded less than a minute ago. */
export async function touchLastUsed({ db, apiKeyId, now }: { db: Database; apiKeyId: string; now: Date }) {
  const at = now.getTime();
  const last = lastWrites.get(apiKeyId);
  if (last !== undefined && at - last < LAST_USED_RESOLUTION_MS && at >= last) return;
  lastWrites.delete(apiKeyId);
  lastWrites.set(apiKeyId, at);
  // Maps iterate in insertion order: drop the oldest so the table stays bounded.
  if (lastWrites.size > MAX_TRACKED) {
    const oldest = lastWrites.keys().next().value;
    if (oldest !== undefined) lastWrites.delete(oldest);
  }
  // Owner path: runs inside key verification, before the request has a tenant.
  await db.orm
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiKeys.id, apiKeyId),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(at - LAST_USED_RESOLUTION_MS))),
      ),
    );
}
