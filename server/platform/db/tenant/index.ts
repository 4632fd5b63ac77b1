// Tenant isolation in the database: row-level security policies (migration 0004_tenant_rls) and the
// transaction helper that runs work under them.
//
// Later, the events bus can run its transaction through withTenant when the caller names a tenant, e.g.
// `events.transaction(work, { organizationId })` calling `withTenant(db, organizationId, (tx) => …)` in place
// of `db.orm.transaction`: the emitted domain_events rows then pass the same policy, so they must carry that
// organizationId (an event with a null or other organization is refused inside a tenant transaction).
export { InvalidTenantError, TENANT_ROLE, TENANT_SETTING, withTenant } from './with-tenant.ts';
