import { describe, expect, it } from 'vitest';
import type { TRunEventType } from '../../../../../contracts/orchestration/index.ts';
import { applyRunEvent, describeEvent, EMPTY_LIVE, type TRunEvent } from './run-events.ts';

let seq = 0;
// Partial and even wrong data on purpose: the page must cope with whatever the stream sends.
const event = (type: TRunEventType, stepId: string | null, data: Record<string, unknown> = {}) =>
  ({ seq: ++seq, runId: 'r', type, stepId, data, createdAt: new Date(0).toISOString() }) as TRunEvent;

describe('applyRunEvent', () => {
  it('follows a step from started through streamed tokens to finished, and the run to its end', () => {
    const events = [
      event('run.queued', null),
      event('run.running', null),
      event('step.started', 'write', { attempt: 1 }),
      event('step.tokens', 'write', { delta: 'Hel' }),
      event('step.tokens', 'write', { delta: 'lo' }),
    ];
    let live = events.reduce(applyRunEvent, EMPTY_LIVE);
    expect(live.statuses.get('write')).toBe('running');
    expect(live.liveText.get('write')).toBe('Hello');
    expect(live.runStatus).toBe('running');
    // Tokens update the text without flooding the activity list.
    expect(live.activity.map((e) => e.type)).toEqual(['run.queued', 'run.running', 'step.started']);

    live = applyRunEvent(live, event('step.finished', 'write', { status: 'succeeded' }));
    live = applyRunEvent(live, event('run.finished', null, { status: 'succeeded' }));
    expect(live.statuses.get('write')).toBe('succeeded');
    expect(live.runStatus).toBe('succeeded');
  });

  it('ignores events already applied (a replay after reconnecting)', () => {
    const tokens = event('step.tokens', 's', { delta: 'x' });
    const once = applyRunEvent(EMPTY_LIVE, tokens);
    expect(applyRunEvent(once, tokens)).toBe(once);
  });

  it('clears the streamed text when a retry starts, and marks waits and approvals', () => {
    let live = applyRunEvent(EMPTY_LIVE, event('step.tokens', 's', { delta: 'partial' }));
    live = applyRunEvent(live, event('step.retrying', 's'));
    expect(live.statuses.get('s')).toBe('pending');
    live = applyRunEvent(live, event('step.started', 's', { attempt: 2 }));
    expect(live.liveText.has('s')).toBe(false);
    live = applyRunEvent(live, event('approval.requested', 'ok', { message: 'Ship?' }));
    expect(live.statuses.get('ok')).toBe('waiting');
  });

  it('ignores statuses it does not know instead of showing them', () => {
    const live = applyRunEvent(EMPTY_LIVE, event('step.finished', 's', { status: 'exploded' }));
    expect(live.statuses.has('s')).toBe(false);
  });

  it('describes events for the activity list', () => {
    expect(describeEvent(event('step.finished', 'a', { status: 'failed', error: 'boom' }))).toBe(
      'Step a finished: failed (boom)',
    );
    expect(describeEvent(event('approval.decided', 'a', { decision: 'approved' }))).toBe('Step a approved');
  });
});
