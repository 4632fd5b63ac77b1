import { Table, type TColumn } from '../../../components/ui/index.ts';
import type { TRunStep, TStepStatus } from '../api.ts';
import { RunStatus } from '../components/run-status.tsx';
import { formatCost, formatCount, formatDuration } from '../format.ts';

type TRow = { stepId: string; type: string; status: TStepStatus; row?: TRunStep };

/** Every step of the run with its live status; the step name selects it for the details panel. */
export function RunStepsTable({
  rows,
  selectedId,
  onSelect,
}: {
  rows: TRow[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const columns: TColumn<TRow>[] = [
    {
      key: 'step',
      header: 'Step',
      cell: (r) => (
        <button
          type="button"
          className="link-button"
          aria-pressed={r.stepId === selectedId}
          onClick={() => onSelect(r.stepId)}
        >
          {r.stepId}
        </button>
      ),
    },
    { key: 'type', header: 'Type', cell: (r) => r.type },
    { key: 'status', header: 'Status', cell: (r) => <RunStatus status={r.status} /> },
    { key: 'attempts', header: 'Attempts', numeric: true, cell: (r) => formatCount(r.row?.attempts) },
    { key: 'duration', header: 'Duration', numeric: true, cell: (r) => formatDuration(r.row?.durationMs) },
    { key: 'tokens', header: 'Tokens', numeric: true, cell: (r) => formatCount(r.row?.tokens) },
    { key: 'cost', header: 'Cost', numeric: true, cell: (r) => formatCost(r.row?.cost) },
  ];
  return <Table caption="Steps of this run" columns={columns} rows={rows} rowKey={(r) => r.stepId} />;
}
