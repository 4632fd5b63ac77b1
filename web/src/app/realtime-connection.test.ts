import { describe, expect, it } from 'vitest';
import { RealtimeConnection, realtimeUrl, type TRealtimeStatus } from './realtime-connection.ts';

// A socket the test drives by hand: open() and drop() play the server's part.
class FakeSocket {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  closed = false;
  readonly url: string;
  constructor(url: string) {
    this.url = url;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({} as CloseEvent);
  }
  close() {
    this.closed = true;
    this.drop();
  }
}

function setup(opts: { online?: () => boolean } = {}) {
  const sockets: FakeSocket[] = [];
  const statuses: TRealtimeStatus[] = [];
  const connection = new RealtimeConnection({
    url: 'ws://example.test/api/v1/collab',
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    backoffMs: () => 20,
    isOnline: opts.online ?? (() => true),
  });
  connection.subscribe((s) => statuses.push(s));
  return { connection, sockets, statuses };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RealtimeConnection', () => {
  it('is disconnected until the socket opens, then connected', () => {
    const { connection, sockets } = setup();
    connection.start();
    expect(connection.status).toBe('disconnected');
    expect(sockets[0]?.url).toBe('ws://example.test/api/v1/collab');
    sockets[0]!.open();
    expect(connection.status).toBe('connected');
  });

  it('shows reconnecting after a drop and opens a new socket after the backoff', async () => {
    const { connection, sockets, statuses } = setup();
    connection.start();
    sockets[0]!.open();
    sockets[0]!.drop();
    expect(connection.status).toBe('reconnecting');
    await wait(200);
    expect(sockets).toHaveLength(2);
    sockets[1]!.open();
    expect(statuses).toEqual(['connected', 'reconnecting', 'connected']);
    connection.stop();
  });

  it('keeps retrying while the server refuses, each failure a new attempt', async () => {
    const { connection, sockets } = setup();
    connection.start();
    sockets[0]!.drop();
    await wait(150);
    sockets[1]!.drop();
    await wait(150);
    expect(sockets.length).toBe(3);
    expect(connection.status).toBe('reconnecting');
    connection.stop();
    expect(connection.status).toBe('disconnected');
  });

  it('does not retry while the browser is offline, and retries at once when it comes back', () => {
    let online = false;
    const { connection, sockets } = setup({ online: () => online });
    connection.start();
    expect(sockets).toHaveLength(0);
    expect(connection.status).toBe('disconnected');
    online = true;
    connection.online();
    expect(sockets).toHaveLength(1);
    sockets[0]!.open();
    expect(connection.status).toBe('connected');
  });

  it('shows disconnected when the browser goes offline and connected again if the socket survived', () => {
    const { connection, sockets } = setup();
    connection.start();
    sockets[0]!.open();
    connection.offline();
    expect(connection.status).toBe('disconnected');
    connection.online();
    expect(connection.status).toBe('connected');
  });

  it('stop closes the socket and no retry follows', async () => {
    const { connection, sockets } = setup();
    connection.start();
    sockets[0]!.open();
    connection.stop();
    expect(sockets[0]!.closed).toBe(true);
    await wait(100);
    expect(sockets).toHaveLength(1);
    expect(connection.status).toBe('disconnected');
  });

  it('builds ws:// or wss:// from the page origin', () => {
    expect(realtimeUrl({ protocol: 'http:', host: '127.0.0.1:3000' })).toBe(
      'ws://127.0.0.1:3000/api/v1/collab',
    );
    expect(realtimeUrl({ protocol: 'https:', host: 'ff.example.com' })).toBe(
      'wss://ff.example.com/api/v1/collab',
    );
  });
});
