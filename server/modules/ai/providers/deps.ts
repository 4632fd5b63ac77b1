import type { Secrets } from '../../../platform/crypto/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import type { TRouters } from '../../identity/index.ts';

/** What the AI data routes need from the platform; read on each request, so getters may supply them late. */
export type TAiDataDeps = {
  routers: TRouters;
  db: Database;
  events: EventBus;
  secrets: Secrets;
  /** The HTTP client for connection tests (tests point it nowhere else; production uses global fetch). */
  fetchImpl?: typeof fetch;
};

export { json } from '../../../platform/http/index.ts';
