// The Hocuspocus hooks that make documents FlashFusion's: authentication and authorization on connect,
// loading from PostgreSQL, durable updates before acknowledgement, compaction, trusted identities in awareness.
import type { Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { Database } from '../../../platform/db/index.ts';
import type { Logger } from '../../../platform/logger/index.ts';
import type { TActorContext } from '../../identity/index.ts';
import { authorizeDocument } from './authorize-document.ts';
import { CollabRefusal, unauthenticated } from './close-events.ts';
import { parseDocumentName } from './document-name.ts';
import { compactDocument, ensureDocument, loadDocument, type TStoredDocument } from './persistence.ts';
import { createUpdateWriter } from './update-writer.ts';

/** What each connection carries: set by our upgrade handler (refuse) and by onAuthenticate (actor). */
export type TCollabContext = {
  actor?: TActorContext;
  /** Closes the socket with a named code after Hocuspocus has sent its permission-denied message. */
  refuse?: (event: { code: number; reason: string }) => void;
};

// y-protocols sync message types that carry a document update.
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export function collabHooks(deps: {
  db: Database;
  log: Logger;
  resolveActor: (headers: Headers, token?: string) => Promise<TActorContext | null>;
  /** Compact a document after this many stored updates (and when it is unloaded). */
  compactEvery: number;
}): Extension<TCollabContext> {
  const { db, log } = deps;
  const writer = createUpdateWriter({ db, log });
  const stored = new WeakMap<Y.Doc, TStoredDocument>();
  const sinceCompaction = new WeakMap<Y.Doc, number>();

  const compact = (doc: Y.Doc, name: string) => {
    const target = stored.get(doc);
    if (!target) return Promise.resolve();
    sinceCompaction.set(doc, 0);
    return compactDocument(db, target).then(
      (n) => log.debug({ document: name, folded: n }, 'collab document compacted'),
      (err: Error) => log.warn({ err, document: name }, 'collab compaction failed; updates stay as rows'),
    );
  };

  return {
    extensionName: 'flashfusion-collab',
    async onAuthenticate({ token, requestHeaders, documentName, connectionConfig, context }) {
      try {
        const header = /^Bearer\s+(\S{1,4096})$/i.exec(requestHeaders.get('authorization') ?? '')?.[1];
        const bearer = token || header || undefined;
        let actor: TActorContext | null;
        try {
          actor = await deps.resolveActor(requestHeaders, bearer);
        } catch {
          throw unauthenticated('invalid-token');
        }
        if (!actor) throw unauthenticated();
        const access = await authorizeDocument(db, actor, documentName);
        connectionConfig.readOnly = access.readOnly;
        return { actor };
      } catch (err) {
        // Anything but a refusal (the database is down) is logged and answered as a failed authentication.
        if (!(err instanceof CollabRefusal)) log.error({ err }, 'collab authentication failed');
        const refusal = err instanceof CollabRefusal ? err : unauthenticated('authentication-unavailable');
        context.refuse?.(refusal);
        throw refusal;
      }
    },
    async onLoadDocument({ document, documentName, context }) {
      const ref = parseDocumentName(documentName);
      if (!ref || !context.actor) throw unauthenticated();
      // A project room holds presence and signalling only: every connection to it is read-only, nothing stored.
      if (ref.kind === 'project') return;
      const target = await ensureDocument(db, context.actor.organizationId, documentName, ref);
      stored.set(document, target);
      const pending = await loadDocument(db, target, document);
      sinceCompaction.set(document, pending);
    },
    /**
     * Runs inside Connection.processMessages, awaited BEFORE MessageReceiver applies a sync step 2 or an
     * update and before it sends the sync-status acknowledgement; messages of a connection are handled one at
     * a time. So an update is committed here first (group commit: update-writer.ts): if the write fails the
     * hook throws, Hocuspocus closes the connection, and the update is neither applied, broadcast, nor
     * acknowledged (the client resends it).
     * Read-only connections are skipped: Hocuspocus refuses their updates itself.
     */
    async beforeSync({ type, payload, document, documentName, connection, context }) {
      if ((type !== SYNC_STEP_2 && type !== SYNC_UPDATE) || connection.readOnly) return;
      const target = stored.get(document);
      if (!target) throw unauthenticated('document-not-loaded');
      // Decoding throws on a malformed update, which closes the connection before anything is stored.
      Y.decodeUpdate(payload);
      // A sync step 2 usually repeats what the server has; only updates with something new are stored.
      if (Y.snapshotContainsUpdate(Y.snapshot(document), payload)) return;
      await writer.append(target, payload, context.actor?.userId ?? null);
      const count = (sinceCompaction.get(document) ?? 0) + 1;
      sinceCompaction.set(document, count);
      if (count >= deps.compactEvery) void compact(document, documentName);
    },
    /** Awareness carries who is there; its `user.id` is the authenticated user's, whatever a client claims. */
    async beforeHandleAwareness({ states, context }) {
      const userId = context?.actor?.userId;
      if (!userId) return;
      for (const state of states.values()) {
        if (state.user && typeof state.user === 'object') state.user = { ...state.user, id: userId };
      }
    },
    async beforeUnloadDocument({ instance, documentName }) {
      const document = instance.documents.get(documentName);
      if (document) await compact(document, documentName);
    },
  };
}
