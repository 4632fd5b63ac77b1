import { Link } from 'react-router';
import type { TRunStep, TStepStatus } from '../api.ts';
import { CodeBlock } from '../components/code-block.tsx';
import { RunStatus } from '../components/run-status.tsx';
import { formatCost, formatCount, formatDateTime, formatDuration, formatJson } from '../format.ts';

/** Everything recorded about one step of a run: status, attempts, timing, tokens, cost, input, output, logs. */
export function StepDetails({
  stepId,
  row,
  liveStatus,
  liveText,
}: {
  stepId: string;
  row: TRunStep | undefined;
  liveStatus?: TStepStatus;
  liveText?: string;
}) {
  const status = liveStatus ?? row?.status ?? 'pending';
  return (
    <section className="step-details" aria-labelledby="step-details-title">
      <h2 id="step-details-title" className="panel__title">
        Step <code>{stepId}</code> <RunStatus status={status} />
      </h2>
      <dl className="facts-list">
        <dt>Type</dt>
        <dd>{row?.type ?? '—'}</dd>
        <dt>Attempts</dt>
        <dd>{formatCount(row?.attempts)}</dd>
        <dt>Started</dt>
        <dd>{formatDateTime(row?.startedAt)}</dd>
        <dt>Duration</dt>
        <dd>{formatDuration(row?.durationMs)}</dd>
        <dt>Tokens</dt>
        <dd>{formatCount(row?.tokens)}</dd>
        <dt>Cost</dt>
        <dd>{formatCost(row?.cost)}</dd>
        {row?.agentId && (
          <>
            <dt>Agent</dt>
            <dd>
              <Link to={`/agents/${row.agentId}`}>{row.agentId.slice(0, 8)}</Link>
            </dd>
          </>
        )}
      </dl>
      {liveText && (
        <>
          <h3 className="panel__subtitle">Streamed tokens</h3>
          <CodeBlock label={`Tokens streamed by ${stepId}`} testId="live-text" live>
            {liveText}
          </CodeBlock>
        </>
      )}
      {row?.error && (
        <p className="field__error" role="alert">
          {row.error}
        </p>
      )}
      <h3 className="panel__subtitle">Input</h3>
      <CodeBlock label={`Input of ${stepId}`}>{formatJson(row?.input)}</CodeBlock>
      <h3 className="panel__subtitle">Output</h3>
      <CodeBlock label={`Output of ${stepId}`}>{formatJson(row?.output)}</CodeBlock>
      <h3 className="panel__subtitle">Logs</h3>
      {row && row.logs.length > 0 ? (
        <ol className="logs">
          {row.logs.map((log, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: log lines are append-only and have no id.
            <li key={index} className={`logs__line logs__line--${log.level}`}>
              <time dateTime={log.at}>{new Date(log.at).toLocaleTimeString()}</time> {log.level}:{' '}
              {log.message}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">No log lines.</p>
      )}
    </section>
  );
}
