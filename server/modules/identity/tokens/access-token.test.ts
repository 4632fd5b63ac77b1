import { randomBytes, randomUUID } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyring } from '../../../platform/crypto/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import { createTestDatabase } from '../../../platform/testing/test-database.ts';
import { seedMember } from '../identity.test-kit.ts';
import { issueTokens, permissionsOfRole, signingKeyCacheFor, verifyAccessToken } from './index.ts';

const keyring = createKeyring(randomBytes(32));
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('access tokens', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let member: Awaited<ReturnType<typeof seedMember>>;
  beforeAll(async () => {
    ({ db, cleanup } = await createTestDatabase());
    member = await seedMember(db, { role: 'developer' });
  });
  afterAll(() => cleanup());

  const issue = (opts: { accessTokenTtlSeconds?: number; now?: Date } = {}) =>
    issueTokens({
      db,
      keyring,
      user: { id: member.userId },
      organizationId: member.organizationId,
      orgRole: 'developer',
      permissions: permissionsOfRole('developer'),
      scope: ['read', 'write'],
      ...opts,
    });

  const refused = async (token: string, message: RegExp) => {
    const error = await verifyAccessToken({ db, token }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'AUTHENTICATION_FAILED', status: 401 });
    expect((error as AppError).message).toMatch(message);
  };

  it('carries exactly the SPEC claims plus iss/aud, 15 minutes, with a kid', async () => {
    const pair = await issue();
    expect(pair.expiresIn).toBe(900);
    expect(pair.refreshToken).toMatch(/^ffr_[A-Za-z0-9_-]{43}$/);
    const header = decodeProtectedHeader(pair.accessToken);
    expect(header).toMatchObject({ alg: 'EdDSA', typ: 'JWT' });
    expect(header.kid).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    const raw = decodeJwt(pair.accessToken);
    expect(Object.keys(raw).sort()).toEqual(
      ['aud', 'exp', 'iat', 'iss', 'org', 'permissions', 'role', 'scope', 'sub'].sort(),
    );
    expect(raw.exp! - raw.iat!).toBe(900);
    expect(Math.abs(raw.iat! - Date.now() / 1000)).toBeLessThan(5);
    const claims = await verifyAccessToken({ db, token: pair.accessToken });
    expect(claims).toMatchObject({
      sub: member.userId,
      org: member.organizationId,
      role: 'developer',
      scope: ['read', 'write'],
      iss: 'flashfusion',
      aud: 'flashfusion',
    });
    expect(claims.permissions).toContain('project:create');
    expect(claims.permissions).not.toContain('member:change_role');
  });

  it('expires after its TTL', async () => {
    const issuedAt = new Date();
    const { accessToken } = await issue({ accessTokenTtlSeconds: 2, now: issuedAt });
    const at = (ms: number) => new Date(issuedAt.getTime() + ms);
    await expect(verifyAccessToken({ db, token: accessToken, now: at(1000) })).resolves.toBeTruthy();
    await expect(verifyAccessToken({ db, token: accessToken, now: at(3000) })).rejects.toThrow(/expired/);
    await refused((await issue({ accessTokenTtlSeconds: 1, now: at(-5000) })).accessToken, /expired/);
  });

  it('refuses a tampered payload and a tampered signature', async () => {
    const [h, p, s] = (await issue()).accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    await refused(`${h}.${b64({ ...claims, role: 'owner' })}.${s}`, /signature is invalid/);
    const sig = Buffer.from(s, 'base64url');
    sig[0]! ^= 1;
    await refused(`${h}.${p}.${sig.toString('base64url')}`, /signature is invalid/);
  });

  it('refuses a token signed by a key it does not know, or by another key under a known kid', async () => {
    const { accessToken } = await issue();
    const claims = decodeJwt(accessToken);
    const { kid } = decodeProtectedHeader(accessToken);
    const { privateKey } = await generateKeyPair('EdDSA');
    const forge = (withKid: string) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', kid: withKid }).sign(privateKey);
    await refused(await forge('AAAAAAAAAAAAAAAAAAAAAA'), /unknown or retired key/);
    await refused(await forge('not a kid!'), /unknown or retired key/);
    await refused(await forge(kid!), /signature is invalid/);
    await refused(await new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA' }).sign(privateKey), /unknown/);
  });

  it('refuses alg none and HS256, even naming the real kid', async () => {
    const { accessToken } = await issue();
    const claims = decodeJwt(accessToken);
    const { kid } = decodeProtectedHeader(accessToken);
    await refused(`${b64({ alg: 'none', kid })}.${b64(claims)}.`, /algorithm none is not accepted/);
    const secret = new TextEncoder().encode('x'.repeat(32));
    const hs = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: kid! }).sign(secret);
    await refused(hs, /algorithm HS256 is not accepted/);
  });

  it('refuses malformed tokens', async () => {
    for (const token of ['', 'abc', 'a.b.c', `${b64({ alg: 'EdDSA' })}.@@.x`, 'a.b.c.d', 42 as never]) {
      await refused(token, /malformed|unknown/);
    }
  });

  it('refuses a well-signed token with another issuer, audience or claim shape', async () => {
    const { accessToken } = await issue();
    const claims = decodeJwt(accessToken);
    const { kid } = decodeProtectedHeader(accessToken);
    // The real private key, as the cache holds it, signs claims issueTokens would never write.
    const { privateKey } = await signingKeyCacheFor(db).signingKey(keyring);
    const sign = (body: Record<string, unknown>) =>
      new SignJWT(body).setProtectedHeader({ alg: 'EdDSA', kid: kid! }).sign(privateKey);
    await refused(await sign({ ...claims, iss: 'evil' }), /claim iss is invalid/);
    await refused(await sign({ ...claims, aud: 'other' }), /claim aud is invalid/);
    await refused(await sign({ ...claims, role: 'superuser' }), /claims are malformed/);
    await refused(await sign({ ...claims, extra: 1 }), /claims are malformed/);
    await refused(await sign({ ...claims, sub: randomUUID().slice(0, 8) }), /claims are malformed/);
    const { exp: _exp, ...noExp } = claims;
    await refused(await sign(noExp), /exp/);
  });
});
