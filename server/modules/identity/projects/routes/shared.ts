import type { Database } from '../../../../platform/db/index.ts';
import type { EventBus } from '../../../../platform/events/index.ts';

/** What the project routes need from the platform. */
export type TProjectRouteDeps = { db: Database; events: EventBus };

export { errorResponses } from '../../../../platform/http/index.ts';

export { json } from '../../route-helpers.ts';
