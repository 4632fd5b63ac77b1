import { Bot, Plus } from 'lucide-react';
import { Link } from 'react-router';
import { usePermission } from '../../../app/session.tsx';
import {
  EmptyState,
  ErrorAlert,
  PageHeader,
  Spinner,
  Table,
  type TColumn,
} from '../../../components/ui/index.ts';
import { formatCost, formatCount, formatDuration, formatPercent } from '../../workflows/format.ts';
import { type TAgent, useAgents } from '../api.ts';
import { AgentStatus } from '../components/agent-status.tsx';
import '../agents.css';

const COLUMNS: TColumn<TAgent>[] = [
  { key: 'name', header: 'Agent', cell: (a) => <Link to={`/agents/${a.id}`}>{a.name}</Link> },
  { key: 'type', header: 'Type', cell: (a) => a.type },
  { key: 'status', header: 'Status', cell: (a) => <AgentStatus status={a.status} /> },
  { key: 'runs', header: 'Runs', numeric: true, cell: (a) => formatCount(a.metrics.runs) },
  { key: 'success', header: 'Success', numeric: true, cell: (a) => formatPercent(a.metrics.successRate) },
  { key: 'p50', header: 'p50 latency', numeric: true, cell: (a) => formatDuration(a.metrics.p50LatencyMs) },
  { key: 'tokens', header: 'Tokens', numeric: true, cell: (a) => formatCount(a.metrics.tokens) },
  { key: 'cost', header: 'Cost', numeric: true, cell: (a) => formatCost(a.metrics.cost) },
];

/** /agents: every agent with its live status and metrics from real runs (refreshed every few seconds). */
export function AgentsPage() {
  const agents = useAgents();
  const canCreate = usePermission('agent:create');
  const newButton = canCreate ? (
    <Link className="button button--primary" to="/agents/new">
      <Plus size={16} aria-hidden /> New agent
    </Link>
  ) : null;
  return (
    <>
      <PageHeader
        title="Agents"
        description="Agents do the work of agent steps; the best one meeting a step's requirements is chosen at run time."
        actions={newButton}
      />
      {agents.isPending && <Spinner label="Loading agents" />}
      {agents.isError && (
        <ErrorAlert title="Could not load the agents" error={agents.error} onRetry={() => agents.refetch()} />
      )}
      {agents.data &&
        (agents.data.data.length === 0 ? (
          <EmptyState title="No agents yet" icon={<Bot size={32} />} action={newButton}>
            Create an agent, then use it from an agent step in a workflow.
          </EmptyState>
        ) : (
          <Table caption="Agents" columns={COLUMNS} rows={agents.data.data} rowKey={(a) => a.id} />
        ))}
    </>
  );
}
