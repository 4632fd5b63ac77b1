import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Database } from '../db/index.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createMailer } from './mailer.ts';

describe('mail without SMTP, spooled to files', () => {
  let db: Database;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await createTestDatabase());
  });
  afterAll(() => cleanup());

  it('writes each mail as a file only its owner can read, with the link intact', async () => {
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'ff-spool-'));
    onTestFinished(() => rmSync(workDir, { recursive: true, force: true }));
    const spoolDir = path.join(workDir, 'mail');
    const mailer = createMailer({ db, from: 'ff@localhost', log: pino({ level: 'silent' }), spoolDir });
    const link = 'http://localhost:3000/api/v1/auth/verify-email?token=abc.def&callbackURL=%2F';
    const result = await mailer.send({
      to: 'a@example.com',
      subject: 'Verify',
      text: `Open ${link}`,
      kind: 'verify-email',
    });
    expect(result.status).toBe('stored');
    const [file] = readdirSync(spoolDir);
    expect(file).toContain(result.id);
    const full = path.join(spoolDir, file ?? '');
    expect(statSync(full).mode & 0o777).toBe(0o600);
    expect(readFileSync(full, 'utf8')).toContain(link);
  });
});
