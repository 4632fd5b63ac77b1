// A TStepContext for executor tests: records logs and progress events so tests can assert on them. Tests only.
import type { TStepContext } from '../types.ts';

export function stepContext(
  overrides: Partial<TStepContext> = {},
): TStepContext & { logs: string[]; deltas: string[] } {
  const logs: string[] = [];
  const deltas: string[] = [];
  return {
    organizationId: '00000000-0000-4000-8000-000000000001',
    runId: '00000000-0000-4000-8000-0000000000aa',
    stepId: 'step',
    attempt: 1,
    userId: null,
    scope: { input: {}, steps: {} },
    signal: new AbortController().signal,
    log: (level, message) => logs.push(`${level}: ${message}`),
    progress: (event) => deltas.push(event.delta),
    ...overrides,
    logs,
    deltas,
  };
}
