import type { Server } from 'node:http';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { TAppEnv } from './http/index.ts';
import type { JobDefinition } from './queue/index.ts';

/** A recurring job: registered and put on its cron where workers run (roles worker and all). */
export type TScheduledJob = {
  // biome-ignore lint/suspicious/noExplicitAny: schedules of any payload type are composed together.
  job: JobDefinition<any>;
  cron: string;
  payload: unknown;
};

/**
 * What a business module offers the composition (server/modules.ts, app.ts, main.ts), the way Hocuspocus
 * composes extensions: every part is optional, and the composition calls each in module order (dependencies
 * first) where the process's role needs it.
 */
export interface TModule {
  readonly name: string;
  /** Adds the module's routes to the /api/v1 router (roles api and all). */
  mount?(api: OpenAPIHono<TAppEnv>): void;
  /** Adds routes outside /api/v1 (e.g. the OpenAI-compatible /v1) to the app (roles api and all). */
  mountRoot?(app: OpenAPIHono<TAppEnv>): void;
  /** Recurring jobs (roles worker and all). */
  readonly schedules?: readonly TScheduledJob[];
  /** Starts background work that belongs to worker processes (roles worker and all). */
  startWorkers?(): void | Promise<void>;
  /** Takes over WebSocket upgrades of the HTTP server (every role that serves clients). */
  attach?(server: Server): void;
  /** Closes what `attach` took over (open sockets) at shutdown, before HTTP drains. */
  detach?(): Promise<void>;
  /** Stops the module's own work at shutdown, after HTTP has drained; called in reverse module order. */
  close?(): Promise<void>;
}
