import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/index.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createMailer, listOutbox } from './index.ts';

let db: Database;
let cleanup: () => Promise<void>;
const ids: string[] = [];

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
  const mailer = createMailer({ db, from: 'no-reply@flashfusion.test', log: pino({ level: 'silent' }) });
  const sends = [
    { to: 'ada@example.com', kind: 'verify-email' },
    { to: 'bob@example.com', kind: 'verify-email' },
    { to: 'ada@example.com', kind: 'reset-password' },
    { to: 'ada@example.com', kind: 'invitation' },
    { to: 'ada@example.com', kind: 'reset-password' },
  ];
  // One at a time, so created_at orders them.
  for (const [i, s] of sends.entries()) {
    ids.push((await mailer.send({ ...s, subject: `mail ${i}`, text: `body ${i}` })).id);
  }
});
afterAll(() => cleanup());

describe('listOutbox', () => {
  it('lists everything newest first with the total', async () => {
    const { rows, total } = await listOutbox(db, { limit: 10, offset: 0 });
    expect(total).toBe(5);
    expect(rows.map((r) => r.id)).toEqual([...ids].reverse());
  });

  it('filters by recipient', async () => {
    const { rows, total } = await listOutbox(db, { to: 'bob@example.com', limit: 10, offset: 0 });
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({ toAddress: 'bob@example.com', subject: 'mail 1', status: 'stored' });
  });

  it('filters by recipient and kind together, newest first', async () => {
    const { rows, total } = await listOutbox(db, {
      to: 'ada@example.com',
      kind: 'reset-password',
      limit: 10,
      offset: 0,
    });
    expect(total).toBe(2);
    expect(rows.map((r) => r.subject)).toEqual(['mail 4', 'mail 2']);
  });

  it('filters by kind alone', async () => {
    const { total } = await listOutbox(db, { kind: 'verify-email', limit: 10, offset: 0 });
    expect(total).toBe(2);
  });

  it('pages with limit and offset while the total stays whole', async () => {
    const page = await listOutbox(db, { to: 'ada@example.com', limit: 2, offset: 2 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.subject)).toEqual(['mail 2', 'mail 0']);
  });

  it('answers an empty page for an unknown recipient', async () => {
    expect(await listOutbox(db, { to: 'nobody@example.com', limit: 10, offset: 0 })).toEqual({
      rows: [],
      total: 0,
    });
  });
});
