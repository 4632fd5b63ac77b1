import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedFetch } from './guarded-fetch.ts';
import { TargetRefusedError } from './ssrf-guard.ts';

type TSeen = { method: string; url: string; headers: IncomingMessage['headers']; body: string };

// Two local servers on 127.0.0.1 (two origins); each test sets how the first one answers.
let handler: (req: IncomingMessage, res: ServerResponse) => void;
const seen: TSeen[] = [];
const seenOther: TSeen[] = [];
let servers: Server[] = [];
let base = '';
let other = '';

const listen = async (record: TSeen[], answer: () => typeof handler) => {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => {
      body += d.toString();
    });
    req.on('end', () => {
      record.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      answer()(req, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  base = await listen(seen, () => handler);
  other = await listen(seenOther, () => (_req, res) => res.end('other'));
});
afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
  servers = [];
});

// The servers' one address is allowed, as tests allow their local upstreams; anything else private is not.
const guarded = createGuardedFetch({ allowPrivateNetworks: false, allowedAddresses: ['127.0.0.1'] });

describe('createGuardedFetch', () => {
  it('sends method, headers and body, and streams the answer back as a Response', async () => {
    handler = (_req, res) => {
      res.writeHead(201, { 'content-type': 'text/event-stream', 'x-one': 'a' });
      res.write('data: 1\n\n');
      res.end('data: 2\n\n');
    };
    const res = await guarded(`${base}/chat`, {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: JSON.stringify({ hi: 1 }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-one')).toBe('a');
    expect(await res.text()).toBe('data: 1\n\ndata: 2\n\n');
    expect(seen.at(-1)).toMatchObject({
      method: 'POST',
      url: '/chat',
      body: '{"hi":1}',
      headers: { authorization: 'Bearer k' },
    });
  });

  it('refuses loopback, private, link-local and metadata addresses before connecting', async () => {
    const strict = createGuardedFetch({ allowPrivateNetworks: false });
    const before = seen.length;
    await expect(strict(`${base}/models`)).rejects.toBeInstanceOf(TargetRefusedError);
    await expect(strict(`${base}/models`)).rejects.toThrow(/127\.0\.0\.1 \(loopback address\)/);
    for (const url of ['http://169.254.169.254/latest/meta-data', 'http://10.0.0.1/', 'http://[::1]/'])
      await expect(strict(url), url).rejects.toBeInstanceOf(TargetRefusedError);
    expect(seen.length).toBe(before);
    await expect(guarded('file:///etc/passwd')).rejects.toThrow();
  });

  it('checks every redirect hop again: a bounce to another loopback address is refused', async () => {
    handler = (_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.2:${new URL(base).port}/admin` });
      res.end();
    };
    await expect(guarded(`${base}/models`)).rejects.toThrow(/127\.0\.0\.2 \(loopback address\)/);
  });

  it('follows an allowed redirect, dropping the key when the origin changes', async () => {
    handler = (_req, res) => {
      res.writeHead(307, { location: `${other}/moved` });
      res.end();
    };
    const res = await guarded(`${base}/models`, { headers: { authorization: 'Bearer k', 'x-api-key': 'k' } });
    expect(await res.text()).toBe('other');
    expect(seenOther.at(-1)?.url).toBe('/moved');
    expect(seenOther.at(-1)?.headers.authorization).toBeUndefined();
    expect(seenOther.at(-1)?.headers['x-api-key']).toBeUndefined();
  });

  it('gives up after five redirects', async () => {
    handler = (req, res) => {
      res.writeHead(302, { location: `${base}${req.url}x` });
      res.end();
    };
    await expect(guarded(`${base}/r`)).rejects.toThrow(/more than 5 redirects/);
  });
});
