import { describe, expect, it } from 'vitest';
import { followRun, type TFollowState } from './follow-run.ts';
import type { TRunEvent } from './run-events.ts';

const sse = (...events: Partial<TRunEvent>[]) =>
  new Response(events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\nid: ${e.seq}\n\n`).join(''), {
    headers: { 'content-type': 'text/event-stream' },
  });

describe('following a run', () => {
  it('resumes after the last event when the server ends the stream before run.finished (a restart)', async () => {
    const opened: number[] = [];
    const answers = [
      sse({ seq: 1, type: 'run.running' }),
      // The restarted server replays after seq 1, up to the end.
      sse({ seq: 2, type: 'step.started' }, { seq: 3, type: 'run.finished' }),
    ];
    const seen: number[] = [];
    const states: TFollowState[] = [];
    await followRun({
      open: async (after) => {
        opened.push(after);
        const next = answers.shift();
        if (!next) throw new Error('opened once too often');
        return next;
      },
      onEvent: (e) => seen.push(e.seq),
      onState: (s) => states.push(s),
      onError: (e) => {
        throw e;
      },
      signal: new AbortController().signal,
      wait: async () => {},
    });
    expect(opened).toEqual([0, 1]);
    expect(seen).toEqual([1, 2, 3]);
    expect(states.at(-1)).toBe('finished');
    expect(states).toContain('reconnecting');
  });

  it('stops with the server’s error on a 4xx answer', async () => {
    const errors: string[] = [];
    await followRun({
      open: async () =>
        new Response(JSON.stringify({ error: { code: 'RESOURCE_NOT_FOUND', message: 'Run not found' } }), {
          status: 404,
          headers: { 'content-type': 'application/json' },
        }),
      onEvent: () => {},
      onState: () => {},
      onError: (e) => errors.push(e.message),
      signal: new AbortController().signal,
      wait: async () => {},
    });
    expect(errors).toEqual(['Run not found']);
  });
});
