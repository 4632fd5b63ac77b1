/** A message bus between the processes of one FlashFusion installation (or within the only one). */
export interface PubSub {
  /** Identifies this process; messages carry it so a process can tell its own from others'. */
  readonly processId: string;
  /** True when messages reach other processes (Redis), false when only this one (memory). */
  readonly distributed: boolean;
  publish(channel: string, message: string): Promise<void>;
  /** Calls handler for every message on channel, from any process including this one. */
  subscribe(channel: string, handler: (message: string) => void): Promise<() => Promise<void>>;
  /**
   * Calls handler each time the listening connection comes back after a loss: messages sent meanwhile were
   * missed, so state kept coherent by them (cache copies) must be dropped. Never called in memory.
   */
  onReconnect(handler: () => void): () => void;
  close(): Promise<void>;
}
