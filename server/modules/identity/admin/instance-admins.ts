import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import { instanceBootstrap, users } from '../schema.ts';

/** Whether the user is an instance admin now (read on every admin request, so a revoke applies at once). */
export async function isInstanceAdmin(db: Database, userId: string): Promise<boolean> {
  // Owner path: instance admins are instance-level, no tenant.
  const [row] = await db.orm.select({ admin: users.isInstanceAdmin }).from(users).where(eq(users.id, userId));
  return row?.admin === true;
}

/**
 * Makes `userId` the instance admin when it is the instance's first account: the `first-admin` step can be
 * inserted once, ever, so of two sign-ups racing on a fresh instance exactly one wins, and an instance whose
 * admin was later revoked does not crown the next sign-up. True when this user became the admin.
 */
export async function claimFirstAdmin(db: Database, userId: string): Promise<boolean> {
  // Owner path: runs from the sign-up hook, before the user belongs to any organization.
  return db.orm.transaction(async (tx) => {
    const claimed = await tx
      .insert(instanceBootstrap)
      .values({ step: 'first-admin', userId })
      .onConflictDoNothing()
      .returning({ step: instanceBootstrap.step });
    if (claimed.length === 0) return false;
    await tx.update(users).set({ isInstanceAdmin: true }).where(eq(users.id, userId));
    return true;
  });
}

/**
 * Grants or revokes instance admin for the account with `email` (any case). Refuses to revoke the last admin,
 * which would leave nobody able to change plans from the API. Returns the account's id.
 */
export async function setInstanceAdmin({
  db,
  email,
  admin,
}: {
  db: Database;
  email: string;
  admin: boolean;
}): Promise<{ userId: string; email: string; changed: boolean }> {
  // Owner path: instance-level change made by the operator's CLI.
  return db.orm.transaction(async (tx) => {
    // Serialises grants and revokes, so two revokes cannot each leave the other as the "last" admin.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('flashfusion:instance-admins'))`);
    const [user] = await tx
      .select({ id: users.id, email: users.email, admin: users.isInstanceAdmin })
      .from(users)
      .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
    if (!user) throw new AppError('RESOURCE_NOT_FOUND', `No account with the email ${email}`);
    if (user.admin === admin) return { userId: user.id, email: user.email, changed: false };
    if (!admin) {
      const [others] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(sql`${users.isInstanceAdmin} and ${users.id} <> ${user.id}`);
      if ((others?.n ?? 0) === 0) {
        throw new AppError('CONFLICT', `${user.email} is the last instance admin; grant another one first`);
      }
    }
    await tx.update(users).set({ isInstanceAdmin: admin }).where(eq(users.id, user.id));
    return { userId: user.id, email: user.email, changed: true };
  });
}
