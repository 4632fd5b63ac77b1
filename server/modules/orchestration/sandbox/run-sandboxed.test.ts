import { describe, expect, it } from 'vitest';
import { evaluateExpression } from './evaluate-expression.ts';
import { runSandboxed } from './run-sandboxed.ts';

const run = (code: string, globals: Record<string, unknown> = {}, extra = {}) =>
  runSandboxed({ code, globals, timeoutMs: 1_000, ...extra });

describe('runSandboxed', () => {
  it('computes with the JSON globals and returns JSON', async () => {
    const r = await run(
      'return { total: input.xs.reduce((a, b) => a + b, 0), first: steps.a.output.name };',
      {
        input: { xs: [1, 2, 3] },
        steps: { a: { output: { name: 'x' }, status: 'succeeded' } },
      },
    );
    expect(r).toEqual({ ok: true, value: { total: 6, first: 'x' } });
  });

  it('answers null for no return value, and copies globals (no shared objects)', async () => {
    const globals = { input: { n: 1 } };
    expect(await run('input.n = 2;', globals)).toEqual({ ok: true, value: null });
    expect(globals.input.n).toBe(1);
  });

  it.each([
    ['typeof process', 'undefined'],
    ['typeof require', 'undefined'],
    ['typeof fetch', 'undefined'],
    ['typeof setTimeout', 'undefined'],
    ['typeof globalThis.Buffer', 'undefined'],
    ["typeof Function('return this')().process", 'undefined'],
  ])('has no Node API: %s', async (expr, expected) => {
    expect(await run(`return ${expr};`)).toEqual({ ok: true, value: expected });
  });

  it('cannot reach the host through the Function constructor', async () => {
    const r = await run("return globalThis.constructor.constructor('return process')();");
    expect(r).toEqual({ ok: false, kind: 'error', error: "ReferenceError: 'process' is not defined" });
  });

  it('cannot import modules', async () => {
    const r = await run("return import('node:fs');");
    // A dynamic import has no loader: the promise is rejected (or the syntax refused), never a module.
    expect(r.ok ? JSON.stringify(r.value) : r.kind).toMatch(/\{\}|error/);
  });

  it('reports thrown errors and syntax errors as kind error', async () => {
    const thrown = await run("throw new TypeError('bad input');");
    expect(thrown).toEqual({ ok: false, kind: 'error', error: 'TypeError: bad input' });
    const syntax = await run('return {;');
    expect(syntax).toMatchObject({ ok: false, kind: 'error' });
    expect(await run('return x;')).toMatchObject({ ok: false, kind: 'error', error: /ReferenceError/ });
  });

  it('refuses globals that are not identifiers or not JSON', async () => {
    expect(await run('return 1;', { 'a-b': 1 })).toMatchObject({ ok: false, error: /invalid global name/ });
    expect(await run('return 1;', { input: 1n })).toMatchObject({ ok: false, error: /not JSON/ });
  });

  it('stops an endless loop at the deadline, uncatchably, and the next call works', async () => {
    const started = Date.now();
    const r = await runSandboxed({
      code: 'try { while (true) {} } catch (e) { return "escaped"; }',
      globals: {},
      timeoutMs: 200,
    });
    const took = Date.now() - started;
    expect(r).toMatchObject({ ok: false, kind: 'timeout' });
    expect(took).toBeGreaterThanOrEqual(190);
    expect(took).toBeLessThan(2_000);
    expect(await run('return 40 + 2;')).toEqual({ ok: true, value: 42 });
  });

  it('does not start when the signal is already aborted', async () => {
    const r = await runSandboxed({ code: 'return 1;', globals: {}, signal: AbortSignal.abort() });
    expect(r).toEqual({ ok: false, kind: 'timeout', error: 'aborted before start' });
  });

  it.each([
    ['growing arrays', 'const a = []; while (true) a.push({ x: a.length, s: "abcdefgh" });'],
    ['doubling strings', 'let s = "x"; while (true) s = s + s;'],
    ['many strings', 'const a = []; while (true) a.push("y".repeat(1000) + a.length);'],
    ['one huge string', 'const s = "y".repeat(100e6); return s.length;'],
    [
      'caught allocation failures',
      'const a = []; try { while (true) a.push("y".repeat(1000)); } catch {} return 1;',
    ],
    ['deep recursion', 'function f(n) { return f(n + 1) + 1; } return f(0);'],
  ])('stops %s at the memory limit with a healthy host', async (_name, code) => {
    const before = process.memoryUsage().rss;
    const r = await runSandboxed({ code, globals: {}, timeoutMs: 5_000, memoryLimitBytes: 8 * 1024 * 1024 });
    expect(r).toMatchObject({ ok: false, kind: 'memory' });
    // The sandbox heap is capped: the host's resident memory grows by far less than an unbounded loop would.
    expect(process.memoryUsage().rss - before).toBeLessThan(128 * 1024 * 1024);
    expect(await run('return [1, 2].map((x) => x * 2);')).toEqual({ ok: true, value: [2, 4] });
  });

  it('stops megabytes-per-operation allocations at the engine ceiling, between two interrupt checks', async () => {
    // The interrupt handler runs every few thousand operations; without a cap on the WebAssembly memory this
    // loop grew the heap to 2 GiB (and ran for many seconds) before the handler first saw it.
    const before = process.memoryUsage().rss;
    const r = await runSandboxed({
      code: 'const a = []; while (true) a.push("y".repeat(4e6) + a.length);',
      globals: {},
      timeoutMs: 60_000,
    });
    expect(r).toMatchObject({ ok: false, kind: 'memory' });
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
    expect(await run('return 1;')).toEqual({ ok: true, value: 1 });
  }, 30_000);

  it('keeps no state between calls', async () => {
    await run('globalThis.leak = 1; return 1;');
    expect(await run('return typeof leak;')).toEqual({ ok: true, value: 'undefined' });
  });

  it('has a small per-call overhead once the module is loaded', async () => {
    await run('return 1;');
    const n = 50;
    const started = performance.now();
    for (let i = 0; i < n; i++) await run('return input + 1;', { input: i });
    const perCall = (performance.now() - started) / n;
    console.info(`sandbox per-call overhead: ${perCall.toFixed(2)} ms`);
    expect(perCall).toBeLessThan(50);
  });
});

describe('evaluateExpression', () => {
  const scope = { input: { score: 7 }, steps: { a: { output: [1, 2], status: 'succeeded' } } };

  it.each([
    ['input.score > 5', true],
    ['steps.a.output.length === 3', false],
    ['input.score // a trailing comment', 7],
  ])('%s → %j', async (expr, value) => {
    expect(await evaluateExpression(expr, scope)).toEqual({ ok: true, value });
  });

  it('sees item and index inside a map', async () => {
    expect(await evaluateExpression('item.n * index', { ...scope, item: { n: 3 }, index: 2 })).toEqual({
      ok: true,
      value: 6,
    });
  });

  it('fails cleanly on empty, broken or endless expressions', async () => {
    expect(await evaluateExpression('  ', scope)).toMatchObject({ ok: false, error: 'empty expression' });
    expect(await evaluateExpression('input.', scope)).toMatchObject({ ok: false, kind: 'error' });
    expect(await evaluateExpression('(() => { while (true) {} })()', scope)).toMatchObject({
      ok: false,
      kind: 'timeout',
    });
  });
});
