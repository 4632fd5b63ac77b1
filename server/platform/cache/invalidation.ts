import { z } from 'zod';

/** What a set or delete announces to every process: which key, and who changed it. */
export const ZInvalidationSchema = z.object({
  key: z.string(),
  /** The PubSub processId of the writer, for logs. */
  origin: z.string(),
  /** The writing cache instance, so it can skip its own message (two instances may share one process). */
  instance: z.string(),
});

/** An invalidation message as sent over pub/sub. */
export type TInvalidation = z.infer<typeof ZInvalidationSchema>;

/** Parses a pub/sub message; undefined when it is not an invalidation. */
export function parseInvalidation(message: string): TInvalidation | undefined {
  try {
    const parsed = ZInvalidationSchema.safeParse(JSON.parse(message));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
