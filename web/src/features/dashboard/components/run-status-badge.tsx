import { Badge, type TBadgeTone } from '../../../components/ui/index.ts';
import type { TRun } from '../api.ts';

const TONES: Record<TRun['status'], TBadgeTone> = {
  queued: 'neutral',
  running: 'warn',
  waiting: 'warn',
  succeeded: 'ok',
  failed: 'error',
  cancelled: 'neutral',
};

/** A run's status as text with a matching colour. */
export function RunStatusBadge({ status }: { status: TRun['status'] }) {
  return <Badge tone={TONES[status]}>{status}</Badge>;
}
