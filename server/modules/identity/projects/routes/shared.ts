import type { Database } from '../../../../platform/db/index.ts';
import type { EventBus } from '../../../../platform/events/index.ts';
import type { TRouters } from '../../access/create-routers.ts';

/** What the project routes need from the platform. */
export type TProjectRouteDeps = { db: Database; events: EventBus; routers: TRouters };

export { errorResponses, json } from '../../../../platform/http/index.ts';
