import type { beforeHandleAwarenessPayload, Extension } from '@hocuspocus/server';
import { colorForUser } from './user-color.ts';

/**
 * Stamps the authenticated identity (id, display name, colour) over whatever a client claims in its
 * awareness `user` field, so nobody can appear under another person's name or colour; cursor and active
 * file stay the client's to say. Updates relayed from other processes (Redis) were stamped where they
 * arrived and are left alone.
 */
export function presenceExtension({
  userIdOf,
  nameOf,
}: {
  /** The user of a connection's context; undefined refuses the awareness update. */
  userIdOf: (context: unknown) => string | undefined;
  /** The display name of a user (see userNamesFromDb). */
  nameOf: (userId: string) => Promise<string>;
}): Extension {
  return {
    extensionName: 'flashfusion-presence',
    // After the core's hooks (priority 100 by default), so this stamp is the last word.
    priority: 50,
    async beforeHandleAwareness({ connection, context, states }: beforeHandleAwarenessPayload) {
      if (!connection) return;
      const userId = userIdOf(context);
      if (!userId) throw new Error('awareness from a connection without an identity');
      const user = { id: userId, name: await nameOf(userId), color: colorForUser(userId) };
      // `states` is the decoded inbound update: rewriting it in place rewrites what is applied and relayed.
      for (const [clientId, state] of states) {
        // A null state is a client leaving; nothing to stamp.
        if (state && typeof state === 'object') states.set(clientId, { ...state, user });
      }
    },
  };
}
