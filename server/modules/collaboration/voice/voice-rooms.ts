import type { Connection } from '@hocuspocus/server';
import type { TVoicePeer } from './messages.ts';

type TMember = TVoicePeer & { connection: Connection };

/**
 * Who is in each voice room on this process. Signals go to one addressed connection, which lives on one
 * process; members on other processes are known through the relay (voice-relay.ts).
 */
export class VoiceRooms {
  readonly #rooms = new Map<string, Map<string, TMember>>();

  join(room: string, member: TMember): TVoicePeer[] {
    let members = this.#rooms.get(room);
    if (!members) {
      members = new Map();
      this.#rooms.set(room, members);
    }
    const others = [...members.values()].filter((m) => m.peerId !== member.peerId).map(toPeer);
    members.set(member.peerId, member);
    return others;
  }

  /** Removes a peer; returns whether it was in the room. */
  leave(room: string, peerId: string): boolean {
    const members = this.#rooms.get(room);
    const was = members?.delete(peerId) ?? false;
    if (members && members.size === 0) this.#rooms.delete(room);
    return was;
  }

  get(room: string, peerId: string): TMember | undefined {
    return this.#rooms.get(room)?.get(peerId);
  }

  /** Every member of every room here, for the relay's roster. */
  all(): (TVoicePeer & { room: string })[] {
    return [...this.#rooms].flatMap(([room, members]) =>
      [...members.values()].map((m) => ({ room, ...toPeer(m) })),
    );
  }

  members(room: string): TMember[] {
    return [...(this.#rooms.get(room)?.values() ?? [])];
  }
}

const toPeer = ({ peerId, userId }: TMember): TVoicePeer => ({ peerId, userId });
