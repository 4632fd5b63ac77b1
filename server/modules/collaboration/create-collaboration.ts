// The collaboration core (SPEC §8): one Hocuspocus instance per process on FlashFusion's own port, documents
// in PostgreSQL, presence and voice signalling on project rooms, the HTTP routes (join a session, invites),
// and with REDIS_URL the Redis extension so processes share live documents.
import type { Server } from 'node:http';
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { type Extension, Hocuspocus } from '@hocuspocus/server';
import { Redis } from 'ioredis';
import type { TModule } from '../../platform/module.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Identity } from '../identity/index.ts';
import type { TParticipant } from './presence/awareness-state.ts';
import { collabPresence } from './presence/index.ts';
import { participants } from './presence/participants.ts';
import { participantsOfProject } from './presence/project-participants.ts';
import { collaborationRoutesFor } from './routes/index.ts';
import { attachCollab } from './server/attach.ts';
import { collabHooks, type TCollabContext } from './server/hooks.ts';
import { collabVoice } from './voice/index.ts';

/** Largest WebSocket message accepted; larger ones close the connection (1009) without touching the document. */
export const COLLAB_MAX_PAYLOAD = 2 * 1024 * 1024;

export type { TParticipant };

export interface Collaboration extends TModule {
  attach(server: Server): void;
  /** Closes every connection; each document is compacted as it unloads. */
  detach(): Promise<void>;
  readonly hocuspocus: Hocuspocus<TCollabContext>;
  /** Who has the document open in this process's copy (awareness, with identities stamped by the server). */
  participants(documentName: string): Promise<TParticipant[]>;
  /** Who is in a project's session: its room and its open files. */
  participantsOfProject(projectId: string): TParticipant[];
}

export function createCollaboration(deps: {
  platform: Platform;
  identity: Pick<Identity, 'resolveActor' | 'routers' | 'planLimits'>;
  compactEvery?: number;
  /**
   * More Hocuspocus extensions. Each connection's context carries `actor` (TActorContext) once
   * authenticated; the core's hooks run at the default priority (100).
   */
  extensions?: Extension[];
}): Collaboration {
  const { platform } = deps;
  const extensions: Extension[] = [
    ...(deps.extensions ?? []),
    // Presence stamps the authenticated identity over awareness; voice relays WebRTC signalling on rooms.
    collabPresence(platform.db),
    collabVoice({ db: platform.db, pubsub: platform.pubsub, log: platform.log }),
    collabHooks({
      db: platform.db,
      log: platform.log,
      resolveActor: deps.identity.resolveActor,
      compactEvery: deps.compactEvery ?? 200,
    }),
  ];
  const url = platform.env.REDIS_URL;
  if (url) {
    // The extension needs its own publisher and subscriber connections (a subscriber cannot issue commands).
    extensions.push(new RedisExtension({ createClient: () => new Redis(url), prefix: 'ff:collab' }) as never);
  }
  // Every update is stored as it arrives (hooks.ts), so there is no debounced store to wait for: a document
  // whose last client leaves is unloaded at once.
  const hocuspocus = new Hocuspocus<TCollabContext>({ quiet: true, unloadImmediately: true, extensions });
  const attached: { close(): Promise<void> }[] = [];
  return {
    name: 'collaboration',
    hocuspocus,
    attach(server) {
      attached.push(attachCollab(server, hocuspocus, { maxPayload: COLLAB_MAX_PAYLOAD }));
    },
    mount(api) {
      api.route('/', collaborationRoutesFor(platform, deps.identity, hocuspocus));
    },
    async participants(documentName) {
      return participants(hocuspocus, documentName);
    },
    participantsOfProject: (projectId) => participantsOfProject(hocuspocus, projectId),
    async detach() {
      await Promise.all(attached.splice(0).map((a) => a.close()));
      // Closing the connections makes Hocuspocus unload each document (our hook compacts it, the Redis
      // extension unsubscribes). Those unloads must end before onDestroy disconnects Redis.
      hocuspocus.closeConnections();
      hocuspocus.flushPendingStores();
      const deadline = Date.now() + 10_000;
      while (hocuspocus.documents.size > 0 && Date.now() < deadline) {
        await Promise.all([...hocuspocus.documents.values()].map((d) => hocuspocus.unloadDocument(d)));
        await new Promise((r) => setTimeout(r, 20));
      }
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
    },
  };
}
