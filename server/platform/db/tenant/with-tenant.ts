import { sql } from 'drizzle-orm';
import { isUuid } from '../../../../contracts/ids.ts';
import type { Database, TTx } from '../database.ts';

/** The role tenant work runs as (migration 0004_tenant_rls): not superuser, no BYPASSRLS, no login. */
export const TENANT_ROLE = 'ff_app';
/** The transaction setting the row-level security policies compare organization_id with. */
export const TENANT_SETTING = 'app.organization_id';

/** Thrown before any SQL runs when the organization id is not a UUID (a programming error, not user input). */
export class InvalidTenantError extends TypeError {
  constructor() {
    super('withTenant: organizationId must be a UUID');
    this.name = 'InvalidTenantError';
  }
}

/**
 * Runs work in one transaction as the tenant role with app.organization_id set to organizationId, so the
 * database itself hides and refuses rows of other organizations (a query without a WHERE clause sees only
 * this tenant's rows; writes of another tenant's rows affect nothing or fail the policy check). Both
 * settings are transaction-local: the pooled connection returns to the owner role when the transaction ends,
 * committed or rolled back. Code still scopes every query by organization; this is the second wall.
 *
 * Outside withTenant queries run as the owner of the tables (the migrating role), which sees every row: the
 * platform's own path for migrations, jobs and lookups that discover the tenant (API key by hash…).
 */
export async function withTenant<T>(
  db: Database,
  organizationId: string,
  work: (tx: TTx) => Promise<T>,
): Promise<T> {
  if (typeof organizationId !== 'string' || !isUuid(organizationId)) throw new InvalidTenantError();
  return db.orm.transaction(async (tx) => {
    // One statement sets both, transaction-local: set_config('role', …, true) is SET LOCAL ROLE (same
    // membership check) and costs one round trip instead of two; on PGlite it is also ~3x cheaper than SET.
    // The organization id travels only as a bound parameter.
    await tx.execute(
      sql`select set_config('role', ${TENANT_ROLE}, true), set_config(${TENANT_SETTING}, ${organizationId.toLowerCase()}, true)`,
    );
    return work(tx);
  });
}
