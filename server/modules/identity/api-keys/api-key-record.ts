import { z } from 'zod';
import type { apiKeys } from '../access-schema.ts';
import { API_KEY_SCOPES } from '../permissions/index.ts';

/** A key as the API shows it: masked to its display prefix, never the key or its hash. */
export const ZApiKeySchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TApiKey = z.infer<typeof ZApiKeySchema>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Picks the public fields of a row, field by field, so a new secret column can never leak by default. */
export function toApiKey(row: typeof apiKeys.$inferSelect): TApiKey {
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes,
    expiresAt: iso(row.expiresAt),
    lastUsedAt: iso(row.lastUsedAt),
    revokedAt: iso(row.revokedAt),
    createdAt: row.createdAt.toISOString(),
  };
}
