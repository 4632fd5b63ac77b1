import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../../../platform/db/index.ts';
import { type Peer, startPeer } from '../../../platform/testing/peer-process.ts';
import { createTestDatabase } from '../../../platform/testing/test-database.ts';
import { seedMember } from '../../../testing/members.test-kit.ts';
import { getBudget } from './get-budget.ts';
import { setBudget } from './set-budget.ts';

// Two real processes on one PostgreSQL database race for one organization's budget.
const PEER = path.join(import.meta.dirname, 'fixtures', 'reserve.test-peer.ts');

describe('budget reservations across processes (PostgreSQL)', () => {
  let db: Database;
  let url: string;
  let cleanup: () => Promise<void>;
  const peers: Peer[] = [];

  beforeAll(async () => {
    const created = await createTestDatabase();
    if (!created.url) throw new Error('services test needs TEST_DATABASE_URL');
    ({ db, cleanup } = created);
    url = created.url;
    for (let i = 0; i < 2; i++) peers.push(startPeer(PEER, { DATABASE_URL: url }));
    await Promise.all(peers.map((p) => p.waitFor((l) => l.ready === true, 30_000)));
  });
  afterAll(async () => {
    await Promise.all(peers.map((p) => p.kill()));
    await cleanup();
  });

  it('50 concurrent reservations from two processes never exceed the limit', async () => {
    const owner = await seedMember(db);
    await setBudget({ db, actor: owner, input: { monthlyTokenLimit: 1000, monthlyCostLimit: 100 } });
    const cmd = { op: 'reserve', organizationId: owner.organizationId, count: 25, tokens: 70, cost: 0.5 };
    for (const p of peers) p.send(cmd);
    const answers = await Promise.all(peers.map((p) => p.waitFor((l) => l.done === true, 60_000)));
    const ok = answers.reduce((n, a) => n + (a.ok as number), 0);
    const refused = answers.reduce((n, a) => n + (a.refused as number), 0);
    expect(answers.flatMap((a) => a.errors as string[])).toEqual([]);
    expect(ok).toBe(14); // floor(1000 / 70)
    expect(refused).toBe(36);
    // Both processes got some: the race was real, not one process doing all the work first.
    expect(answers.every((a) => (a.ok as number) + (a.refused as number) === 25)).toBe(true);
    const budget = await getBudget({ db, actor: owner });
    expect(budget.reserved).toEqual({ tokens: 980, cost: 7 });
    const [row] = await queryRows<{ n: number }>(
      db.orm,
      sql`select count(*)::int as n from ai_budget_reservations where organization_id = ${owner.organizationId}`,
    );
    expect(row?.n).toBe(14);
  });
});
