// Tenant isolation in the database: row-level security policies (migration 0004_tenant_rls) and the
// transaction helper that runs work under them.
//
// The events bus runs `events.transaction(work, { organizationId })` through withTenant: the emitted
// domain_events rows pass the same policy, so they must carry that organizationId (the bus refuses an event of
// a null or other organization inside a tenant transaction). Modules reach both through the identity
// module's tenant runner (modules/identity/tenancy), which binds them to the request's organization.
export { InvalidTenantError, TENANT_ROLE, TENANT_SETTING, withTenant } from './with-tenant.ts';
