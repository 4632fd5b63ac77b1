import { Badge, type TBadgeTone } from '../../../components/ui/index.ts';
import type { TAgentStatus } from '../api.ts';

const TONES: Record<TAgentStatus, TBadgeTone> = { idle: 'neutral', busy: 'warn', error: 'error' };

/** The agent's live status as a labelled badge (text carries the meaning, colour repeats it). */
export function AgentStatus({ status }: { status: TAgentStatus }) {
  return <Badge tone={TONES[status]}>{status}</Badge>;
}
