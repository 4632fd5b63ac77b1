import type { aiProviders } from '../schema.ts';
import type { TProvider } from './schemas.ts';

/** The API's view of a row: everything but the sealed key. */
export function toProvider(row: typeof aiProviders.$inferSelect): TProvider {
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    kind: row.kind,
    baseUrl: row.baseUrl,
    apiKeyHint: row.apiKeyHint,
    status: row.status,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * What may be shown of a key: its scheme prefix and last four characters ("sk-…a1b2"). Short keys show only
 * the ellipsis, since four of eight characters would give half the secret away.
 */
export function maskApiKey(key: string): string {
  if (key.length < 16) return '…';
  const dash = key.indexOf('-');
  const prefix = dash > 0 && dash <= 8 ? key.slice(0, dash + 1) : key.slice(0, 3);
  return `${prefix}…${key.slice(-4)}`;
}
