import { useState } from 'react';
import { Card, ErrorAlert, Select, Spinner } from '../../../components/ui/index.ts';
import { formatDateTime } from '../../workflows/format.ts';
import { useAgentPerformance } from '../api.ts';
import { AgentMetrics } from './agent-metrics.tsx';
import { AgentStatus } from './agent-status.tsx';

const WINDOWS = [
  { value: '', label: 'All time' },
  { value: '1', label: 'Last 24 hours' },
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
];

/** GET /agents/{id}/performance over a chosen window. */
export function AgentPerformance({ agentId }: { agentId: string }) {
  const [days, setDays] = useState('');
  // Rounded to the hour so the query key (and the cache) stays stable between refreshes.
  const since = days
    ? new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - Number(days) * 86_400_000).toISOString()
    : undefined;
  const performance = useAgentPerformance(agentId, since);
  return (
    <Card title="Performance">
      <Select label="Window" value={days} onChange={(e) => setDays(e.target.value)} options={WINDOWS} />
      {performance.isPending && <Spinner label="Loading performance" />}
      {performance.isError && <ErrorAlert title="Could not load the performance" error={performance.error} />}
      {performance.data && (
        <>
          <p className="agent-performance__status">
            Status now: <AgentStatus status={performance.data.status} />
            {performance.data.since && <> · since {formatDateTime(performance.data.since)}</>}
          </p>
          <AgentMetrics metrics={performance.data} />
        </>
      )}
    </Card>
  );
}
