import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKeyring, masterKeyId } from './master-key.ts';

const made: string[] = [];
function tmpDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ff-master-key-'));
  made.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A logger whose lines are kept for inspection. */
function captureLog() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: pino({ level: 'info' }, destination), lines };
}

describe('loadKeyring', () => {
  it('generates DATA_DIR/master.key once, mode 0600, and reuses it', () => {
    const dataDir = path.join(tmpDir(), 'nested', 'data');
    const { log, lines } = captureLog();
    const first = loadKeyring({ dataDir, log });
    const file = path.join(dataDir, 'master.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const stored = fs.readFileSync(file, 'utf8').trim();
    expect(Buffer.from(stored, 'base64')).toEqual(first.current.key);
    expect(first.current.id).toBe(masterKeyId(first.current.key));
    expect(first.current.id).toMatch(/^[0-9a-f]{16}$/);

    const second = loadKeyring({ dataDir, log });
    expect(second.current.id).toBe(first.current.id);
    expect(fs.readdirSync(dataDir)).toEqual(['master.key']);
    expect(lines.join('')).not.toContain(stored);
    expect(JSON.stringify(second)).not.toContain(stored);
  });

  it('warns when master.key is readable by others, without logging the key', () => {
    const dataDir = tmpDir();
    const key = randomBytes(32).toString('base64');
    fs.writeFileSync(path.join(dataDir, 'master.key'), key, { mode: 0o644 });
    fs.chmodSync(path.join(dataDir, 'master.key'), 0o644);
    const { log, lines } = captureLog();
    const keyring = loadKeyring({ dataDir, log });
    expect(keyring.current.key.toString('base64')).toBe(key);
    const warning = lines.map((l) => JSON.parse(l)).find((l) => l.level === 40);
    expect(warning?.msg).toMatch(/chmod 600/);
    expect(lines.join('')).not.toContain(key);
  });

  it('refuses a master.key that does not hold 32 bytes', () => {
    const dataDir = tmpDir();
    fs.writeFileSync(path.join(dataDir, 'master.key'), 'c2hvcnQ=', { mode: 0o600 });
    expect(() => loadKeyring({ dataDir, log: pino({ level: 'silent' }) })).toThrow(/32 bytes/);
  });

  it('uses MASTER_KEY when given and then writes no file', () => {
    const dataDir = tmpDir();
    const masterKey = randomBytes(32);
    const keyring = loadKeyring({
      masterKey: masterKey.toString('base64'),
      dataDir,
      log: pino({ level: 'silent' }),
    });
    expect(keyring.current.key).toEqual(masterKey);
    expect(keyring.previous).toEqual([]);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('keeps MASTER_KEY_PREVIOUS for unwrapping, found by id', () => {
    const [a, b] = [randomBytes(32), randomBytes(32)];
    const keyring = loadKeyring({
      masterKey: b.toString('base64'),
      previousMasterKey: a.toString('base64'),
      dataDir: tmpDir(),
      log: pino({ level: 'silent' }),
    });
    expect(keyring.current.id).toBe(masterKeyId(b));
    expect(keyring.previous.map((k) => k.id)).toEqual([masterKeyId(a)]);
    expect(keyring.byId(masterKeyId(a))?.key).toEqual(a);
    expect(keyring.byId(masterKeyId(b))?.key).toEqual(b);
    expect(keyring.byId('0000000000000000')).toBeUndefined();
  });
});
