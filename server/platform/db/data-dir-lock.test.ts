import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedTestDataDir } from '../testing/test-database.ts';
import { DatabaseUnavailableError } from './database.ts';
import { openPglite } from './open-pglite.ts';

describe('one process per embedded database', () => {
  const dataDir = embeddedTestDataDir();
  afterAll(() => {
    if (dataDir !== 'memory://') rmSync(dataDir, { recursive: true, force: true });
  });

  it.skipIf(dataDir === 'memory://')(
    'refuses a second opener while the first holds it, then lets it in',
    async () => {
      const first = await openPglite(dataDir);
      await expect(openPglite(dataDir)).rejects.toThrow(DatabaseUnavailableError);
      await expect(openPglite(dataDir)).rejects.toThrow(/in use by process \d+/);
      await first.close();
      const second = await openPglite(dataDir);
      await second.ping();
      await second.close();
    },
  );

  it.skipIf(dataDir === 'memory://')('takes over a lock left by a process that died', async () => {
    writeFileSync(path.join(dataDir, 'pgdata.lock'), '2147483646');
    const db = await openPglite(dataDir);
    await db.ping();
    await db.close();
  });
});
