// A streamed call after admission: the first event is awaited here, so a call that fails before any output
// still rejects (and the HTTP layer answers with a status); then every event passes through, and the end of
// the stream — finish, error, or the consumer leaving — settles the budget and records the call exactly once.
import { executeStream, type GatewayRuntime } from '../gateway/index.ts';
import type { TCallContext, TGenerateResult, TStreamEvent } from '../types.ts';
import type { TAdmittedCall } from './create-ai-gateway.ts';

export async function streamCall(opts: {
  runtime: GatewayRuntime;
  ctx: TCallContext;
  call: TAdmittedCall;
  onFinish: (result: TGenerateResult) => Promise<void>;
  onFail: (error: unknown, partialText: string) => Promise<void>;
}): Promise<AsyncIterable<TStreamEvent>> {
  const { call, ctx } = opts;
  const events = executeStream({
    runtime: opts.runtime,
    plan: call.plan,
    request: call.request,
    policy: call.policy,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  let first: IteratorResult<TStreamEvent>;
  try {
    first = await events.next();
  } catch (err) {
    await opts.onFail(err, '');
    throw err;
  }
  return (async function* () {
    let text = '';
    let settled = false;
    try {
      for (let next = first; !next.done; next = await events.next()) {
        const event = next.value;
        if (event.type === 'text-delta') text += event.delta;
        if (event.type === 'finish') {
          settled = true;
          await opts.onFinish(event.result);
        } else if (event.type === 'error') {
          settled = true;
          await opts.onFail(new Error(`${event.code}: ${event.message}`), text);
        }
        yield event;
      }
    } finally {
      await events.return(undefined);
      // The consumer left (client disconnected) before the end: nothing is charged, the call is on record.
      if (!settled) await opts.onFail(new Error('stream cancelled by the client'), text);
    }
  })();
}
