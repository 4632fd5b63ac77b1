import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { createKeyring } from '../../../platform/crypto/index.ts';
import { useQueueHarness } from '../../../platform/queue/queue.test-kit.ts';
import { signingKeys } from '../access-schema.ts';
import { seedMember } from '../identity.test-kit.ts';
import {
  ensureSigningKey,
  issueTokens,
  RETIRE_SIGNING_KEYS_CRON,
  RETIRE_SIGNING_KEYS_JOB,
  rotateSigningKey,
  scheduleSigningKeyRetirement,
  verifyAccessToken,
} from './index.ts';

const keyring = createKeyring(randomBytes(32));

describe('scheduled signing-key retirement (platform queue)', () => {
  const h = useQueueHarness();

  it('is scheduled hourly, and a run retires a retiring key so its tokens stop verifying', async () => {
    const { db } = h;
    const member = await seedMember(db, { role: 'admin' });
    const oldKid = await ensureSigningKey({ db, keyring });
    const token = (
      await issueTokens({
        db,
        keyring,
        user: { id: member.userId },
        organizationId: member.organizationId,
        orgRole: 'admin',
        permissions: [],
        scope: [],
      })
    ).accessToken;
    const newKid = await rotateSigningKey({ db, keyring });
    await expect(verifyAccessToken({ db, token })).resolves.toMatchObject({ sub: member.userId });

    const q = await h.newQueue();
    const job = await scheduleSigningKeyRetirement({ db, queue: q });
    const schedules = (await q.boss.getSchedules()) as { name: string; cron: string }[];
    expect(schedules.find((s) => s.name === RETIRE_SIGNING_KEYS_JOB)?.cron).toBe(RETIRE_SIGNING_KEYS_CRON);
    await q.startWorkers();

    // Too early: tokens of the old key may still be valid, so a run leaves it retiring.
    const first = await q.enqueue(job, {});
    await vi.waitFor(async () => expect((await h.jobState(job.name, first))?.state).toBe('completed'), {
      timeout: 15_000,
      interval: 100,
    });
    const status = async (kid: string) =>
      (await db.orm.select().from(signingKeys).where(eq(signingKeys.id, kid)))[0]?.status;
    expect(await status(oldKid)).toBe('retiring');

    // The new key has been active longer than a token lives (plus grace): the next run retires the old one.
    await db.orm
      .update(signingKeys)
      .set({ createdAt: new Date(Date.now() - 24 * 3600_000) })
      .where(eq(signingKeys.id, newKid));
    const second = await q.enqueue(job, {});
    await vi.waitFor(async () => expect((await h.jobState(job.name, second))?.state).toBe('completed'), {
      timeout: 15_000,
      interval: 100,
    });
    expect(await status(oldKid)).toBe('retired');
    expect(await status(newKid)).toBe('active');
    await expect(verifyAccessToken({ db, token })).rejects.toMatchObject({ code: 'AUTHENTICATION_FAILED' });
  }, 60_000);
});
