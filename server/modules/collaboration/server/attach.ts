// The collaboration endpoint on FlashFusion's own HTTP server: WebSocket upgrades on /api/v1/collab go to
// Hocuspocus (transport-free core), any other upgrade path is refused.
import type { IncomingMessage, Server } from 'node:http';
import { createRequire } from 'node:module';
import type { Duplex } from 'node:stream';
import { ResetConnection } from '@hocuspocus/common';
import type { Hocuspocus } from '@hocuspocus/server';
import type { TCollabContext } from './hooks.ts';
import { closeMessageReason, yWebsocketBridge } from './y-websocket-bridge.ts';

// The slice of ws 8 used here, typed locally: @types/ws is not installed (reported as a needed dev dependency).
type TWs = {
  readyState: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  on(event: 'message', cb: (data: Buffer) => void): void;
  on(event: 'close', cb: (code: number, reason: Buffer) => void): void;
  on(event: 'error', cb: (err: Error) => void): void;
};
type TWss = {
  clients: Set<TWs>;
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, cb: (ws: TWs) => void): void;
  close(): void;
};
const { WebSocketServer } = createRequire(import.meta.url)('ws') as {
  WebSocketServer: new (opts: { noServer: true; maxPayload: number }) => TWss;
};

export const COLLAB_PATH = '/api/v1/collab';
/** The close every open socket gets at shutdown (RFC 6455 1012 Service Restart). */
export const ServiceRestart = { code: 1012, reason: 'Server restarting' } as const;
const CLOSE_HANDSHAKE_MS = 1_000;
const CLOSED = 3;

/** A fetch Request carrying the upgrade's URL and headers, which is what Hocuspocus hooks read. */
function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (Array.isArray(v)) for (const one of v) headers.append(k, one);
    else if (v !== undefined) headers.set(k, v);
  }
  return new Request(`http://localhost${req.url ?? '/'}`, { headers });
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s) || null;
  } catch {
    return null;
  }
}

function refuseUpgrade(socket: Duplex, status: number, text: string) {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export function attachCollab(
  server: Server,
  hocuspocus: Hocuspocus<TCollabContext>,
  opts: { maxPayload: number },
): { close(): Promise<void> } {
  // maxPayload: ws closes a connection sending a larger frame with 1009 before Hocuspocus sees it.
  const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxPayload });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    // `<endpoint>/<document name>` is a stock y-websocket client, one document per socket.
    const yDocument = path.startsWith(`${COLLAB_PATH}/`)
      ? safeDecode(path.slice(COLLAB_PATH.length + 1))
      : null;
    if (path !== COLLAB_PATH && !yDocument) return refuseUpgrade(socket, 404, 'Not Found');
    wss.handleUpgrade(req, socket, head, (ws) => {
      const context: TCollabContext = {
        // After the permission-denied message Hocuspocus sends, the socket is closed with the named code.
        refuse: (event) => setImmediate(() => ws.close(event.code, event.reason)),
      };
      const bridge = yDocument ? yWebsocketBridge(ws, yDocument, url.searchParams.get('token') ?? '') : null;
      const inner = bridge?.socketLike ?? ws;
      const socketLike = {
        get readyState() {
          return ws.readyState;
        },
        close: (code?: number, reason?: string) => ws.close(code, reason),
        send(data: Uint8Array) {
          inner.send(data);
          const reason = closeMessageReason(data);
          // Close reasons are limited to 123 bytes by the WebSocket protocol.
          if (reason !== null) ws.close(ResetConnection.code, reason.slice(0, 100) || ResetConnection.reason);
        },
      };
      const connection = hocuspocus.handleConnection(socketLike as never, toRequest(req), context);
      if (bridge) connection.handleMessage(bridge.authMessage());
      ws.on('message', (data: Buffer) => {
        const bytes = new Uint8Array(data);
        connection.handleMessage(bridge ? bridge.incoming(bytes) : bytes);
      });
      ws.on('close', (code, reason) => connection.handleClose({ code, reason: reason.toString() }));
      ws.on('error', () => ws.terminate());
    });
  };
  server.on('upgrade', onUpgrade);
  return {
    async close() {
      server.off('upgrade', onUpgrade);
      // A close frame, not a cut connection: clients see 1012 and reconnect (to this process restarted, or
      // another), where a terminated socket showed them 1006, an abnormal closure.
      const open = [...wss.clients];
      const gone = Promise.all(
        open.map(
          (ws) =>
            new Promise<void>((resolve) =>
              ws.readyState === CLOSED ? resolve() : ws.on('close', () => resolve()),
            ),
        ),
      );
      for (const ws of open) ws.close(ServiceRestart.code, ServiceRestart.reason);
      let timer: NodeJS.Timeout | undefined;
      // A client that does not answer the closing handshake in time is cut, so shutdown never waits on it.
      await Promise.race([gone, new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_HANDSHAKE_MS)))]);
      clearTimeout(timer);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
