// Group commit of document updates. Every update must be committed before it is applied and acknowledged
// (hooks.ts), and one transaction per update made the database the bottleneck under load: with 50 documents
// edited at once, the updates queued behind each other's BEGIN/INSERT/COMMIT round trips. Here the updates of
// an organization that arrive in the same event-loop turn, or while its writes are in flight, are written
// together in one multi-row INSERT, and each caller is answered only when the transaction holding its update
// has committed, so durability is exactly that of one write per update.
import type { Database } from '../../../platform/db/index.ts';
import type { Logger } from '../../../platform/logger/index.ts';
import { appendUpdates, type TStoredDocument, type TUpdateRow } from './persistence.ts';

/** Most rows per INSERT: bounds the statement (and its parameters) when a backlog has built up. */
export const MAX_BATCH_ROWS = 500;

type TEntry = TUpdateRow & { resolve: () => void; reject: (err: unknown) => void };
type TLine = { pending: TEntry[]; writing: number; scheduled: boolean };

export type TUpdateWriter = {
  /** Resolves once the update is committed; rejects when it could not be. */
  append(stored: TStoredDocument, update: Uint8Array, userId: string | null): Promise<void>;
};

export function createUpdateWriter(deps: {
  db: Database;
  log: Logger;
  /** Rows per INSERT at most (tests make it small). */
  maxBatch?: number;
  /**
   * Transactions of one organization in flight at once. PGlite has one connection, so one; PostgreSQL's pool
   * lets a batch start while the previous one commits. Order between them does not matter: Yjs applies
   * updates in any order, and an update that depends on another is only sent after that one was committed
   * and broadcast.
   */
  concurrency?: number;
}): TUpdateWriter {
  const { db, log } = deps;
  const maxBatch = deps.maxBatch ?? MAX_BATCH_ROWS;
  const concurrency = deps.concurrency ?? (db.kind === 'pglite' ? 1 : 4);
  // One line per organization: a transaction runs under one tenant (row-level security).
  const lines = new Map<string, TLine>();

  async function write(organizationId: string, batch: TEntry[]) {
    try {
      await appendUpdates(db, organizationId, batch);
      for (const e of batch) e.resolve();
    } catch (err) {
      if (batch.length === 1) return batch[0]?.reject(err);
      // One bad row (its document deleted meanwhile) must not fail the others: they are written one by one,
      // so only the update that cannot be stored is refused.
      log.warn({ err, rows: batch.length }, 'collab group commit failed; writing its updates one by one');
      for (const e of batch) await write(organizationId, [e]);
    }
  }

  function pump(organizationId: string, line: TLine) {
    while (line.pending.length > 0 && line.writing < concurrency) {
      line.writing++;
      void write(organizationId, line.pending.splice(0, maxBatch)).finally(() => {
        line.writing--;
        pump(organizationId, line);
      });
    }
    if (line.writing === 0 && line.pending.length === 0) lines.delete(organizationId);
  }

  return {
    append(stored, update, userId) {
      return new Promise<void>((resolve, reject) => {
        const organizationId = stored.organizationId;
        let line = lines.get(organizationId);
        if (!line) {
          line = { pending: [], writing: 0, scheduled: false };
          lines.set(organizationId, line);
        }
        line.pending.push({ stored, update, userId, resolve, reject });
        if (line.scheduled || line.writing >= concurrency) return;
        // A write starts at the end of this event-loop turn, so updates read from several sockets in the
        // same turn share it; while writes are in flight, the next ones gather.
        line.scheduled = true;
        const started = line;
        setImmediate(() => {
          started.scheduled = false;
          pump(organizationId, started);
        });
      });
    },
  };
}
