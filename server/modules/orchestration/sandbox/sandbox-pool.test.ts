import { afterAll, describe, expect, it } from 'vitest';
import { createSandboxPool } from './sandbox-pool.ts';

const pool = createSandboxPool({ size: 1 });
afterAll(() => pool.close());

describe('sandbox pool (worker threads)', () => {
  it('runs code with globals in a worker', async () => {
    expect(await pool.run({ code: 'return input.a * 2;', globals: { input: { a: 21 } } })).toEqual({
      ok: true,
      value: 42,
    });
  });

  it('keeps the event loop free while code runs, and the deadline still stops it', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const r = await pool.run({ code: 'while (true) {}', globals: {}, timeoutMs: 600 });
    clearInterval(timer);
    expect(r).toMatchObject({ ok: false, kind: 'timeout' });
    // In the main thread the loop would have held every timer until the deadline.
    expect(ticks).toBeGreaterThan(5);
  });

  it('stops running code when the caller aborts, and the next call works', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    const r = await pool.run({
      code: 'while (true) {}',
      globals: {},
      timeoutMs: 10_000,
      signal: controller.signal,
    });
    expect(r).toEqual({ ok: false, kind: 'timeout', error: 'code was aborted' });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await pool.run({ code: 'return "again";', globals: {} })).toEqual({ ok: true, value: 'again' });
  });

  it('queues calls beyond its size and lets a waiting caller give up', async () => {
    const controller = new AbortController();
    const busy = pool.run({
      code: 'const t = Date.now(); while (Date.now() - t < 300) {} return 1;',
      globals: {},
    });
    const waiting = pool.run({ code: 'return 2;', globals: {}, signal: controller.signal });
    const third = pool.run({ code: 'return 3;', globals: {} });
    controller.abort();
    expect(await waiting).toEqual({ ok: false, kind: 'timeout', error: 'aborted before start' });
    expect(await Promise.all([busy, third])).toEqual([
      { ok: true, value: 1 },
      { ok: true, value: 3 },
    ]);
  });

  it('refuses globals that cannot reach the worker', async () => {
    const r = await pool.run({ code: 'return 1;', globals: { input: () => 1 } });
    expect(r).toMatchObject({ ok: false, kind: 'error', error: /globals are not JSON/ });
    expect(await pool.run({ code: 'return 1;', globals: {} })).toEqual({ ok: true, value: 1 });
  });

  it('adds little per call once its worker is ready', async () => {
    await pool.run({ code: 'return 0;', globals: {} });
    const n = 50;
    const started = performance.now();
    for (let i = 0; i < n; i++) await pool.run({ code: 'return input + 1;', globals: { input: i } });
    const perCall = (performance.now() - started) / n;
    console.info(`sandbox pool per-call time: ${perCall.toFixed(2)} ms`);
    expect(perCall).toBeLessThan(50);
  });

  it('answers an error once closed', async () => {
    const other = createSandboxPool();
    await other.close();
    expect(await other.run({ code: 'return 1;', globals: {} })).toEqual({
      ok: false,
      kind: 'error',
      error: 'the sandbox pool is closed',
    });
  });
});
