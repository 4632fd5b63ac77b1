import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createKeyring, DecryptionError, MasterKeyNotFoundError } from '../../../platform/crypto/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { createTestDatabase } from '../../../platform/testing/test-database.ts';
import { signingKeys } from '../access-schema.ts';
import { seedMember } from '../identity.test-kit.ts';
import {
  createSigningKeyCache,
  ensureSigningKey,
  issueTokens,
  retireSigningKeys,
  rotateSigningKey,
  signingKeyCacheFor,
  verifyAccessToken,
} from './index.ts';

const keyring = createKeyring(randomBytes(32));

describe('signing keys', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let member: Awaited<ReturnType<typeof seedMember>>;
  beforeAll(async () => {
    ({ db, cleanup } = await createTestDatabase());
    member = await seedMember(db, { role: 'admin' });
  });
  afterAll(() => cleanup());
  beforeEach(async () => {
    await db.orm.delete(signingKeys);
    signingKeyCacheFor(db).invalidate();
  });

  const issue = (keys = signingKeyCacheFor(db)) =>
    issueTokens({
      db,
      keyring,
      user: { id: member.userId },
      organizationId: member.organizationId,
      orgRole: 'admin',
      permissions: [],
      scope: [],
      keys,
    });
  const kidOf = (token: string) => decodeProtectedHeader(token).kid;
  const statuses = async () =>
    Object.fromEntries((await db.orm.select().from(signingKeys)).map((k) => [k.id, k.status]));

  it('creates exactly one active key when many callers race for the first one', async () => {
    // Open ten connections first (on PostgreSQL) so the ten transactions really run side by side.
    await Promise.all(Array.from({ length: 10 }, () => db.orm.execute(sql`select pg_sleep(0.05)`)));
    const kids = await Promise.all(Array.from({ length: 10 }, () => ensureSigningKey({ db, keyring })));
    expect(new Set(kids).size).toBe(1);
    expect(await statuses()).toEqual({ [kids[0]!]: 'active' });
    expect(await ensureSigningKey({ db, keyring })).toBe(kids[0]);
  });

  it('stores the private key sealed: the row holds no JWK `d`, only the master key id and ciphertext', async () => {
    const kid = await ensureSigningKey({ db, keyring });
    const [row] = await db.orm.select().from(signingKeys).where(eq(signingKeys.id, kid));
    expect(row!.algorithm).toBe('EdDSA');
    expect(row!.publicJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid, alg: 'EdDSA' });
    expect(row!.publicJwk).not.toHaveProperty('d');
    expect(row!.privateKeySealed.startsWith(`${keyring.current.id}:v1.`)).toBe(true);
    expect(row!.privateKeySealed).not.toMatch(/"d"|OKP|Ed25519/);
    expect(JSON.stringify(row)).not.toContain('"d"');
  });

  it('signs with the private key only when the right master key is in the keyring', async () => {
    await ensureSigningKey({ db, keyring });
    const other = createKeyring(randomBytes(32));
    await expect(createSigningKeyCache({ db }).signingKey(other)).rejects.toThrow(MasterKeyNotFoundError);
    // After a master-key rotation the old key, kept as previous, still opens it.
    const rotated = createKeyring(randomBytes(32), [keyring.current.key]);
    await expect(createSigningKeyCache({ db }).signingKey(rotated)).resolves.toHaveProperty('kid');
  });

  it('binds each sealed key to its kid: a sealed value copied onto another key does not open', async () => {
    const oldKid = await ensureSigningKey({ db, keyring });
    const newKid = await rotateSigningKey({ db, keyring });
    const [old] = await db.orm.select().from(signingKeys).where(eq(signingKeys.id, oldKid));
    await db.orm
      .update(signingKeys)
      .set({ privateKeySealed: old!.privateKeySealed })
      .where(eq(signingKeys.id, newKid));
    await expect(createSigningKeyCache({ db }).signingKey(keyring)).rejects.toThrow(DecryptionError);
  });

  it('rotation: old tokens still verify, new ones use the new kid', async () => {
    const before = await issue();
    const oldKid = kidOf(before.accessToken)!;
    const newKid = await rotateSigningKey({ db, keyring });
    expect(newKid).not.toBe(oldKid);
    expect(await statuses()).toEqual({ [oldKid]: 'retiring', [newKid]: 'active' });
    const after = await issue();
    expect(kidOf(after.accessToken)).toBe(newKid);
    await expect(verifyAccessToken({ db, token: before.accessToken })).resolves.toBeTruthy();
    await expect(verifyAccessToken({ db, token: after.accessToken })).resolves.toBeTruthy();
  });

  it('another process (its own cache, loaded before the rotation) verifies a token from a key it never saw', async () => {
    const first = await issue();
    const otherProcess = createSigningKeyCache({ db, ttlMs: 60_000 });
    await expect(
      verifyAccessToken({ db, token: first.accessToken, keys: otherProcess }),
    ).resolves.toBeTruthy();
    await rotateSigningKey({ db, keyring });
    const fresh = await issue();
    const claims = await verifyAccessToken({ db, token: fresh.accessToken, keys: otherProcess });
    expect(claims.sub).toBe(member.userId);
    // And a brand-new cache verifies both.
    const cold = createSigningKeyCache({ db });
    await expect(verifyAccessToken({ db, token: first.accessToken, keys: cold })).resolves.toBeTruthy();
  });

  it('a process whose cache is stale keeps signing with the retiring key, which still verifies', async () => {
    const stale = createSigningKeyCache({ db, ttlMs: 60_000 });
    const oldKid = kidOf((await issue(stale)).accessToken);
    await rotateSigningKey({ db, keyring });
    const token = (await issue(stale)).accessToken;
    expect(kidOf(token)).toBe(oldKid);
    await expect(verifyAccessToken({ db, token })).resolves.toBeTruthy();
    // Once its TTL passes it reads the keys again and signs with the new one.
    let clock = Date.now();
    const ticking = createSigningKeyCache({ db, ttlMs: 1000, now: () => clock });
    await ticking.signingKey(keyring);
    clock += 2000;
    expect((await ticking.signingKey(keyring)).kid).not.toBe(oldKid);
  });

  it('retires retiring keys only after the access-token TTL plus grace; retired keys verify nothing', async () => {
    const before = await issue();
    const oldKid = kidOf(before.accessToken)!;
    const newKid = await rotateSigningKey({ db, keyring });
    expect(await retireSigningKeys({ db })).toEqual([]);
    expect(
      await retireSigningKeys({ db, accessTokenTtlSeconds: 900, now: new Date(Date.now() + 899_000) }),
    ).toEqual([]);
    const later = new Date(Date.now() + 901_000 + 60_000);
    expect(await retireSigningKeys({ db, now: later })).toEqual([oldKid]);
    expect(await statuses()).toEqual({ [oldKid]: 'retired', [newKid]: 'active' });
    const [row] = await db.orm.select().from(signingKeys).where(eq(signingKeys.id, oldKid));
    expect(row!.retiredAt?.getTime()).toBe(later.getTime());
    await expect(verifyAccessToken({ db, token: before.accessToken })).rejects.toThrow(
      /unknown or retired key/,
    );
  });
});
