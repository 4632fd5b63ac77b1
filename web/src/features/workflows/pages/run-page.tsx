import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Square } from 'lucide-react';
import { useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TRunEventType } from '../../../../../contracts/orchestration/index.ts';
import { usePermission } from '../../../app/session.tsx';
import { Button, Card, ErrorAlert, PageHeader, Spinner } from '../../../components/ui/index.ts';
import {
  cancelRun,
  runKeys,
  TERMINAL_RUN,
  TERMINAL_STEP,
  type TRun,
  type TStepStatus,
  usePendingApprovals,
  useRun,
  useVersion,
} from '../api.ts';
import { FlowCanvas } from '../canvas/flow-canvas.tsx';
import { ApprovalCard } from '../components/approval-actions.tsx';
import { CodeBlock } from '../components/code-block.tsx';
import { RunStatus } from '../components/run-status.tsx';
import { asDefinition } from '../definition.ts';
import { elapsed, formatCost, formatCount, formatDuration, formatJson } from '../format.ts';
import { autoLayout, loadPositions } from '../layout.ts';
import { describeEvent } from '../run/run-events.ts';
import { RunStepsTable } from '../run/run-steps-table.tsx';
import { StepDetails } from '../run/step-details.tsx';
import { useRunStream } from '../run/use-run-stream.ts';
import '../workflows.css';

// Events after which the stored run has something new to show (outputs, attempts, logs, totals).
const REFRESHING: ReadonlySet<TRunEventType> = new Set([
  'step.finished',
  'step.skipped',
  'step.waiting',
  'approval.requested',
  'approval.decided',
  'run.finished',
]);

