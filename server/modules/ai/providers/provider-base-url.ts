import type { aiProviders } from '../schema.ts';
import { DEFAULT_BASE_URL } from './schemas.ts';

/** The row's base URL, or its kind's default, without a trailing slash. */
export function providerBaseUrl(row: Pick<typeof aiProviders.$inferSelect, 'kind' | 'baseUrl'>): string {
  const base = row.baseUrl ?? (row.kind === 'openai-compatible' ? '' : DEFAULT_BASE_URL[row.kind]);
  return base.replace(/\/+$/, '');
}
