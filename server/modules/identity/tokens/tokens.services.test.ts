import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyring } from '../../../platform/crypto/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { type Peer, startPeer } from '../../../platform/testing/peer-process.ts';
import { createTestDatabase } from '../../../platform/testing/test-database.ts';
import { seedMember } from '../identity.test-kit.ts';
import { issueTokens, refreshTokens, resolveMembershipFromDb, rotateSigningKey } from './index.ts';

const PEER = fileURLToPath(new URL('./fixtures/token.test-peer.ts', import.meta.url));
const masterKey = randomBytes(32);
const keyring = createKeyring(masterKey);

describe('tokens across two processes (PostgreSQL)', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let peer: Peer;
  let member: Awaited<ReturnType<typeof seedMember>>;
  let nextId = 0;

  const ask = async (op: 'verify' | 'refresh', token: string) => {
    const id = ++nextId;
    peer.send({ id, op, token });
    return (await peer.waitFor((line) => line.id === id, 10_000)) as {
      ok: boolean;
      code?: string;
      result?: { sub?: string };
    };
  };
  const issue = () =>
    issueTokens({
      db,
      keyring,
      user: { id: member.userId },
      organizationId: member.organizationId,
      orgRole: 'developer',
      permissions: [],
      scope: ['read'],
    });

  beforeAll(async () => {
    const made = await createTestDatabase();
    ({ db, cleanup } = made);
    if (!made.url)
      throw new Error('this test needs PostgreSQL: run it with --config vitest.services.config.ts');
    member = await seedMember(db, { role: 'developer' });
    peer = startPeer(PEER, { DATABASE_URL: made.url, MASTER_KEY: masterKey.toString('base64') });
    await peer.waitFor((line) => line.ready === true, 20_000);
  });
  afterAll(async () => {
    await peer?.kill();
    await cleanup();
  });

  it('the other process verifies a token from a key rotated in after it cached the keys', async () => {
    const before = await issue();
    expect(await ask('verify', before.accessToken)).toMatchObject({
      ok: true,
      result: { sub: member.userId },
    });
    const newKid = await rotateSigningKey({ db, keyring });
    const after = await issue();
    expect(decodeProtectedHeader(after.accessToken).kid).toBe(newKid);
    expect(await ask('verify', after.accessToken)).toMatchObject({
      ok: true,
      result: { sub: member.userId },
    });
    expect(await ask('verify', before.accessToken)).toMatchObject({ ok: true });
    expect(await ask('verify', `${after.accessToken}x`)).toMatchObject({
      ok: false,
      code: 'AUTHENTICATION_FAILED',
    });
  });

  it('one refresh token spent in two processes at once: exactly one wins', async () => {
    for (let round = 0; round < 5; round++) {
      const { refreshToken } = await issue();
      const [here, there] = await Promise.all([
        refreshTokens({ db, keyring, refreshToken, resolveMembership: resolveMembershipFromDb({ db }) }).then(
          () => true,
          () => false,
        ),
        ask('refresh', refreshToken).then((r) => r.ok),
      ]);
      expect([here, there].filter(Boolean)).toHaveLength(1);
    }
  });
});
