// Shutdown with long-lived connections open: a followed run's event stream and a collaboration socket never
// end by themselves, so unless shutdown ends them it waits the whole SHUTDOWN_TIMEOUT_MS and then cuts them.
import { describe, expect, it } from 'vitest';
import { workflows, workflowVersions } from './modules/orchestration/index.ts';
import { connect, contentDocument, memberWithKey, waitUntil } from './testing/collab.test-kit.ts';
import { startTestServer } from './testing/test-server.ts';

const SHUTDOWN_TIMEOUT_MS = 20_000;

describe('shutdown with open streams', () => {
  it('ends run-event streams and closes collaboration sockets with 1012, well before the deadline', async () => {
    const s = await startTestServer({ env: { SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS) } });
    const { actor, key } = await memberWithKey(s.platform);
    // A run held by an approval: its event stream stays open, waiting for what comes next.
    const [wf] = await s.platform.db.orm
      .insert(workflows)
      .values({ organizationId: actor.organizationId, name: 'held' })
      .returning();
    await s.platform.db.orm.insert(workflowVersions).values({
      organizationId: actor.organizationId,
      workflowId: wf!.id,
      version: 1,
      definition: { steps: [{ id: 'ok', type: 'approval', message: 'Ship it?' }] },
    });
    const auth = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    const started = await fetch(`${s.url}/api/v1/workflows/${wf!.id}/execute`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ input: {} }),
    });
    const { runId } = (await started.json()) as { runId: string };
    const events = await fetch(`${s.url}/api/v1/runs/${runId}/events`, { headers: auth });
    expect(events.status).toBe(200);
    const reader = (events.body as ReadableStream<Uint8Array>).getReader();
    // The replay's first event proves the stream is being served.
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('event: run.');

    const doc = await contentDocument(s.platform.db, actor.organizationId, actor.userId);
    const client = connect(s.url, doc, key);
    await waitUntil(() => client.provider.isSynced, 'the collaboration client to sync');

    const stopping = performance.now();
    await s.stop();
    const took = performance.now() - stopping;

    // The stream ended cleanly (the client would reconnect with Last-Event-ID), not cut at the deadline.
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
    }
    expect(await client.closeEvent()).toMatchObject({ code: 1012 });
    expect(took).toBeLessThan(SHUTDOWN_TIMEOUT_MS / 4);
    client.destroy();
  }, 60_000);
});
