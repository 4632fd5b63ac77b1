import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/db/index.ts';
import { seedMember } from '../../../testing/members.test-kit.ts';
import type { TActorContext } from '../../identity/actor.ts';
import { createAiHarness, type TAiHarness } from '../ai.test-kit.ts';
import { getBudget } from './get-budget.ts';
import { monthOf } from './month.ts';
import { reserveBudget } from './reserve-budget.ts';
import { setBudget } from './set-budget.ts';
import { releaseBudget, settleBudget } from './settle-budget.ts';
import { budgetSweepJob } from './sweep-job.ts';
import { sweepExpiredReservations } from './sweep-reservations.ts';

let h: TAiHarness;
beforeAll(async () => {
  h = await createAiHarness();
});
afterAll(() => h.close());

const orgWith = async (monthlyTokenLimit: number | null, monthlyCostLimit: number | null) => {
  const owner = await seedMember(h.db);
  await setBudget({ db: h.db, actor: owner, input: { monthlyTokenLimit, monthlyCostLimit } });
  return owner;
};
const budgetOf = (actor: TActorContext) => getBudget({ db: h.db, actor });

describe('budgets', () => {
  it('reserves, settles the real figures (even above the estimate) and releases', async () => {
    const o = await orgWith(1000, 1);
    const r1 = await reserveBudget({ db: h.db, organizationId: o.organizationId, tokens: 300, cost: 0.25 });
    const r2 = await reserveBudget({ db: h.db, organizationId: o.organizationId, tokens: 200, cost: 0.25 });
    expect(await budgetOf(o)).toMatchObject({
      month: monthOf(new Date()),
      limits: { tokens: 1000, cost: 1 },
      used: { tokens: 0, cost: 0 },
      reserved: { tokens: 500, cost: 0.5 },
    });
    await settleBudget({ db: h.db, reservation: r1, actual: { tokens: 350, cost: 0.3 } });
    await releaseBudget({ db: h.db, reservation: r2 });
    expect(await budgetOf(o)).toMatchObject({
      used: { tokens: 350, cost: 0.3 },
      reserved: { tokens: 0, cost: 0 },
    });
    // Settling twice does not subtract the estimate twice (the reservation row is gone).
    await settleBudget({ db: h.db, reservation: r1, actual: { tokens: 0, cost: 0 } });
    expect(await budgetOf(o)).toMatchObject({ used: { tokens: 350 }, reserved: { tokens: 0 } });
  });

  it('refuses a reservation that does not fit with QUOTA_EXCEEDED and the figures', async () => {
    const o = await orgWith(100, null);
    await reserveBudget({ db: h.db, organizationId: o.organizationId, tokens: 60, cost: 5 });
    const err = await reserveBudget({
      db: h.db,
      organizationId: o.organizationId,
      tokens: 41,
      cost: 0,
    }).catch((e) => e);
    expect(err).toMatchObject({ code: 'QUOTA_EXCEEDED', status: 429 });
    expect(err.details).toEqual([
      { field: 'tokens', message: 'Monthly token budget', limit: 100, used: 0, reserved: 60, requested: 41 },
    ]);
    // Exactly filling the limit is allowed.
    await reserveBudget({ db: h.db, organizationId: o.organizationId, tokens: 40, cost: 0 });
    const costCapped = await orgWith(null, 0.01);
    await expect(
      reserveBudget({ db: h.db, organizationId: costCapped.organizationId, tokens: 1, cost: 0.02 }),
    ).rejects.toMatchObject({
      code: 'QUOTA_EXCEEDED',
      details: [{ field: 'cost', limit: 0.01, requested: 0.02 }],
    });
  });

  it('says when the budget renews: Retry-After until the month ends, and the date in the message', async () => {
    const o = await orgWith(10, null);
    const now = new Date('2026-11-30T23:00:00Z');
    const err = await reserveBudget({
      db: h.db,
      organizationId: o.organizationId,
      tokens: 11,
      cost: 0,
      now,
    }).catch((e) => e);
    expect(err).toMatchObject({ code: 'QUOTA_EXCEEDED', headers: { 'Retry-After': '3600' } });
    expect(err.message).toMatch(/renews on 2026-12-01$/);
  });

  it('treats no budget and null limits as unlimited, still counting usage', async () => {
    const o = await seedMember(h.db);
    const r = await reserveBudget({ db: h.db, organizationId: o.organizationId, tokens: 1e9, cost: 1e6 });
    await settleBudget({ db: h.db, reservation: r, actual: { tokens: 12, cost: 0.00000123 } });
    expect(await budgetOf(o)).toMatchObject({
      limits: { tokens: null, cost: null },
      used: { tokens: 12, cost: 0.00000123 },
    });
  });

  it('50 concurrent reservations never exceed the limit', async () => {
    const o = await orgWith(1000, 10);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        reserveBudget({ db: h.db, organizationId: o.organizationId, tokens: 70, cost: 0.5 }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.filter((r) => r.status === 'rejected');
    // 1000 / 70 = 14 fit by tokens; 10 / 0.5 = 20 by cost.
    expect(ok).toBe(14);
    expect(refused.every((r) => (r as PromiseRejectedResult).reason.code === 'QUOTA_EXCEEDED')).toBe(true);
    expect(await budgetOf(o)).toMatchObject({ reserved: { tokens: 980, cost: 7 } });
    const [rows] = await queryRows<{ n: number }>(
      h.db.orm,
      sql`select count(*)::int as n from ai_budget_reservations where organization_id = ${o.organizationId}`,
    );
    expect(rows?.n).toBe(14);
  });

  it('sweeps expired reservations of crashed processes back into the budget', async () => {
    const o = await orgWith(100, null);
    const t0 = new Date();
    const stale = await reserveBudget({
      db: h.db,
      organizationId: o.organizationId,
      tokens: 80,
      cost: 0,
      now: t0,
      ttlMs: 1000,
    });
    await reserveBudget({
      db: h.db,
      organizationId: o.organizationId,
      tokens: 10,
      cost: 0,
      now: t0,
      ttlMs: 3_600_000,
    });
    await expect(
      reserveBudget({ db: h.db, organizationId: o.organizationId, tokens: 20, cost: 0 }),
    ).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' });
    expect(await sweepExpiredReservations({ db: h.db, now: new Date(t0.getTime() + 500) })).toEqual({
      expired: 0,
    });
    const swept = await sweepExpiredReservations({ db: h.db, now: new Date(t0.getTime() + 2000) });
    expect(swept.expired).toBeGreaterThanOrEqual(1);
    expect(await budgetOf(o)).toMatchObject({ reserved: { tokens: 10 } });
    await reserveBudget({ db: h.db, organizationId: o.organizationId, tokens: 20, cost: 0 });
    // The crashed call's late settle charges what it used without subtracting its swept estimate again.
    await settleBudget({ db: h.db, reservation: stale, actual: { tokens: 5, cost: 0 } });
    expect(await budgetOf(o)).toMatchObject({ used: { tokens: 5 }, reserved: { tokens: 30 } });
  });

  it('an admin reads the limits; limits are validated', async () => {
    const o = await seedMember(h.db);
    const admin = await seedMember(h.db, { role: 'admin', organizationId: o.organizationId });
    expect((await getBudget({ db: h.db, actor: admin })).limits).toEqual({ tokens: null, cost: null });
    await expect(
      reserveBudget({ db: h.db, organizationId: o.organizationId, tokens: -1, cost: 0 }),
    ).rejects.toThrow(RangeError);
    await expect(
      reserveBudget({ db: h.db, organizationId: o.organizationId, tokens: 1, cost: Number.NaN }),
    ).rejects.toThrow(RangeError);
  });

  it('the sweep job returns reservations past their expiry', async () => {
    const o = await orgWith(50, null);
    await reserveBudget({
      db: h.db,
      organizationId: o.organizationId,
      tokens: 50,
      cost: 0,
      now: new Date(Date.now() - 60_000),
      ttlMs: 1000,
    });
    expect(await budgetOf(o)).toMatchObject({ reserved: { tokens: 50 } });
    const job = budgetSweepJob(h.db);
    const log = pino({ level: 'silent' });
    await job.handler(job.schema.parse({}), {
      jobId: 'j',
      attempt: 1,
      log,
      signal: new AbortController().signal,
    });
    expect(await budgetOf(o)).toMatchObject({ reserved: { tokens: 0 } });
    await reserveBudget({ db: h.db, organizationId: o.organizationId, tokens: 50, cost: 0 });
  });
});
