import type { PubSub } from '../../../platform/pubsub/index.ts';

const CANCEL_CHANNEL = 'orchestration.cancel';

/**
 * The abort controllers of the steps this process is executing, by run. A cancellation is published to every
 * process, so the one running a step aborts it wherever the cancel request arrived.
 */
export async function createAbortRegistry(pubsub: PubSub) {
  const byRun = new Map<string, Set<AbortController>>();
  const abortLocal = (runId: string) => {
    for (const c of byRun.get(runId) ?? []) c.abort(new Error('The run was cancelled'));
  };
  const unsubscribe = await pubsub.subscribe(CANCEL_CHANNEL, (message) => {
    if (/^[0-9a-f-]{36}$/i.test(message)) abortLocal(message);
  });
  return {
    /** Tracks a step's controller until the returned release is called. */
    track(runId: string, controller: AbortController): () => void {
      let set = byRun.get(runId);
      if (!set) {
        set = new Set();
        byRun.set(runId, set);
      }
      set.add(controller);
      return () => {
        set.delete(controller);
        if (set.size === 0) byRun.delete(runId);
      };
    },
    /** Aborts the run's steps here and, through pubsub, in every other process. */
    async cancel(runId: string): Promise<void> {
      abortLocal(runId);
      if (pubsub.distributed) await pubsub.publish(CANCEL_CHANNEL, runId);
    },
    close: unsubscribe,
  };
}
export type TAbortRegistry = Awaited<ReturnType<typeof createAbortRegistry>>;
