import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { startTestSmtpServer, type TestSmtpServer } from '../../server/platform/mail/smtp-server.test-kit.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type TE2eServer = {
  /** http://127.0.0.1:<port>: the PUBLIC_URL, so mailed links and the CSRF origin match what the browser uses. */
  url: string;
  dataDir: string;
  /** The SMTP server the app delivers to: every verification, reset and invitation mail lands here. */
  smtp: TestSmtpServer;
  /** The server's output so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
};

/** A free TCP port on 127.0.0.1 (the server needs it up front: PUBLIC_URL names it). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * Starts the real server (startServer, as `flashfusion serve` does; see serve-entry.ts) in a child process on
 * a fresh PGlite data directory, a free port and a local SMTP server, serving this run's web build.
 */
export async function startE2eServer(env: Record<string, string> = {}): Promise<TE2eServer> {
  const webDist = inject('webDist');
  const smtp = await startTestSmtpServer();
  const dataDir = await mkdtemp(join(tmpdir(), 'ff-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['e2e/lib/serve-entry.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      // better-auth rate-limits sign-in/up per IP to 3 per 10 s in production, which a test suite signing up
      // dozens of users from one address would trip; development (npm start's default) has no such limit.
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      E2E_WEB_DIST: webDist,
      SMTP_URL: smtp.url,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      REDIS_URL: '',
      // The starter plan's 1 member and 100 API requests an hour would stop multi-user flows; a test about
      // quotas passes its own PLAN_LIMITS.
      PLAN_LIMITS: JSON.stringify({ starter: { members: null, apiRequestsPerHour: null } }),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await smtp.close();
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(
        `the server exited with ${child.exitCode} before it was ready:\n${output.slice(-3000)}`,
      );
    }
    try {
      const response = await fetch(`${url}/ready`);
      if (response.ok) return { url, dataDir, smtp, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`the server was not ready within 180 s:\n${output.slice(-3000)}`);
}
