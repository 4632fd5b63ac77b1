export type TRealtimeStatus = 'connected' | 'disconnected' | 'reconnecting';

type TSocketLike = {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  close(): void;
};

export type TRealtimeOptions = {
  url: string;
  /** Opens a socket; the browser's WebSocket by default (tests pass their own). */
  createSocket?: (url: string) => TSocketLike;
  /** Delay before retry number `attempt` (1-based): exponential from 1 s, capped at 30 s. */
  backoffMs?: (attempt: number) => number;
  isOnline?: () => boolean;
};

const OPEN = 1; // WebSocket.OPEN, spelled out so tests need no WebSocket global
const defaultBackoff = (attempt: number) => Math.min(30_000, 1_000 * 2 ** (attempt - 1));

/**
 * The app's WebSocket to the realtime server (/api/v1/collab), kept open and reopened with backoff. Its
 * state is what the chrome shows: connected while the socket is open, reconnecting while a retry is pending,
 * disconnected before the first connection and while the browser is offline (no retry is tried then; the
 * `online` event starts one).
 */
export class RealtimeConnection {
  #opts: Required<TRealtimeOptions>;
  #socket: TSocketLike | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #attempt = 0;
  #status: TRealtimeStatus = 'disconnected';
  #stopped = true;
  #listeners = new Set<(status: TRealtimeStatus) => void>();

  constructor(opts: TRealtimeOptions) {
    this.#opts = {
      createSocket: (url) => new WebSocket(url),
      backoffMs: defaultBackoff,
      isOnline: () => navigator.onLine,
      ...opts,
    };
  }

  get status(): TRealtimeStatus {
    return this.#status;
  }

  subscribe(listener: (status: TRealtimeStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#open();
  }

  stop(): void {
    this.#stopped = true;
    this.#clearTimer();
    const socket = this.#socket;
    this.#socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close();
    }
    this.#set('disconnected');
  }

  /** The browser came back online: retry now instead of waiting for the backoff. */
  online(): void {
    if (this.#stopped) return;
    if (this.#socket) {
      // The socket survived the outage (or is still opening): its own events decide from here.
      if (this.#socket.readyState === OPEN) this.#set('connected');
      return;
    }
    this.#clearTimer();
    this.#attempt = 0;
    this.#open();
  }

  /** The browser went offline: the socket will drop; show it at once. */
  offline(): void {
    if (this.#stopped) return;
    this.#set('disconnected');
  }

  #open(): void {
    if (!this.#opts.isOnline()) {
      this.#set('disconnected');
      return;
    }
    const socket = this.#opts.createSocket(this.#opts.url);
    this.#socket = socket;
    socket.onopen = () => {
      this.#attempt = 0;
      this.#set('connected');
    };
    socket.onclose = () => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      if (this.#stopped) return;
      this.#scheduleRetry();
    };
  }

  #scheduleRetry(): void {
    if (!this.#opts.isOnline()) {
      this.#set('disconnected');
      return;
    }
    this.#attempt += 1;
    this.#set('reconnecting');
    this.#timer = setTimeout(() => {
      this.#timer = null;
      if (!this.#stopped) this.#open();
    }, this.#opts.backoffMs(this.#attempt));
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #set(status: TRealtimeStatus): void {
    if (this.#status === status) return;
    this.#status = status;
    for (const listener of this.#listeners) listener(status);
  }
}

/** ws(s)://<this origin>/api/v1/collab */
export function realtimeUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/collab`;
}
