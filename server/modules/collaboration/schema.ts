// The collaboration module's tables (SPEC §8): Yjs documents stored as incremental updates, compacted now and
// then into a snapshot. An update row is written before the server acknowledges it, so nothing acknowledged is
// lost across a restart or a crash.
import { bigint, bigserial, customType, index, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn as createdAt, updatedAtColumn as updatedAt } from '../../platform/db/columns.ts';
import { organizationIdColumn as orgRef } from '../identity/index.ts';

const bytes = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const COLLAB_DOCUMENT_KINDS = ['content', 'file', 'workflow'] as const;

/** A named collaborative document: `<kind>:<id>` (a content body, a project file, a workflow canvas). */
export const collabDocuments = pgTable(
  'collab_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgRef(),
    /** The Yjs document name clients use, e.g. `workflow:<uuid>`. */
    name: text('name').notNull(),
    kind: text('kind', { enum: COLLAB_DOCUMENT_KINDS }).notNull(),
    /** The id of the thing edited (content item, project file, workflow). */
    refId: text('ref_id').notNull(),
    /** The compacted state up to and including update `snapshotSeq`. */
    snapshot: bytes('snapshot'),
    snapshotSeq: bigint('snapshot_seq', { mode: 'number' }).notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique('collab_documents_org_name_key').on(t.organizationId, t.name)],
);

/** One Yjs update of a document, in arrival order; folded into the snapshot by compaction. */
export const collabUpdates = pgTable(
  'collab_updates',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    organizationId: orgRef(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => collabDocuments.id, { onDelete: 'cascade' }),
    update: bytes('update').notNull(),
    /** Who sent it (null when written by the server, e.g. a compaction). */
    userId: uuid('user_id'),
    createdAt: createdAt(),
  },
  (t) => [index('collab_updates_document_seq_idx').on(t.documentId, t.seq)],
);
