import { Trash2 } from 'lucide-react';
import { Button, Input, Select } from '../../../components/ui/index.ts';
import { dropUndefined, stepTypeLabel, type TStep, type TStepError } from '../definition.ts';
import { AgentFields, EnsembleFields, LlmFields } from './fields-ai.tsx';
import {
  ApprovalFields,
  ConditionFields,
  DelayFields,
  HttpFields,
  MapFields,
  TransformFields,
  WorkflowFields,
} from './fields-other.tsx';
import { OptionalNumber, StepChecklist, stepFieldError } from './form-bits.tsx';

type TStepFormProps = {
  step: TStep;
  steps: readonly TStep[];
  errors: readonly TStepError[];
  editable: boolean;
  workflowId: string;
  onChange: (next: TStep) => void;
  onDelete: () => void;
};

function TypeFields({
  step,
  set,
  errors,
  disabled,
  others,
  workflowId,
}: {
  step: TStep;
  set: (p: Record<string, unknown>) => void;
  errors: readonly TStepError[];
  disabled: boolean;
  others: string[];
  workflowId: string;
}) {
  const common = { set, errors, disabled };
  switch (step.type) {
    case 'llm':
      return <LlmFields step={step} {...common} />;
    case 'agent':
      return <AgentFields step={step} {...common} />;
    case 'ensemble':
      return <EnsembleFields step={step} {...common} />;
    case 'http':
      return <HttpFields step={step} {...common} />;
    case 'transform':
      return <TransformFields step={step} {...common} />;
    case 'condition':
      return <ConditionFields step={step} {...common} others={others} />;
    case 'map':
      return <MapFields step={step} {...common} />;
    case 'delay':
      return <DelayFields step={step} {...common} />;
    case 'approval':
      return <ApprovalFields step={step} {...common} />;
    case 'workflow':
      return <WorkflowFields step={step} {...common} workflowId={workflowId} />;
  }
}

/**
 * The side panel form of the selected step: its id, dependencies, retry and error policy, and its type's fields.
 * The editor gives it a new `key` when another step is selected, which resets the JSON fields' typed text.
 */
export function StepForm({ step, steps, errors, editable, workflowId, onChange, onDelete }: TStepFormProps) {
  const disabled = !editable;
  const set = (patch: Record<string, unknown>) => onChange(dropUndefined({ ...step, ...patch }) as TStep);
  const others = steps.map((s) => s.id).filter((id) => id !== step.id);
  const onErrorValue =
    typeof step.onError === 'object' ? `fallback:${step.onError.fallback}` : (step.onError ?? 'fail');
  return (
    // The key resets JSON fields' local text when another step is selected.
    <form
      className="form step-form"
      key={step.id}
      aria-label={`Step ${step.id}`}
      onSubmit={(e) => e.preventDefault()}
    >
      <h2 className="step-form__title">
        {stepTypeLabel(step.type)} step <code>{step.id}</code>
      </h2>
      <Input
        label="Step id"
        disabled={disabled}
        value={step.id}
        error={stepFieldError(errors, 'id')}
        hint="Letters, digits, dashes and underscores; other steps and templates refer to it."
        onChange={(e) => set({ id: e.target.value })}
      />
      <Input
        label="Display name"
        disabled={disabled}
        value={step.name ?? ''}
        error={stepFieldError(errors, 'name')}
        onChange={(e) => set({ name: e.target.value === '' ? undefined : e.target.value })}
      />
      <StepChecklist
        legend="Depends on"
        hint="This step starts after these finish."
        options={others}
        selected={step.dependsOn}
        disabled={disabled}
        error={stepFieldError(errors, 'dependsOn')}
        onChange={(v) => set({ dependsOn: v })}
      />
      <TypeFields
        step={step}
        set={set}
        errors={errors}
        disabled={disabled}
        others={others}
        workflowId={workflowId}
      />
      <details className="step-form__advanced">
        <summary>Retries, timeout and errors</summary>
        <OptionalNumber
          label="Attempts"
          min={1}
          disabled={disabled}
          value={step.retry?.attempts}
          error={stepFieldError(errors, 'retry')}
          onChange={(v) =>
            set({ retry: v === undefined ? undefined : { backoffMs: 1000, ...step.retry, attempts: v } })
          }
        />
        <OptionalNumber
          label="Backoff (ms)"
          min={0}
          disabled={disabled || !step.retry}
          value={step.retry?.backoffMs}
          onChange={(v) => step.retry && set({ retry: { ...step.retry, backoffMs: v ?? 0 } })}
        />
        <OptionalNumber
          label="Timeout per attempt (ms)"
          min={1}
          disabled={disabled}
          value={step.timeoutMs}
          error={stepFieldError(errors, 'timeoutMs')}
          onChange={(v) => set({ timeoutMs: v })}
        />
        <Select
          label="On error"
          disabled={disabled}
          value={onErrorValue}
          error={stepFieldError(errors, 'onError')}
          options={[
            { value: 'fail', label: 'Fail the run' },
            { value: 'continue', label: 'Continue without it' },
            ...others.map((id) => ({ value: `fallback:${id}`, label: `Run ${id} instead` })),
          ]}
          onChange={(e) => {
            const v = e.target.value;
            set({
              onError:
                v === 'fail'
                  ? undefined
                  : v === 'continue'
                    ? 'continue'
                    : { fallback: v.slice('fallback:'.length) },
            });
          }}
        />
      </details>
      {editable && (
        <Button variant="danger" icon={<Trash2 size={16} aria-hidden />} onClick={onDelete}>
          Delete step
        </Button>
      )}
    </form>
  );
}
