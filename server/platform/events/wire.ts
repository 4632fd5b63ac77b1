import { z } from 'zod';

/** Redis channel carrying committed domain events between processes. */
export const EVENTS_CHANNEL = 'ff:events';

/** An event as it travels between processes; validated on arrival like any other external input. */
export const ZWireEventSchema = z.object({
  origin: z.string(),
  event: z.object({
    id: z.uuid(),
    type: z.string().min(1),
    aggregateId: z.string(),
    organizationId: z.uuid().nullable(),
    userId: z.uuid().nullable(),
    payload: z.unknown(),
    timestamp: z.iso.datetime({ offset: true }),
  }),
});
