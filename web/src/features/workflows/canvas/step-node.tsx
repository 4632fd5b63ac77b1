import { Handle, type Node, type NodeProps, Position } from '@xyflow/react';
import type { TStepStatus } from '../api.ts';
import { stepTypeLabel, type TStep, type TStepError } from '../definition.ts';

export type TStepNodeData = {
  step: TStep;
  errors: readonly TStepError[];
  /** A run's status of this step (run view); absent in the editor. */
  status?: TStepStatus;
  /** Tokens streamed so far by this step (run view). */
  liveText?: string;
  editable: boolean;
};
export type TStepNode = Node<TStepNodeData, 'step'>;

/** One step on the canvas: id, type, status, and the server's validation errors for it. */
export function StepNode({ data, selected }: NodeProps<TStepNode>) {
  const { step, errors, status, liveText, editable } = data;
  const classes = [
    'step-node',
    selected && 'step-node--selected',
    errors.length > 0 && 'step-node--invalid',
    status && `step-node--${status}`,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} data-step-id={step.id} data-status={status}>
      <Handle type="target" position={Position.Top} isConnectable={editable} />
      <div className="step-node__head">
        <span className="step-node__type">{stepTypeLabel(step.type)}</span>
        {status && <span className={`step-node__status status status--${status}`}>{status}</span>}
      </div>
      <div className="step-node__id">{step.name || step.id}</div>
      {step.name && <div className="step-node__sub">{step.id}</div>}
      {liveText && <div className="step-node__live">{liveText.slice(-80)}</div>}
      {errors.length > 0 && (
        <ul className="step-node__errors" aria-label={`Errors in ${step.id}`}>
          {errors.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              {e.field ? <strong>{e.field}: </strong> : null}
              {e.message}
            </li>
          ))}
        </ul>
      )}
      <Handle type="source" position={Position.Bottom} isConnectable={editable} />
    </div>
  );
}
