import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forbiddenRange, sendRequest } from '../../../platform/net/index.ts';
import { executeHttp, type THttpOptions } from './http.ts';
import { stepContext } from './step-context.test-kit.ts';

let server: Server;
let base: string;
let port: number;
const seen: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const path = req.url ?? '/';
      const redirect = (to: string, code = 302) => res.writeHead(code, { location: to }).end();
      if (path === '/json') res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      else if (path === '/echo')
        res.writeHead(201, { 'content-type': 'application/json; charset=utf-8' }).end(body || 'null');
      else if (path === '/text') res.writeHead(200, { 'content-type': 'text/plain' }).end('hello');
      else if (path === '/bad-json') res.writeHead(200, { 'content-type': 'application/json' }).end('{nope');
      else if (path.startsWith('/status/')) res.writeHead(Number(path.slice(8))).end('status body');
      else if (path === '/big') res.writeHead(200).end('x'.repeat(2048));
      else if (path === '/slow') setTimeout(() => res.writeHead(200).end('late'), 1_500);
      else if (path === '/to-json') redirect('/json');
      else if (path === '/post-303') redirect('/echo', 303);
      else if (path === '/loop') redirect('/loop');
      else if (path === '/to-v6-loopback') redirect(`http://[::1]:${port}/json`);
      else if (path === '/to-metadata') redirect('http://169.254.169.254/latest/meta-data/');
      else if (path === '/to-file') redirect('file:///etc/passwd');
      else if (path === '/cross-origin') redirect(`http://localhost:${port}/json`);
      else res.writeHead(404).end('no such path');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

// The local test server is a loopback address: allowed by name, everything else private stays refused.
const local: THttpOptions = { allowPrivateNetworks: false, allowedAddresses: ['127.0.0.1'] };
const get = (path: string, opts = local, ctx = stepContext()) =>
  executeHttp(ctx, { method: 'GET', url: `${base}${path}` }, opts);