/** /runs/:runId — the live run: graph and step list with streamed status and tokens, details, approvals, cancel. */
export function RunPage() {
  const { runId = '' } = useParams();
  const queryClient = useQueryClient();
  const run = useRun(runId);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stream = useRunStream(runId, (event) => {
    if (!REFRESHING.has(event.type)) return;
    // Coalesce bursts (a replay, a fan-out finishing) into one refetch.
    if (refreshTimer.current) clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => {
      void queryClient.invalidateQueries({ queryKey: runKeys.one(runId) });
      void queryClient.invalidateQueries({ queryKey: ['approvals'] });
    }, 150);
  });
  const version = useVersion(run.data?.workflowId ?? '', run.data?.version);
  const approvals = usePendingApprovals(runId);
  const canCancel = usePermission('workflow:execute');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const cancel = useMutation({
    mutationFn: () => cancelRun(runId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: runKeys.one(runId) }),
  });

  const definition = useMemo(() => asDefinition(version.data?.definition), [version.data]);
  const positions = useMemo(
    () => ({ ...autoLayout(definition.steps), ...(run.data ? loadPositions(run.data.workflowId) : {}) }),
    [definition.steps, run.data],
  );
  const statuses = useMemo(() => {
    const map = new Map<string, TStepStatus>((run.data?.steps ?? []).map((s) => [s.stepId, s.status]));
    // The stream is newer, except where the stored run already settled a step: a cancelled run ends its
    // waiting steps without a step event of their own.
    for (const [id, status] of stream.live.statuses) {
      const stored = map.get(id);
      if (!stored || !TERMINAL_STEP.has(stored)) map.set(id, status);
    }
    return map;
  }, [run.data, stream.live.statuses]);

  if (run.isPending) return <Spinner label="Loading the run" />;
  if (run.isError) {
    return (
      <>
        <PageHeader title="Run" actions={<Link to="/workflows">All workflows</Link>} />
        <ErrorAlert title="Could not load the run" error={run.error} onRetry={() => run.refetch()} />
      </>
    );
  }
  const data: TRun = run.data;
  const status =
    stream.live.runStatus && !TERMINAL_RUN.has(data.status) ? stream.live.runStatus : data.status;
  const finished = TERMINAL_RUN.has(status);
  // The live stream says the run ended before the stored run (with its output) is fetched again: the result is
  // shown from the stored run only, so it never flashes an empty output.
  const resultStored = TERMINAL_RUN.has(data.status);
  const rows: { stepId: string; type: string; status: TStepStatus; row?: TRun['steps'][number] }[] =
    definition.steps.map((s) => ({
      stepId: s.id,
      type: s.type,
      status: statuses.get(s.id) ?? 'pending',
      row: data.steps.find((r) => r.stepId === s.id),
    }));
  // A map's items run as their own steps (`<map id>[i]`); list them after the definition's steps.
  const known = new Set(rows.map((r) => r.stepId));
  for (const r of data.steps) {
    if (!known.has(r.stepId))
      rows.push({ stepId: r.stepId, type: r.type, status: statuses.get(r.stepId) ?? r.status, row: r });
  }
  const selected = selectedId;

  return (
    <>
      <PageHeader
        title={`Run of version ${data.version}`}
        description={
          <>
            <RunStatus status={status} /> · {data.trigger} ·{' '}
            {formatDuration(elapsed(data.startedAt, data.finishedAt))} · {formatCount(data.tokens)} tokens ·{' '}
            {formatCost(data.cost)} ·{' '}
            <span className="muted">{stream.state === 'live' ? 'live' : stream.state}</span>
          </>
        }
        actions={
          <>
            <Link className="button button--secondary" to={`/workflows/${data.workflowId}/runs`}>
              Run history
            </Link>
            <Link className="button button--secondary" to={`/workflows/${data.workflowId}`}>
              Workflow
            </Link>
            {canCancel && !finished && (
              <Button
                variant="danger"
                icon={<Square size={14} aria-hidden />}
                loading={cancel.isPending}
                onClick={() => cancel.mutate()}
              >
                Cancel run
              </Button>
            )}
          </>
        }
      />
      <p className="visually-hidden" aria-live="polite">
        Run {status}
      </p>
      {stream.error && <ErrorAlert title="The live updates stopped" error={stream.error} />}
      {cancel.isError && <ErrorAlert title="The run was not cancelled" error={cancel.error} />}
      {version.isError && (
        <ErrorAlert title="Could not load the workflow version of this run" error={version.error} />
      )}
      {(approvals.data?.data.length ?? 0) > 0 && (
        <Card title="Waiting for approval">
          {approvals.data?.data.map((a) => (
            <ApprovalCard key={a.id} approval={a} />
          ))}
        </Card>
      )}
      {resultStored && (
        <Card title={data.status === 'succeeded' ? 'Result' : 'Outcome'}>
          {data.error && (
            <p className="field__error" role="alert">
              {data.error}
            </p>
          )}
          <CodeBlock label="Run output" testId="run-output">
            {formatJson(data.output)}
          </CodeBlock>
        </Card>
      )}
      <div className="run-layout">
        <FlowCanvas
          label="Run graph"
          steps={definition.steps}
          positions={positions}
          editable={false}
          selectedId={selected}
          onSelect={setSelectedId}
          statuses={statuses}
          liveText={stream.live.liveText}
        />
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the panel scrolls; keyboard users must reach it. */}
        <aside className="editor__panel" aria-label="Step details" tabIndex={0}>
          {selected ? (
            <StepDetails
              stepId={selected}
              row={data.steps.find((r) => r.stepId === selected)}
              liveStatus={statuses.get(selected)}
              liveText={stream.live.liveText.get(selected)}
            />
          ) : (
            <p className="muted">
              Select a step on the graph or in the list to see its input, output, attempts and logs.
            </p>
          )}
        </aside>
      </div>
      <RunStepsTable rows={rows} selectedId={selected} onSelect={setSelectedId} />
      <Card title="Activity">
        <ol className="activity" aria-label="Run events">
          {stream.live.activity.map((e) => (
            <li key={e.seq}>
              <time dateTime={e.createdAt}>{new Date(e.createdAt).toLocaleTimeString()}</time>{' '}
              {describeEvent(e)}
            </li>
          ))}
        </ol>
      </Card>
      <Card title="Run input">
        <CodeBlock label="Run input">{formatJson(data.input)}</CodeBlock>
      </Card>
    </>
  );
}
