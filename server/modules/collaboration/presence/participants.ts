import type { Hocuspocus } from '@hocuspocus/server';
import { participantsOf, type TParticipant } from './awareness-state.ts';

/**
 * Who is in a document right now, read from this process's awareness of it. With the Redis extension the
 * awareness of clients on other processes is relayed into the same map, so the answer covers them too. A
 * document nobody has open has no participants.
 */
export function participants(hocuspocus: Hocuspocus, documentName: string): TParticipant[] {
  const document = hocuspocus.documents.get(documentName);
  if (!document) return [];
  return participantsOf(document.awareness.getStates().entries());
}

/** The participants of several documents merged (a project session spans its room and its files). */
export function participantsOfMany(hocuspocus: Hocuspocus, documentNames: Iterable<string>): TParticipant[] {
  const byUser = new Map<string, TParticipant>();
  for (const name of documentNames) {
    for (const p of participants(hocuspocus, name)) {
      const seen = byUser.get(p.userId);
      // Keep the entry that says where the person is working, if any document does.
      if (!seen || (!seen.activeFile && p.activeFile)) byUser.set(p.userId, p);
    }
  }
  return [...byUser.values()];
}
