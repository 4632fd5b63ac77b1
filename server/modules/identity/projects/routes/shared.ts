import { ZErrorEnvelopeSchema } from '../../../../../contracts/errors.ts';
import type { Database } from '../../../../platform/db/index.ts';
import type { EventBus } from '../../../../platform/events/index.ts';

/** What the project routes need from the platform. */
export type TProjectRouteDeps = { db: Database; events: EventBus };

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid path, query or body (VALIDATION_ERROR)',
  401: 'Not authenticated',
  403: 'The actor lacks the permission (INSUFFICIENT_PERMISSIONS)',
  404: 'No such project in the actor’s organization (RESOURCE_NOT_FOUND)',
  409: 'Conflicts with the current state (CONFLICT)',
};

/** Documented error responses, all in the SPEC envelope. */
export const errorResponses = (statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: ERROR_DESCRIPTIONS[s] ?? 'Error',
        content: { 'application/json': { schema: ZErrorEnvelopeSchema } },
      },
    ]),
  );

export const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
