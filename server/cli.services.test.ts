import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = path.join(import.meta.dirname, 'cli.ts');
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 110_000,
  });
const made: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ff-cli-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

// Each command runs as its own process: a first start of the embedded database, a server taking signals.
describe('flashfusion CLI processes', () => {
  it('exits non-zero with a clear message when the database is down at start', () => {
    const r = run(['serve'], {
      DATABASE_URL: 'postgres://flashfusion:hunter2@127.0.0.1:1/flashfusion',
      DATA_DIR: tmp(),
      PORT: '0',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Cannot connect to PostgreSQL at 127.0.0.1:1/flashfusion');
    expect(r.stderr + r.stdout).not.toContain('hunter2');
  });

  it('exits non-zero when the embedded data directory cannot be used', () => {
    const notADirectory = path.join(tmp(), 'file');
    writeFileSync(notADirectory, 'x');
    const r = run(['serve'], { DATA_DIR: notADirectory, PORT: '0' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('FlashFusion could not start: Cannot create the embedded database directory');
  });

  let migratedDataDir = '';
  it('migrates and diagnoses the embedded database', { timeout: 120_000 }, () => {
    const dataDir = tmp();
    migratedDataDir = dataDir;
    const m = run(['migrate'], { DATA_DIR: dataDir });
    expect(m.stderr).toBe('');
    expect(m.status).toBe(0);
    expect(m.stdout).toContain('Database (pglite) is up to date: 0000_init');
    const d = run(['doctor'], { DATA_DIR: dataDir });
    expect(d.status).toBe(0);
    expect(d.stdout).toMatch(/ok\s+database\s+embedded PGlite: (\d+)\/\1 migrations applied/);
    expect(d.stdout).toMatch(/ok\s+queue/);
    const o = run(['outbox'], { DATA_DIR: dataDir });
    expect(o.status).toBe(0);
    expect(o.stdout).toContain('The outbox is empty.');
  });

  it('doctor fails on an unreachable database', () => {
    const d = run(['doctor'], { DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x', DATA_DIR: tmp() });
    expect(d.status).toBe(1);
    expect(d.stdout).toMatch(/FAIL database\s+Cannot connect to PostgreSQL/);
  });

  it('serves, then shuts down cleanly on SIGTERM even when the signal arrives twice (npm forwards it)', {
    timeout: 120_000,
  }, async () => {
    const child = spawn(process.execPath, [CLI, 'serve'], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', PORT: '0', DATA_DIR: migratedDataDir || tmp() },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await expect
      .poll(() => /listening on (http:\/\/[\d.:]+)/.exec(out)?.[1], { timeout: 60_000 })
      .toBeTruthy();
    const url = /listening on (http:\/\/[\d.:]+)/.exec(out)?.[1];
    expect((await fetch(`${url}/ready`)).status).toBe(200);
    // The embedded database belongs to the running server: a second process is refused, not let in to corrupt it.
    const second = run(['outbox'], { DATA_DIR: migratedDataDir });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/in use by process \d+/);
    child.kill('SIGTERM');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toContain('shutdown complete');
    expect(out).not.toContain('exiting now');
  });
});
