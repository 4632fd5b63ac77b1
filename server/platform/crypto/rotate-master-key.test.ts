import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createKeyring, createSecrets, MasterKeyNotFoundError, organizationKeys } from './index.ts';

describe('rotateMasterKey', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await createTestDatabase());
  });
  afterAll(() => cleanup());

  it('re-wraps data keys from A to B without touching ciphertexts; B alone then decrypts', async () => {
    const [a, b] = [randomBytes(32), randomBytes(32)];
    const onA = createKeyring(a);
    const orgs = [randomUUID(), randomUUID(), randomUUID()];
    const underA = createSecrets({ db, keyring: onA });
    const sealed = await Promise.all(orgs.map((org) => underA.encrypt(org, `secret of ${org}`)));
    const before = await db.orm.select().from(organizationKeys);
    expect(before.map((r) => r.masterKeyId)).toEqual(orgs.map(() => onA.current.id));

    const rotating = createKeyring(b, [a]);
    const secrets = createSecrets({ db, keyring: rotating });
    // Mid-rotation, a process with A as previous still reads keys wrapped by A.
    expect(await secrets.decrypt(orgs[0]!, sealed[0]!)).toBe(`secret of ${orgs[0]}`);
    expect(await secrets.rotateMasterKey()).toEqual({ rewrapped: 3 });

    const after = await db.orm.select().from(organizationKeys);
    for (const row of after) {
      const old = before.find((r) => r.organizationId === row.organizationId)!;
      expect(row.masterKeyId).toBe(rotating.current.id);
      expect(row.wrappedKey).not.toBe(old.wrappedKey);
      expect(row.rewrappedAt).toBeInstanceOf(Date);
      expect(row.createdAt).toEqual(old.createdAt);
    }
    expect(await secrets.rotateMasterKey()).toEqual({ rewrapped: 0 });

    const onlyB = createSecrets({ db, keyring: createKeyring(b) });
    for (const [i, org] of orgs.entries()) {
      expect(await onlyB.decrypt(org, sealed[i]!)).toBe(`secret of ${org}`);
    }
    // New data keys after rotation are wrapped by B straight away.
    const late = randomUUID();
    expect(await onlyB.decrypt(late, await onlyB.encrypt(late, 'x'))).toBe('x');
  });

  it('names the missing master key, and a rotation that cannot unwrap changes nothing', async () => {
    const [a, b, c] = [randomBytes(32), randomBytes(32), randomBytes(32)];
    const org = randomUUID();
    const sealed = await createSecrets({ db, keyring: createKeyring(a) }).encrypt(org, 'token');
    const before = await db.orm.select().from(organizationKeys);

    const lacking = createSecrets({ db, keyring: createKeyring(b, [c]) });
    const idOfA = createKeyring(a).current.id;
    await expect(lacking.decrypt(org, sealed)).rejects.toThrow(MasterKeyNotFoundError);
    await expect(lacking.decrypt(org, sealed)).rejects.toThrow(`master key ${idOfA} is not in the keyring`);
    await expect(lacking.rotateMasterKey()).rejects.toThrow(MasterKeyNotFoundError);
    expect(await db.orm.select().from(organizationKeys)).toEqual(before);
  });
});
