import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export interface StartOptions {
  label: string;
  args: string[];
  env: Record<string, string>;
  readyUrl: string;
  timeoutMs?: number;
}

export interface Started {
  pid: number;
  /** Milliseconds from spawn() to the first 200 from readyUrl. */
  readyMs: number;
  stop: () => Promise<void>;
}

const LIVE = new Set<ChildProcess>();

/** Spawns a Node 24 child (process.execPath, never a bare `node`) and waits until readyUrl answers 200. */
export async function startProcess(opts: StartOptions): Promise<Started> {
  const t0 = performance.now();
  const child = spawn(process.execPath, opts.args, {
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  LIVE.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => LIVE.delete(child));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timedOut = await Promise.race([exited.then(() => false), sleep(20_000).then(() => true)]);
    if (timedOut) {
      child.kill('SIGKILL');
      await exited;
    }
  };

  const deadline = t0 + (opts.timeoutMs ?? 60_000);
  while (performance.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`${opts.label} exited with code ${child.exitCode} before ready:\n${output}`);
    }
    const status = await fetch(opts.readyUrl).then(
      (r) => r.body?.cancel().then(() => r.status) ?? r.status,
      () => 0,
    );
    if (status === 200) return { pid: child.pid ?? -1, readyMs: performance.now() - t0, stop };
    await sleep(10);
  }
  await stop();
  throw new Error(`${opts.label} did not answer 200 at ${opts.readyUrl} in time:\n${output}`);
}

/** Stops every child still running; run.ts calls it in finally so an error never leaves servers behind. */
export async function stopAll(): Promise<void> {
  await Promise.all(
    [...LIVE].map(async (child) => {
      child.kill('SIGTERM');
      await Promise.race([new Promise((r) => child.once('exit', r)), sleep(5000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }),
  );
}

/** Last resort on process exit: synchronous, so it can only SIGKILL. */
export function killAllSync(): void {
  for (const child of LIVE) child.kill('SIGKILL');
}

/** Resident set size (VmRSS) of a pid in MiB, read after the process has idled for idleMs. */
export async function idleRssMiB(pid: number, idleMs = 2000): Promise<number> {
  await sleep(idleMs);
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  if (!kb) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kb) / 1024;
}
