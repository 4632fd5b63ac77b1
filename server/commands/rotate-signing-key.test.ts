import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeProtectedHeader } from 'jose';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseEnv } from '../env.ts';
import { signingKeys } from '../modules/identity/access-schema.ts';
import { seedMember } from '../modules/identity/identity.test-kit.ts';
import {
  ensureSigningKey,
  issueTokens,
  retireSigningKeys,
  verifyAccessToken,
} from '../modules/identity/tokens/index.ts';
import { loadKeyring } from '../platform/crypto/index.ts';
import { type Database, migrateDatabase, openDatabase } from '../platform/db/index.ts';
import { createLogger } from '../platform/logger/index.ts';
import { copyPgliteTemplate, TEMPLATE_ENV } from '../platform/testing/pglite-template.ts';
import { rotateSigningKeyCommand } from './rotate-signing-key.ts';

// The command runs as its own process would: against DATA_DIR (embedded database and master-key file) with
// the keyring the server uses, while the server's database holds tokens signed by the old key.
describe('flashfusion rotate-signing-key', () => {
  // A copy of the run's migrated template is the same embedded database without a first start's initdb.
  const template = process.env[TEMPLATE_ENV];
  const dataDir = template
    ? copyPgliteTemplate(template)
    : mkdtempSync(path.join(os.tmpdir(), 'ff-rotate-sk-'));
  const env = parseEnv({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const log = createLogger({ level: 'silent' });
  const open = async () => {
    const db = await openDatabase({ dataDir: env.DATA_DIR, log });
    await migrateDatabase(db);
    return db;
  };
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('activates a new key; old tokens verify until the key is retired', async () => {
    const keyring = loadKeyring({ dataDir: env.DATA_DIR, log });
    let db: Database = await open();
    const member = await seedMember(db, { role: 'owner' });
    const issue = async () =>
      (
        await issueTokens({
          db,
          keyring,
          user: { id: member.userId },
          organizationId: member.organizationId,
          orgRole: 'owner',
          permissions: [],
          scope: [],
        })
      ).accessToken;
    const oldKid = await ensureSigningKey({ db, keyring });
    const oldToken = await issue();
    await db.close();

    const printed = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await rotateSigningKeyCommand(env, log)).toBe(0);
    const message = String(printed.mock.calls[0]?.[0]);
    printed.mockRestore();

    db = await open();
    try {
      const rows = await db.orm.select().from(signingKeys);
      const active = rows.find((r) => r.status === 'active');
      expect(rows.find((r) => r.id === oldKid)?.status).toBe('retiring');
      expect(active?.id).not.toBe(oldKid);
      expect(message).toContain(`Signing key ${active?.id} is now active`);
      // A token signed now uses the new key; the old token still verifies.
      expect(decodeProtectedHeader(await issue()).kid).toBe(active?.id);
      await expect(verifyAccessToken({ db, token: oldToken })).resolves.toMatchObject({ sub: member.userId });

      const retired = await retireSigningKeys({ db, now: new Date(Date.now() + 24 * 3600_000) });
      expect(retired).toEqual([oldKid]);
      await expect(verifyAccessToken({ db, token: oldToken })).rejects.toMatchObject({
        code: 'AUTHENTICATION_FAILED',
      });
    } finally {
      await db.close();
    }
  }, 60_000);
});
