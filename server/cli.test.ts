import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = path.join(import.meta.dirname, 'cli.ts');
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 110_000,
  });

// Arguments and configuration are checked before anything starts; the commands that open a database or serve
// run their processes in cli.services.test.ts.
describe('flashfusion CLI', () => {
  it('prints usage and refuses unknown commands', () => {
    expect(run(['--help']).stdout).toContain('serve [--role api|worker|realtime|all]');
    const r = run(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Unknown command "frobnicate"');
  });

  it('stops with a message naming a bad variable', () => {
    const r = run(['serve'], { PORT: 'eighty' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Invalid configuration:\n\s+- PORT: /);
  });

  it('refuses an unknown role', () => {
    const r = run(['serve', '--role', 'boss']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('ROLE: ');
  });
});
