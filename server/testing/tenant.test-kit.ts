// Test data for the row-level security tests: two organizations with a row of their own in each tenant table,
// plus instance-level rows (organization_id null). Written as the owner, i.e. outside withTenant. Tests only.
import { randomUUID } from 'node:crypto';
import type { Database } from '../platform/db/index.ts';
import * as schema from '../schema.ts';

export interface TTenantRows {
  orgId: string;
  userId: string;
  projectIds: string[];
  memberId: string;
  apiKeyId: string;
  invitationId: string;
  projectMemberId: string;
}

async function seedTenant(db: Database, projectCount: number): Promise<TTenantRows> {
  const tag = randomUUID().slice(0, 8);
  const [user] = await db.orm
    .insert(schema.users)
    .values({ email: `u-${tag}@example.com` })
    .returning();
  const [org] = await db.orm
    .insert(schema.organizations)
    .values({ name: `Org ${tag}`, slug: `org-${tag}` })
    .returning();
  const orgId = org!.id;
  const userId = user!.id;
  const projects = await db.orm
    .insert(schema.projects)
    .values(
      Array.from({ length: projectCount }, (_, i) => ({
        organizationId: orgId,
        ownerId: userId,
        name: `P${i} ${tag}`,
        type: 'web',
      })),
    )
    .returning();
  const projectIds = projects.map((p) => p.id);
  const [member] = await db.orm
    .insert(schema.organizationMembers)
    .values({ organizationId: orgId, userId, role: 'owner' })
    .returning();
  const [apiKey] = await db.orm
    .insert(schema.apiKeys)
    .values({ organizationId: orgId, userId, name: 'k', prefix: 'ff_', keyHash: `h-${tag}`, scopes: [] })
    .returning();
  const [invitation] = await db.orm
    .insert(schema.invitations)
    .values({
      organizationId: orgId,
      email: `i-${tag}@example.com`,
      role: 'viewer',
      tokenHash: `t-${tag}`,
      invitedBy: userId,
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning();
  const [projectMember] = await db.orm
    .insert(schema.projectMembers)
    .values({ projectId: projectIds[0]!, userId, role: 'viewer' })
    .returning();
  for (const organizationId of [orgId, null]) {
    await db.orm.insert(schema.mailOutbox).values({
      organizationId,
      toAddress: `m-${tag}@example.com`,
      fromAddress: 'noreply@example.com',
      subject: 's',
      textBody: 'reset link',
      kind: 'test',
    });
    await db.orm
      .insert(schema.domainEvents)
      .values({ id: randomUUID(), type: 'test.seeded', aggregateId: tag, organizationId, payload: {} });
  }
  return {
    orgId,
    userId,
    projectIds,
    memberId: member!.id,
    apiKeyId: apiKey!.id,
    invitationId: invitation!.id,
    projectMemberId: projectMember!.id,
  };
}

/** Organization A with two projects, B with one; every tenant table gets rows of both. */
export async function seedTwoTenants(db: Database): Promise<{ a: TTenantRows; b: TTenantRows }> {
  return { a: await seedTenant(db, 2), b: await seedTenant(db, 1) };
}

/** The PostgreSQL error code of a failed query, looking through Drizzle's wrapping error. */
export function pgErrorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 5 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
