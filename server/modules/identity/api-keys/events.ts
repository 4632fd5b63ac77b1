import { z } from 'zod';
import { defineEvent } from '../../../platform/events/index.ts';
import { API_KEY_SCOPES } from '../permissions/index.ts';

// Payloads carry what an audit reader needs to recognise a key (name, display prefix), never the key or hash.

export const ApiKeyCreated = defineEvent(
  'api_key.created',
  z.object({
    apiKeyId: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.enum(API_KEY_SCOPES)),
    expiresAt: z.string().nullable(),
  }),
);

export const ApiKeyRevoked = defineEvent(
  'api_key.revoked',
  z.object({ apiKeyId: z.uuid(), name: z.string(), prefix: z.string(), ownerId: z.uuid() }),
);