describe('http step', () => {
  it('returns status, headers and the parsed JSON body, with the idempotency key', async () => {
    const ctx = stepContext({ runId: 'run-1', stepId: 'call' });
    const r = await get('/json', local, ctx);
    expect(r).toMatchObject({ status: 'succeeded', output: { status: 200, body: { ok: true } } });
    expect((r as { output: { headers: Record<string, string> } }).output.headers['content-type']).toBe(
      'application/json',
    );
    expect(seen.at(-1)?.headers['idempotency-key']).toBe('run-1:call');
  });

  it('sends a JSON body and the given headers; text and invalid JSON stay text', async () => {
    const r = await executeHttp(
      stepContext(),
      { method: 'POST', url: `${base}/echo`, headers: { 'X-Trace': 'abc' }, body: { a: [1, 2] } },
      local,
    );
    expect(r).toMatchObject({ status: 'succeeded', output: { status: 201, body: { a: [1, 2] } } });
    expect(seen.at(-1)?.headers['x-trace']).toBe('abc');
    expect(seen.at(-1)?.headers['content-type']).toBe('application/json');
    expect(await get('/text')).toMatchObject({ output: { body: 'hello' } });
    expect(await get('/bad-json')).toMatchObject({ output: { body: '{nope' } });
  });

  it.each([
    [500, true],
    [503, true],
    [429, true],
    [404, false],
    [400, false],
    [403, false],
  ])('HTTP %i fails with retryable %s', async (code, retryable) => {
    expect(await get(`/status/${code}`)).toEqual({
      status: 'failed',
      retryable,
      error: `HTTP ${code}: status body`,
    });
  });

  it('fails on a body over the limit, a refused connection and the abort signal', async () => {
    expect(await get('/big', { ...local, maxResponseBytes: 1024 })).toEqual({
      status: 'failed',
      retryable: false,
      error: 'response body exceeds 1024 bytes',
    });
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const refused = await executeHttp(
      stepContext(),
      { method: 'GET', url: `http://127.0.0.1:${closedPort}/` },
      local,
    );
    expect(refused).toEqual({
      status: 'failed',
      retryable: true,
      error: `request to 127.0.0.1:${closedPort} failed: ECONNREFUSED`,
    });
    const started = Date.now();
    const aborted = await get('/slow', local, stepContext({ signal: AbortSignal.timeout(300) }));
    expect(aborted).toMatchObject({ status: 'failed', retryable: true, error: /aborted/ });
    expect(Date.now() - started).toBeLessThan(1_400);
  });

  it('follows redirects, POST → GET on 303, at most 5 times', async () => {
    expect(await get('/to-json')).toMatchObject({ status: 'succeeded', output: { body: { ok: true } } });
    const r = await executeHttp(
      stepContext(),
      { method: 'POST', url: `${base}/post-303`, body: { x: 1 } },
      local,
    );
    expect(r).toMatchObject({ status: 'succeeded', output: { status: 201, body: null } });
    expect(seen.at(-1)?.method).toBe('GET');
    expect(await get('/loop')).toEqual({
      status: 'failed',
      retryable: false,
      error: 'more than 5 redirects',
    });
  });

  it('drops credentials on a redirect to another origin', async () => {
    const r = await executeHttp(
      stepContext(),
      {
        method: 'GET',
        url: `${base}/cross-origin`,
        headers: { Authorization: 'Bearer s3cret', 'X-Keep': '1' },
      },
      { allowPrivateNetworks: true },
    );
    expect(r).toMatchObject({ status: 'succeeded', output: { body: { ok: true } } });
    expect(seen.at(-2)?.headers.authorization).toBe('Bearer s3cret');
    expect(seen.at(-1)?.headers.host).toBe(`localhost:${port}`);
    expect(seen.at(-1)?.headers.authorization).toBeUndefined();
    expect(seen.at(-1)?.headers['x-keep']).toBe('1');
  });

  it('refuses redirects to forbidden targets and other protocols', async () => {
    expect(await get('/to-v6-loopback')).toEqual({
      status: 'failed',
      retryable: false,
      error: 'refused: ::1 resolves to ::1 (loopback address)',
    });
    expect(await get('/to-metadata')).toMatchObject({
      status: 'failed',
      error: /169\.254\.169\.254 \(linkLocal/,
    });
    expect(await get('/to-file')).toMatchObject({ status: 'failed', error: /only http and https/ });
  });

  it.each([
    'http://127.0.0.1/',
    'http://10.1.2.3/',
    'http://192.168.0.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[fd00::1]/',
    'http://100.64.0.1/',
    'http://0.0.0.0/',
    'http://localhost/',
    'http://0x7f000001/',
    'http://2130706433/',
    'http://127.1/',
  ])('refuses %s without connecting', async (url) => {
    const r = await executeHttp(stepContext(), { method: 'GET', url }, { allowPrivateNetworks: false });
    expect(r).toMatchObject({ status: 'failed', retryable: false, error: /^refused: / });
  });

  it('reaches private targets when the instance allows them', async () => {
    const r = await executeHttp(
      stepContext(),
      { method: 'GET', url: `http://localhost:${port}/json` },
      { allowPrivateNetworks: true },
    );
    // localhost may resolve to ::1 first where the server only listens on IPv4: either way it was not refused.
    expect(r.status === 'succeeded' || !/refused/.test((r as { error: string }).error)).toBe(true);
    expect(await get('/json', { allowPrivateNetworks: true })).toMatchObject({ status: 'succeeded' });
  });

  it('refuses bad URLs, protocols, methods and unknown hosts', async () => {
    const ctx = stepContext();
    expect(await executeHttp(ctx, { method: 'GET', url: 'not a url' }, local)).toMatchObject({
      error: /invalid URL/,
      retryable: false,
    });
    expect(await executeHttp(ctx, { method: 'GET', url: 'ftp://example.com/' }, local)).toMatchObject({
      error: /only http and https/,
    });
    expect(await executeHttp(ctx, { method: 'TRACE' as 'GET', url: `${base}/json` }, local)).toMatchObject({
      error: /unsupported method/,
    });
    expect(
      await executeHttp(
        ctx,
        { method: 'GET', url: `${base}/json`, headers: { 'X-A': 'a\r\nX-Injected: 1' } },
        local,
      ),
    ).toEqual({ status: 'failed', error: 'invalid header "X-A"', retryable: false });
    expect(
      await executeHttp(ctx, { method: 'GET', url: `${base}/json`, headers: { 'Bad Name': 'x' } }, local),
    ).toMatchObject({ error: /invalid header/ });
    expect(
      await executeHttp(ctx, { method: 'GET', url: 'http://no-such-host.invalid/' }, local),
    ).toMatchObject({ status: 'failed', error: /cannot resolve no-such-host\.invalid/ });
  });
});

describe('the checked address is the connected one', () => {
  it('connects to the pinned address without asking DNS again (no rebinding window)', async () => {
    // .invalid never resolves: the request can only succeed by using the address the guard checked.
    const res = await sendRequest({
      url: new URL(`http://rebind.invalid:${port}/json`),
      method: 'GET',
      headers: {},
      body: null,
      target: { address: '127.0.0.1', family: 4 },
      signal: new AbortController().signal,
      maxBodyBytes: 1024,
      skipBody: () => false,
    });
    expect(res.status).toBe(200);
    expect(seen.at(-1)?.headers.host).toBe(`rebind.invalid:${port}`);
  });
});

describe('forbiddenRange', () => {
  it.each([
    ['8.8.8.8', null],
    ['2606:4700:4700::1111', null],
    ['127.0.0.1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.1.1', 'carrierGradeNat'],
    ['224.0.0.1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:8.8.8.8', null],
    ['junk', 'invalid'],
  ])('%s → %s', (address, range) => {
    expect(forbiddenRange(address)).toBe(range);
  });
});
