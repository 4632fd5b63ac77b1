import type { Secrets } from '../../../platform/crypto/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import type { EventBus } from '../../../platform/events/index.ts';
import type { TTargetPolicy } from '../../../platform/net/index.ts';
import type { TRouters } from '../../identity/index.ts';

/** What the AI data routes need from the platform; read on each request, so getters may supply them late. */
export type TAiDataDeps = {
  routers: TRouters;
  db: Database;
  events: EventBus;
  secrets: Secrets;
  /** Which addresses provider base URLs may point at (ALLOW_PRIVATE_AI_PROVIDERS). */
  network: TTargetPolicy;
};

export { json } from '../../../platform/http/index.ts';
