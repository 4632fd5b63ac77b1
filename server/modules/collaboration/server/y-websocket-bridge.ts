// Stock y-websocket clients speak the plain y-protocols framing (`<type><payload>`, one document per socket at
// `<endpoint>/<document name>`), Hocuspocus prefixes every message with the document name and wants an auth
// message first. This adapter translates in both directions so both kinds of clients share the same documents,
// hooks, authorization and persistence.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

// Hocuspocus message types (@hocuspocus/server MessageType).
const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const QUERY_AWARENESS = 3;
const SYNC_REPLY = 4;
const AUTH_TOKEN = 0;

type TSocket = {
  readyState: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
};

/** The Hocuspocus-facing side of a y-websocket socket (a WebSocketLike). */
export function yWebsocketBridge(ws: TSocket, documentName: string, token: string) {
  const prefix = (() => {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, documentName);
    return encoding.toUint8Array(e);
  })();
  const withPrefix = (body: Uint8Array) => {
    const out = new Uint8Array(prefix.length + body.length);
    out.set(prefix);
    out.set(body, prefix.length);
    return out;
  };
  const socketLike = {
    get readyState() {
      return ws.readyState;
    },
    close: (code?: number, reason?: string) => ws.close(code, reason),
    send(data: Uint8Array) {
      const d = decoding.createDecoder(data);
      decoding.readVarString(d);
      const type = decoding.readVarUint(d);
      const rest = data.subarray(d.pos);
      // Sync replies are sync messages to y-websocket; auth, sync-status and stateless messages mean nothing
      // to it (a refusal reaches it as the close code).
      if (type !== SYNC && type !== SYNC_REPLY && type !== AWARENESS && type !== QUERY_AWARENESS) return;
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, type === SYNC_REPLY ? SYNC : type);
      encoding.writeUint8Array(e, rest);
      ws.send(encoding.toUint8Array(e));
    },
  };
  return {
    socketLike,
    /** The auth message Hocuspocus waits for, sent on the client's behalf before anything else. */
    authMessage(): Uint8Array {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, AUTH);
      encoding.writeVarUint(e, AUTH_TOKEN);
      encoding.writeVarString(e, token);
      return withPrefix(encoding.toUint8Array(e));
    },
    /** A client message addressed to the document. */
    incoming: (data: Uint8Array) => withPrefix(data),
  };
}

const CLOSE = 7;

/**
 * The reason of a Hocuspocus document-close message (sent when handling a client's message failed, e.g. a
 * malformed update), or null for any other message. The socket is then closed as well: a client that sent
 * garbage is not kept half-attached, and a stock y-websocket client would not understand the message.
 */
export function closeMessageReason(data: Uint8Array): string | null {
  try {
    const d = decoding.createDecoder(data);
    decoding.readVarString(d);
    if (decoding.readVarUint(d) !== CLOSE) return null;
    return decoding.hasContent(d) ? decoding.readVarString(d) : '';
  } catch {
    return null;
  }
}
