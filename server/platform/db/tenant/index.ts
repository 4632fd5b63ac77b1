// Tenant isolation in the database: row-level security policies (migration 0004_tenant_rls) and the
// transaction helper that runs work under them.
//
// The one tenancy idiom: `withTenant(db, organizationId, (tx) => …)` for tenant-scoped SQL, and when the same
// work emits domain events, `events.transaction((tx, emit) => …, { organizationId })`, which is withTenant plus
// the outbox: the emitted domain_events rows pass the same policy, so they must carry that organizationId (the
// bus refuses an event of a null or other organization inside a tenant transaction).
export { InvalidTenantError, TENANT_ROLE, TENANT_SETTING, withTenant } from './with-tenant.ts';
