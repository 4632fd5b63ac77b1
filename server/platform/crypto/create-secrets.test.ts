import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { open } from './aes-gcm.ts';
import { unwrapDataKey } from './data-key.ts';
import { createKeyring, createSecrets, DecryptionError, organizationKeys } from './index.ts';

describe('createSecrets', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  const keyring = createKeyring(randomBytes(32));
  beforeAll(async () => {
    ({ db, cleanup } = await createTestDatabase());
  });
  afterAll(() => cleanup());

  const rowsOf = (organizationId: string) =>
    db.orm.select().from(organizationKeys).where(eq(organizationKeys.organizationId, organizationId));

  it('round-trips, and a fresh instance (empty cache) reads what another wrote', async () => {
    const org = randomUUID();
    const sealed = await createSecrets({ db, keyring }).encrypt(org, 'sk-live-äöü-🔑');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('sk-live');
    expect(await createSecrets({ db, keyring }).decrypt(org, sealed)).toBe('sk-live-äöü-🔑');
  });

  it('gives different ciphertexts for the same plaintext', async () => {
    const secrets = createSecrets({ db, keyring });
    const org = randomUUID();
    const [a, b] = [await secrets.encrypt(org, 'same'), await secrets.encrypt(org, 'same')];
    expect(a).not.toBe(b);
    expect(await secrets.decrypt(org, a)).toBe(await secrets.decrypt(org, b));
  });

  it('refuses a tampered value', async () => {
    const secrets = createSecrets({ db, keyring });
    const org = randomUUID();
    const parts = (await secrets.encrypt(org, 'token')).split('.');
    const ciphertext = Buffer.from(parts[3]!, 'base64url');
    ciphertext[0]! ^= 0x80;
    parts[3] = ciphertext.toString('base64url');
    await expect(secrets.decrypt(org, parts.join('.'))).rejects.toThrow(DecryptionError);
  });

  it('refuses a value copied to another organization, even one holding its own data key', async () => {
    const secrets = createSecrets({ db, keyring });
    const [orgA, orgB, orgC] = [randomUUID(), randomUUID(), randomUUID()];
    const sealed = await secrets.encrypt(orgA, 'token');
    await secrets.encrypt(orgB, 'other');
    await expect(secrets.decrypt(orgB, sealed)).rejects.toThrow(DecryptionError);
    await expect(secrets.decrypt(orgC, sealed)).rejects.toThrow(/has no data key/);
    expect(await rowsOf(orgC)).toEqual([]);
  });

  it('accepts the organization id in either case', async () => {
    const secrets = createSecrets({ db, keyring });
    const org = randomUUID();
    const sealed = await secrets.encrypt(org.toUpperCase(), 'token');
    expect(await createSecrets({ db, keyring }).decrypt(org, sealed)).toBe('token');
  });

  it('stores the data key only wrapped, under the current master key', async () => {
    const org = randomUUID();
    const sealed = await createSecrets({ db, keyring }).encrypt(org, 'token');
    const [row] = await rowsOf(org);
    expect(row?.masterKeyId).toBe(keyring.current.id);
    expect(row?.rewrappedAt).toBeNull();
    const dataKey = unwrapDataKey(keyring, row!);
    expect(dataKey).toHaveLength(32);
    const stored = JSON.stringify(row);
    for (const encoding of ['hex', 'base64', 'base64url'] as const) {
      expect(stored).not.toContain(dataKey.toString(encoding));
    }
    // The envelope: the secret opens with the unwrapped data key and the organization id as AAD.
    expect(open(dataKey, sealed, Buffer.from(org)).toString()).toBe('token');
  });

  it('creates one data key when many first writes race, within and across instances', async () => {
    const org = randomUUID();
    const instances = [createSecrets({ db, keyring }), createSecrets({ db, keyring })];
    const sealed = await Promise.all(
      Array.from({ length: 20 }, (_, i) => instances[i % 2]!.encrypt(org, `secret-${i}`)),
    );
    expect(await rowsOf(org)).toHaveLength(1);
    const reader = createSecrets({ db, keyring });
    expect(await Promise.all(sealed.map((s) => reader.decrypt(org, s)))).toEqual(
      Array.from({ length: 20 }, (_, i) => `secret-${i}`),
    );
  });
});
