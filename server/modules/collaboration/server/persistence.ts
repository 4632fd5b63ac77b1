// Yjs documents in PostgreSQL: every accepted update is a collab_updates row written before the server
// applies and acknowledges it; a document is its snapshot plus the rows not yet folded into it.
import { and, asc, eq, inArray } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { collabDocuments, collabUpdates } from '../schema.ts';
import type { TStoredDocumentRef } from './document-name.ts';

export type TStoredDocument = { id: string; organizationId: string };

/** The document's row, created on first use (concurrent first uses from two processes meet on the unique key). */
export async function ensureDocument(
  db: Database,
  organizationId: string,
  name: string,
  ref: TStoredDocumentRef,
): Promise<TStoredDocument> {
  return withTenant(db, organizationId, async (tx) => {
    await tx
      .insert(collabDocuments)
      .values({ organizationId, name, kind: ref.kind, refId: ref.refId })
      .onConflictDoNothing();
    const [row] = await tx
      .select({ id: collabDocuments.id })
      .from(collabDocuments)
      .where(and(eq(collabDocuments.organizationId, organizationId), eq(collabDocuments.name, name)));
    return { id: row!.id, organizationId };
  });
}

/**
 * Applies the snapshot and every remaining update to `doc`. All remaining rows are read, not only those past
 * snapshot_seq: a row whose transaction committed after a compaction read the table may carry a lower seq, and
 * applying a Yjs update twice is harmless, so reading them all cannot lose one.
 */
export async function loadDocument(db: Database, stored: TStoredDocument, doc: Y.Doc): Promise<number> {
  const { snapshot, updates } = await withTenant(db, stored.organizationId, async (tx) => {
    const [row] = await tx
      .select({ snapshot: collabDocuments.snapshot })
      .from(collabDocuments)
      .where(eq(collabDocuments.id, stored.id));
    const rows = await tx
      .select({ update: collabUpdates.update })
      .from(collabUpdates)
      .where(eq(collabUpdates.documentId, stored.id))
      .orderBy(asc(collabUpdates.seq));
    return { snapshot: row?.snapshot ?? null, updates: rows.map((r) => r.update) };
  });
  const all = snapshot ? [snapshot, ...updates] : updates;
  // One merged update applies in one transaction: observers see the loaded document once, not row by row.
  if (all.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(all.map((u) => new Uint8Array(u))));
  return updates.length;
}

export type TUpdateRow = { stored: TStoredDocument; update: Uint8Array; userId: string | null };

/** Stores one update of a client; resolves once it is committed. */
export function appendUpdate(
  db: Database,
  stored: TStoredDocument,
  update: Uint8Array,
  userId: string | null,
): Promise<void> {
  return appendUpdates(db, stored.organizationId, [{ stored, update, userId }]);
}

/**
 * Stores updates of one organization's documents in one transaction (one multi-row INSERT); resolves once
 * they are all committed, rejects with none of them stored.
 */
export async function appendUpdates(
  db: Database,
  organizationId: string,
  rows: readonly TUpdateRow[],
): Promise<void> {
  if (rows.some((r) => r.stored.organizationId !== organizationId)) {
    throw new Error('appendUpdates: every row must belong to the given organization');
  }
  await withTenant(db, organizationId, (tx) =>
    tx
      .insert(collabUpdates)
      .values(
        rows.map((r) => ({ organizationId, documentId: r.stored.id, update: r.update, userId: r.userId })),
      )
      .then(() => undefined),
  );
}

/**
 * Folds the document's update rows into its snapshot in one transaction. The document row is locked so two
 * compactions (two processes) take turns; only the rows actually read are deleted, so an update committed
 * meanwhile stays a row and is applied on the next load or folded by the next compaction.
 */
export async function compactDocument(db: Database, stored: TStoredDocument): Promise<number> {
  return withTenant(db, stored.organizationId, async (tx) => {
    const [doc] = await tx
      .select({ snapshot: collabDocuments.snapshot })
      .from(collabDocuments)
      .where(eq(collabDocuments.id, stored.id))
      .for('update');
    if (!doc) return 0;
    const rows = await tx
      .select({ seq: collabUpdates.seq, update: collabUpdates.update })
      .from(collabUpdates)
      .where(eq(collabUpdates.documentId, stored.id))
      .orderBy(asc(collabUpdates.seq));
    if (rows.length === 0) return 0;
    const parts = rows.map((r) => new Uint8Array(r.update));
    const merged = Y.mergeUpdates(doc.snapshot ? [new Uint8Array(doc.snapshot), ...parts] : parts);
    const seqs = rows.map((r) => r.seq);
    await tx
      .update(collabDocuments)
      .set({ snapshot: merged, snapshotSeq: Math.max(...seqs), updatedAt: new Date() })
      .where(eq(collabDocuments.id, stored.id));
    await tx
      .delete(collabUpdates)
      .where(and(eq(collabUpdates.documentId, stored.id), inArray(collabUpdates.seq, seqs)));
    return rows.length;
  });
}
