import { formatCost, formatCount, formatDuration, formatPercent } from '../../workflows/format.ts';
import type { TAgent } from '../api.ts';

/** The agent's figures from its real runs: runs, success rate, p50 latency, tokens, cost, running now. */
export function AgentMetrics({ metrics }: { metrics: TAgent['metrics'] }) {
  const rows: [string, string][] = [
    ['Runs', formatCount(metrics.runs)],
    ['Succeeded', formatCount(metrics.succeeded)],
    ['Failed', formatCount(metrics.failed)],
    ['Success rate', formatPercent(metrics.successRate)],
    ['p50 latency', formatDuration(metrics.p50LatencyMs)],
    ['Tokens', formatCount(metrics.tokens)],
    ['Cost', formatCost(metrics.cost)],
    ['Running now', formatCount(metrics.running)],
  ];
  return (
    <dl className="metric-grid">
      {rows.map(([label, value]) => (
        <div key={label} className="metric-grid__item">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
