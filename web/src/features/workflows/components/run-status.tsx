import { Badge, type TBadgeTone } from '../../../components/ui/index.ts';
import type { TRunStatus, TStepStatus } from '../api.ts';

const TONES: Record<TRunStatus | TStepStatus, TBadgeTone> = {
  queued: 'neutral',
  pending: 'neutral',
  running: 'warn',
  waiting: 'warn',
  succeeded: 'ok',
  failed: 'error',
  cancelled: 'neutral',
  skipped: 'neutral',
};

/** A run's or step's status as a badge (the word carries the meaning; colour repeats it). */
export function RunStatus({ status }: { status: TRunStatus | TStepStatus }) {
  return <Badge tone={TONES[status]}>{status}</Badge>;
}
