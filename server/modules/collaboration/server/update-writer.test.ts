import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Database } from '../../../platform/db/index.ts';
import { createTestDatabase } from '../../../platform/testing/test-database.ts';
import { contentDocument } from '../../../testing/collab.test-kit.ts';
import { seedMember } from '../../identity/identity.test-kit.ts';
import { collabUpdates } from '../schema.ts';
import { parseDocumentName, type TStoredDocumentRef } from './document-name.ts';
import { ensureDocument, loadDocument } from './persistence.ts';
import { createUpdateWriter } from './update-writer.ts';

let db: Database;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
}, 60_000);
afterAll(() => cleanup?.());

const log = pino({ level: 'silent' });

async function storedDoc() {
  const actor = await seedMember(db);
  const name = await contentDocument(db, actor.organizationId, actor.userId);
  const ref = parseDocumentName(name) as TStoredDocumentRef;
  return { actor, stored: await ensureDocument(db, actor.organizationId, name, ref) };
}

/** `n` single-character edits of one client, each its own Yjs update. */
function edits(n: number) {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < n; i++) doc.getText('body').insert(i, String(i % 10));
  return { text: doc.getText('body').toString(), updates };
}

/** The transactions that wrote a document's rows (rows written together share their xmin). */
async function transactionsOf(documentId: string): Promise<number> {
  const rows = await db.orm
    .select({ xmin: sql<string>`xmin::text` })
    .from(collabUpdates)
    .where(eq(collabUpdates.documentId, documentId));
  return new Set(rows.map((r) => r.xmin)).size;
}

describe('group commit of updates', () => {
  it('writes updates arriving together in fewer transactions and answers each once it is committed', async () => {
    const { actor, stored } = await storedDoc();
    const writer = createUpdateWriter({ db, log });
    const { text, updates } = edits(40);
    const visibleAtResolve = await Promise.all(
      updates.map(async (u) => {
        await writer.append(stored, u, actor.userId);
        // Resolved means committed: this very update is readable from outside the writer's transaction.
        const rows = await db.orm
          .select({ update: collabUpdates.update })
          .from(collabUpdates)
          .where(eq(collabUpdates.documentId, stored.id));
        return rows.some((r) => Buffer.from(r.update).equals(Buffer.from(u)));
      }),
    );
    expect(visibleAtResolve.every(Boolean)).toBe(true);
    const transactions = await transactionsOf(stored.id);
    expect(transactions).toBeGreaterThanOrEqual(1);
    expect(transactions).toBeLessThan(updates.length / 2);
    const loaded = new Y.Doc();
    expect(await loadDocument(db, stored, loaded)).toBe(updates.length);
    expect(loaded.getText('body').toString()).toBe(text);
  });

  it('keeps each batch within maxBatch rows', async () => {
    const { actor, stored } = await storedDoc();
    const writer = createUpdateWriter({ db, log, maxBatch: 4 });
    const { updates } = edits(12);
    await Promise.all(updates.map((u) => writer.append(stored, u, actor.userId)));
    expect(await transactionsOf(stored.id)).toBeGreaterThanOrEqual(3);
  });

  it('refuses only the update that cannot be stored, not the others of its batch', async () => {
    const { actor, stored } = await storedDoc();
    const writer = createUpdateWriter({ db, log });
    const { updates } = edits(6);
    // A document row that does not exist (deleted meanwhile): its insert breaks the foreign key.
    const gone = { id: randomUUID(), organizationId: stored.organizationId };
    const outcomes = await Promise.allSettled([
      ...updates.slice(0, 3).map((u) => writer.append(stored, u, actor.userId)),
      writer.append(gone, updates[3]!, actor.userId),
      ...updates.slice(4).map((u) => writer.append(stored, u, actor.userId)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    const rows = await db.orm.select().from(collabUpdates).where(eq(collabUpdates.documentId, stored.id));
    expect(rows).toHaveLength(5);
  });

  it('keeps organizations apart: each one’s rows are written under its own tenant', async () => {
    const a = await storedDoc();
    const b = await storedDoc();
    const writer = createUpdateWriter({ db, log });
    const { updates } = edits(4);
    await Promise.all([
      ...updates.map((u) => writer.append(a.stored, u, a.actor.userId)),
      ...updates.map((u) => writer.append(b.stored, u, b.actor.userId)),
    ]);
    const rows = await db.orm
      .select({ org: collabUpdates.organizationId, doc: collabUpdates.documentId })
      .from(collabUpdates)
      .where(sql`${collabUpdates.documentId} in (${a.stored.id}, ${b.stored.id})`);
    expect(rows.filter((r) => r.doc === a.stored.id).every((r) => r.org === a.actor.organizationId)).toBe(
      true,
    );
    expect(rows.filter((r) => r.doc === b.stored.id).every((r) => r.org === b.actor.organizationId)).toBe(
      true,
    );
    expect(rows).toHaveLength(8);
  });
});
