import type { z } from 'zod';

/** A kind of domain event: its type name and the zod schema of its payload. */
export interface EventDefinition<TPayload = unknown> {
  readonly type: string;
  readonly schema: z.ZodType<TPayload>;
}

/** `{ id, type, aggregateId, payload, timestamp, userId }` of SPEC §9, plus the tenant it belongs to. */
export interface DomainEvent<TPayload = unknown> {
  id: string;
  type: string;
  aggregateId: string;
  organizationId: string | null;
  userId: string | null;
  payload: TPayload;
  timestamp: string;
}

/** What a caller supplies to emit an event; id and timestamp are assigned by the bus. */
export interface EventInput<TPayload> {
  aggregateId: string;
  organizationId?: string | null;
  userId?: string | null;
  payload: TPayload;
}

/** Declares an event type once, so emitters and subscribers share its name and payload schema. */
export function defineEvent<TPayload>(type: string, schema: z.ZodType<TPayload>): EventDefinition<TPayload> {
  return { type, schema };
}
