import { eq } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Database } from '../../../platform/db/index.ts';
import { users } from '../../identity/index.ts';

/**
 * Display names for presence, read from the users table and kept a minute: awareness updates arrive many
 * times a second per client (cursor moves), and a renamed user showing the old name for a minute is fine.
 */
export function userNamesFromDb(db: Database, ttlMs = 60_000): (userId: string) => Promise<string> {
  const cache = new LRUCache<string, string>({
    max: 10_000,
    ttl: ttlMs,
    fetchMethod: async (userId) => {
      // Owner path: a user's display name is not tenant data (users belong to several organizations).
      const [row] = await db.orm
        .select({ name: users.name, email: users.email })
        .from(users)
        .where(eq(users.id, userId));
      return row ? row.name || row.email.split('@')[0] || 'Someone' : 'Someone';
    },
  });
  return async (userId) => (await cache.fetch(userId)) ?? 'Someone';
}
