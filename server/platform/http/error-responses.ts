import { ZErrorEnvelopeSchema } from '../../../contracts/errors.ts';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid path, query or body (VALIDATION_ERROR)',
  401: 'Not authenticated (AUTHENTICATION_FAILED)',
  403: 'The caller lacks the permission (INSUFFICIENT_PERMISSIONS)',
  404: 'Not found in the caller’s organization (RESOURCE_NOT_FOUND)',
  409: 'Conflicts with the current state (CONFLICT)',
  413: 'Request body too large (VALIDATION_ERROR)',
  415: 'Body is not JSON (VALIDATION_ERROR)',
  429: 'Rate limit or quota exceeded (RATE_LIMIT_EXCEEDED, QUOTA_EXCEEDED)',
};

/** OpenAPI error responses for the given statuses, all described with the SPEC error envelope. */
export function errorResponses(statuses: number[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description: DESCRIPTIONS[s] ?? 'Error',
        content: { 'application/json': { schema: ZErrorEnvelopeSchema } },
      },
    ]),
  );
}
