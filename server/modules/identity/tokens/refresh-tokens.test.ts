import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyring } from '../../../platform/crypto/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import { createTestDatabase } from '../../../platform/testing/test-database.ts';
import { refreshTokens as refreshTokenRows } from '../access-schema.ts';
import { seedMember } from '../identity.test-kit.ts';
import { organizationMembers } from '../schema.ts';
import {
  issueTokens,
  permissionsOfRole,
  refreshTokens,
  resolveMembershipFromDb,
  revokeAllForUser,
  revokeFamily,
  verifyAccessToken,
} from './index.ts';
import { hashRefreshToken } from './refresh-token-value.ts';

const keyring = createKeyring(randomBytes(32));

describe('refresh tokens', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await createTestDatabase());
  });
  afterAll(() => cleanup());

  const signIn = async (role: 'owner' | 'admin' | 'developer' | 'viewer' = 'admin', now?: Date) => {
    const member = await seedMember(db, { role });
    const pair = await issueTokens({
      db,
      keyring,
      user: { id: member.userId },
      organizationId: member.organizationId,
      orgRole: role,
      permissions: permissionsOfRole(role),
      scope: ['read', 'write', 'admin'],
      now,
    });
    return { member, pair };
  };
  const refresh = (refreshToken: string, now?: Date) =>
    refreshTokens({ db, keyring, refreshToken, resolveMembership: resolveMembershipFromDb({ db }), now });
  const failsWith = async (promise: Promise<unknown>, message: RegExp) => {
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'AUTHENTICATION_FAILED', status: 401 });
    expect((error as AppError).message).toMatch(message);
  };
  const rowOf = async (token: string) =>
    (
      await db.orm
        .select()
        .from(refreshTokenRows)
        .where(eq(refreshTokenRows.tokenHash, hashRefreshToken(token)))
    )[0]!;

  it('stores only the hash, 30 days, a new family per sign-in', async () => {
    const { member, pair } = await signIn();
    const row = await rowOf(pair.refreshToken);
    expect(row).toMatchObject({
      userId: member.userId,
      organizationId: member.organizationId,
      parentId: null,
    });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(pair.refreshToken.slice(4));
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(30 * 86_400_000 - 60_000);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThan(30 * 86_400_000 + 60_000);
    const second = await rowOf((await signIn()).pair.refreshToken);
    expect(second.familyId).not.toBe(row.familyId);
  });

  it('rotates: a child in the same family and a valid access token; the parent is spent', async () => {
    const { member, pair } = await signIn();
    const next = await refresh(pair.refreshToken);
    expect(next.refreshToken).not.toBe(pair.refreshToken);
    expect(next.expiresIn).toBe(900);
    const [parent, child] = [await rowOf(pair.refreshToken), await rowOf(next.refreshToken)];
    expect(parent.usedAt).not.toBeNull();
    expect(child).toMatchObject({
      familyId: parent.familyId,
      parentId: parent.id,
      usedAt: null,
      revokedAt: null,
    });
    const claims = await verifyAccessToken({ db, token: next.accessToken });
    expect(claims).toMatchObject({ sub: member.userId, org: member.organizationId, role: 'admin' });
    const third = await refresh(next.refreshToken);
    expect((await rowOf(third.refreshToken)).familyId).toBe(parent.familyId);
  });

  it('reuse of a spent token revokes the whole family: the child issued from it stops working too', async () => {
    const { pair } = await signIn();
    const child = await refresh(pair.refreshToken);
    const grandchild = await refresh(child.refreshToken);
    await failsWith(refresh(pair.refreshToken), /already used.*revoked/);
    const family = await db.orm
      .select()
      .from(refreshTokenRows)
      .where(eq(refreshTokenRows.familyId, (await rowOf(pair.refreshToken)).familyId));
    expect(family).toHaveLength(3);
    expect(family.every((t) => t.revokedAt !== null)).toBe(true);
    await failsWith(refresh(grandchild.refreshToken), /revoked/);
    await failsWith(refresh(child.refreshToken), /revoked/);
  });

  it('other families are untouched by a reuse', async () => {
    const { member, pair } = await signIn();
    const otherSession = await issueTokens({
      db,
      keyring,
      user: { id: member.userId },
      organizationId: member.organizationId,
      orgRole: 'admin',
      permissions: [],
      scope: [],
    });
    await refresh(pair.refreshToken);
    await failsWith(refresh(pair.refreshToken), /already used/);
    await expect(refresh(otherSession.refreshToken)).resolves.toHaveProperty('accessToken');
  });

  it('of 10 concurrent refreshes of one token exactly one succeeds', async () => {
    const { pair } = await signIn();
    // Every caller waits in resolveMembership until all ten are there, so they reach the check together.
    const fromDb = resolveMembershipFromDb({ db });
    let arrived = 0;
    let release = () => {};
    const allThere = new Promise<void>((resolve) => {
      release = resolve;
    });
    const resolveMembership = async (userId: string, organizationId: string) => {
      const grant = await fromDb(userId, organizationId);
      if (++arrived === 10) release();
      await allThere;
      return grant;
    };
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        refreshTokens({ db, keyring, refreshToken: pair.refreshToken, resolveMembership }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'AUTHENTICATION_FAILED' });
    }
    const children = await db.orm
      .select()
      .from(refreshTokenRows)
      .where(eq(refreshTokenRows.parentId, (await rowOf(pair.refreshToken)).id));
    expect(children).toHaveLength(1);
    // The losers presented a spent token: that is reuse, so the family (and the winner's child) is revoked.
    const reasons = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as AppError).message] : []));
    expect(reasons.every((m) => /already used|revoked/.test(m))).toBe(true);
    expect(children[0]!.revokedAt).not.toBeNull();
  });

  it('a demotion shows in the refreshed access token', async () => {
    const { member, pair } = await signIn('admin');
    await db.orm
      .update(organizationMembers)
      .set({ role: 'viewer' })
      .where(
        and(
          eq(organizationMembers.userId, member.userId),
          eq(organizationMembers.organizationId, member.organizationId),
        ),
      );
    const claims = await verifyAccessToken({ db, token: (await refresh(pair.refreshToken)).accessToken });
    expect(claims.role).toBe('viewer');
    expect(claims.permissions).toEqual(permissionsOfRole('viewer'));
    expect(claims.permissions).not.toContain('member:change_role');
  });

  it('a removed member cannot refresh, and the family is revoked', async () => {
    const { member, pair } = await signIn('developer');
    await db.orm.delete(organizationMembers).where(eq(organizationMembers.userId, member.userId));
    await failsWith(refresh(pair.refreshToken), /no longer a member/);
    expect((await rowOf(pair.refreshToken)).revokedAt).not.toBeNull();
  });

  it('refuses an expired refresh token', async () => {
    const longAgo = new Date(Date.now() - 31 * 86_400_000);
    const { pair } = await signIn('admin', longAgo);
    await failsWith(refresh(pair.refreshToken), /expired/);
    expect((await rowOf(pair.refreshToken)).usedAt).toBeNull();
  });

  it('refuses unknown and malformed refresh tokens', async () => {
    await failsWith(refresh(`ffr_${randomBytes(32).toString('base64url')}`), /not valid/);
    for (const bad of ['', 'ffr_', 'ffr_short', `ff_${randomBytes(32).toString('base64url')}`, 7 as never]) {
      await failsWith(refresh(bad), /not valid/);
    }
  });

  it('revokeFamily signs one session out; revokeAllForUser signs out everywhere', async () => {
    const { member, pair } = await signIn();
    const second = await issueTokens({
      db,
      keyring,
      user: { id: member.userId },
      organizationId: member.organizationId,
      orgRole: 'admin',
      permissions: [],
      scope: [],
    });
    const other = await signIn();
    expect(await revokeFamily({ db, familyId: (await rowOf(pair.refreshToken)).familyId })).toBe(1);
    await failsWith(refresh(pair.refreshToken), /revoked/);
    const next = await refresh(second.refreshToken);
    // The spent parent and its live child: used tokens are revoked too, so reuse of either is caught alike.
    expect(await revokeAllForUser({ db, userId: member.userId })).toBe(2);
    await failsWith(refresh(next.refreshToken), /revoked/);
    await expect(refresh(other.pair.refreshToken)).resolves.toHaveProperty('refreshToken');
  });

  it('revokeAllForUser can be limited to one organization', async () => {
    const { member, pair } = await signIn();
    const elsewhere = await seedMember(db, { role: 'viewer' });
    const inOther = await issueTokens({
      db,
      keyring,
      user: { id: member.userId },
      organizationId: elsewhere.organizationId,
      orgRole: 'viewer',
      permissions: [],
      scope: [],
    });
    await db.orm
      .insert(organizationMembers)
      .values({ userId: member.userId, organizationId: elsewhere.organizationId, role: 'viewer' });
    expect(
      await revokeAllForUser({ db, userId: member.userId, organizationId: elsewhere.organizationId }),
    ).toBe(1);
    await failsWith(refresh(inOther.refreshToken), /revoked/);
    await expect(refresh(pair.refreshToken)).resolves.toHaveProperty('accessToken');
  });
});
