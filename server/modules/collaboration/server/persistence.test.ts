import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Database } from '../../../platform/db/index.ts';
import { createTestDatabase } from '../../../platform/testing/test-database.ts';
import { contentDocument } from '../../../testing/collab.test-kit.ts';
import { seedMember } from '../../identity/identity.test-kit.ts';
import { collabDocuments, collabUpdates } from '../schema.ts';
import { parseDocumentName, type TStoredDocumentRef } from './document-name.ts';
import { appendUpdate, compactDocument, ensureDocument, loadDocument } from './persistence.ts';

let db: Database;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
}, 60_000);
afterAll(() => cleanup?.());

async function storedDoc() {
  const actor = await seedMember(db);
  const name = await contentDocument(db, actor.organizationId, actor.userId);
  return {
    actor,
    stored: await ensureDocument(
      db,
      actor.organizationId,
      name,
      parseDocumentName(name) as TStoredDocumentRef,
    ),
  };
}

/** A client doc whose every local edit becomes one stored update. */
function recorder() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  return { doc, updates };
}

describe('collaboration persistence', () => {
  it('loads a document from its snapshot and the updates after it', async () => {
    const { actor, stored } = await storedDoc();
    const { doc, updates } = recorder();
    for (let i = 0; i < 10; i++) doc.getText('body').insert(i, String(i));
    for (const u of updates.slice(0, 6)) await appendUpdate(db, stored, u, actor.userId);
    expect(await compactDocument(db, stored)).toBe(6);
    for (const u of updates.slice(6)) await appendUpdate(db, stored, u, actor.userId);
    const loaded = new Y.Doc();
    expect(await loadDocument(db, stored, loaded)).toBe(4);
    expect(loaded.getText('body').toString()).toBe('0123456789');
    const [row] = await db.orm.select().from(collabDocuments).where(eq(collabDocuments.id, stored.id));
    expect(row!.snapshot).not.toBeNull();
    expect(row!.snapshotSeq).toBeGreaterThan(0);
  });

  it('never loses an update stored while a compaction runs', async () => {
    const { actor, stored } = await storedDoc();
    const { doc, updates } = recorder();
    for (let i = 0; i < 60; i++) doc.getText('body').insert(i, String(i % 10));
    const writes = (async () => {
      for (const u of updates) await appendUpdate(db, stored, u, actor.userId);
    })();
    const compactions = (async () => {
      for (let i = 0; i < 10; i++) await compactDocument(db, stored);
    })();
    await Promise.all([writes, compactions]);
    const loaded = new Y.Doc();
    await loadDocument(db, stored, loaded);
    expect(loaded.getText('body').toString()).toBe(doc.getText('body').toString());
    await compactDocument(db, stored);
    const left = await db.orm.select().from(collabUpdates).where(eq(collabUpdates.documentId, stored.id));
    expect(left).toHaveLength(0);
    const again = new Y.Doc();
    await loadDocument(db, stored, again);
    expect(again.getText('body').toString()).toBe(doc.getText('body').toString());
  });

  it('creates one document row however many times it is ensured at once', async () => {
    const actor = await seedMember(db);
    const name = await contentDocument(db, actor.organizationId, actor.userId);
    const ref = parseDocumentName(name) as TStoredDocumentRef;
    const ids = await Promise.all(
      Array.from({ length: 5 }, () => ensureDocument(db, actor.organizationId, name, ref)),
    );
    expect(new Set(ids.map((d) => d.id)).size).toBe(1);
  });
});
