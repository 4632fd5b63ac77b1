import { z } from 'zod';

// Awareness states arrive from clients, so they are parsed like any other external input: a client that
// publishes garbage is simply not listed, and one that publishes an oversize field cannot bloat the answer.
const ZCursorSchema = z.object({
  anchor: z.unknown().optional(),
  head: z.unknown().optional(),
  line: z.number().int().nonnegative().optional(),
  column: z.number().int().nonnegative().optional(),
});

/** What each client publishes in awareness under `user`, `cursor` and `activeFile`. */
export const ZAwarenessStateSchema = z.object({
  user: z.object({
    id: z.string().min(1).max(64),
    name: z.string().max(200),
    color: z.string().max(32),
  }),
  cursor: ZCursorSchema.nullish(),
  activeFile: z.string().max(1024).nullish(),
});
export type TAwarenessState = z.infer<typeof ZAwarenessStateSchema>;

/** One person in a session, as the join route and the UI show them. */
export type TParticipant = {
  userId: string;
  name: string;
  color: string;
  cursor?: z.infer<typeof ZCursorSchema>;
  activeFile?: string;
};

/**
 * The participants in a set of awareness states (client id → state). A user with two tabs open is listed
 * once, with the state of the most recently joined client (the highest client id is not meaningful, so the
 * last one in iteration order, which is insertion order, wins).
 */
export function participantsOf(states: Iterable<[number, unknown]>): TParticipant[] {
  const byUser = new Map<string, TParticipant>();
  for (const [, raw] of states) {
    const parsed = ZAwarenessStateSchema.safeParse(raw);
    if (!parsed.success) continue;
    const { user, cursor, activeFile } = parsed.data;
    byUser.set(user.id, {
      userId: user.id,
      name: user.name,
      color: user.color,
      ...(cursor ? { cursor } : {}),
      ...(activeFile ? { activeFile } : {}),
    });
  }
  return [...byUser.values()];
}
