import { Input, Select, Textarea } from '../../../components/ui/index.ts';
import { useWorkflows } from '../api.ts';
import type { TFieldsProps } from './fields-ai.tsx';
import { JsonField, OptionalNumber, StepChecklist, stepFieldError } from './form-bits.tsx';

// A condition step's branch list (SPEC §5) is named `then`; written through a key so it never reads as a thenable.
const THEN = 'then';
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => ({ value: m, label: m }));

export function HttpFields({ step, set, errors, disabled }: TFieldsProps<'http'>) {
  return (
    <>
      <Select
        label="Method"
        options={METHODS}
        disabled={disabled}
        value={step.method}
        error={stepFieldError(errors, 'method')}
        onChange={(e) => set({ method: e.target.value })}
      />
      <Input
        label="URL"
        hint="Private and loopback addresses are refused unless the instance allows them."
        disabled={disabled}
        value={step.url}
        error={stepFieldError(errors, 'url')}
        onChange={(e) => set({ url: e.target.value })}
      />
      <JsonField
        label="Headers (JSON object)"
        disabled={disabled}
        value={step.headers}
        error={stepFieldError(errors, 'headers')}
        onChange={(v) => set({ headers: v })}
      />
      <JsonField
        label="Body (JSON)"
        disabled={disabled}
        value={step.body}
        error={stepFieldError(errors, 'body')}
        onChange={(v) => set({ body: v })}
      />
    </>
  );
}

export function TransformFields({ step, set, errors, disabled }: TFieldsProps<'transform'>) {
  return (
    <>
      <Textarea
        label="Code"
        rows={8}
        className="input--mono"
        hint="A JavaScript function body; `input` and `steps` are in scope; `return` the output."
        disabled={disabled}
        value={step.code}
        error={stepFieldError(errors, 'code')}
        onChange={(e) => set({ code: e.target.value })}
      />
      <OptionalNumber
        label="Memory limit (MB)"
        min={1}
        disabled={disabled}
        value={step.memoryLimitMb}
        error={stepFieldError(errors, 'memoryLimitMb')}
        onChange={(v) => set({ memoryLimitMb: v })}
      />
    </>
  );
}

export function ConditionFields({
  step,
  set,
  errors,
  disabled,
  others,
}: TFieldsProps<'condition'> & { others: string[] }) {
  return (
    <>
      <Input
        label="If (JavaScript expression)"
        hint="e.g. steps.score.output > 0.5"
        className="input--mono"
        disabled={disabled}
        value={step.if}
        error={stepFieldError(errors, 'if')}
        onChange={(e) => set({ if: e.target.value })}
      />
      <StepChecklist
        legend="Then run"
        options={others}
        selected={step.then}
        disabled={disabled}
        error={stepFieldError(errors, 'then')}
        onChange={(v) => set({ [THEN]: v })}
      />
      <StepChecklist
        legend="Else run"
        options={others}
        selected={step.else}
        disabled={disabled}
        error={stepFieldError(errors, 'else')}
        onChange={(v) => set({ else: v })}
      />
    </>
  );
}

export function MapFields({ step, set, errors, disabled }: TFieldsProps<'map'>) {
  return (
    <>
      <Input
        label="Items (template yielding a list)"
        hint="e.g. {{ steps.split.output }}"
        disabled={disabled}
        value={step.items}
        error={stepFieldError(errors, 'items')}
        onChange={(e) => set({ items: e.target.value })}
      />
      <OptionalNumber
        label="Concurrency"
        min={1}
        disabled={disabled}
        value={step.concurrency}
        error={stepFieldError(errors, 'concurrency')}
        onChange={(v) => set({ concurrency: v })}
      />
      <JsonField
        label="Step run for each item (JSON)"
        hint="A step without id; `item` and `index` are in scope, e.g. { &quot;type&quot;: &quot;llm&quot;, &quot;prompt&quot;: &quot;{{ item }}&quot; }."
        rows={6}
        disabled={disabled}
        value={step.step}
        error={stepFieldError(errors, 'step')}
        onChange={(v) => set({ step: v })}
      />
    </>
  );
}

export function DelayFields({ step, set, errors, disabled }: TFieldsProps<'delay'>) {
  return (
    <OptionalNumber
      label="Wait (ms)"
      min={0}
      disabled={disabled}
      value={step.ms}
      error={stepFieldError(errors, 'ms')}
      onChange={(v) => set({ ms: v ?? 0 })}
    />
  );
}

export function ApprovalFields({ step, set, errors, disabled }: TFieldsProps<'approval'>) {
  return (
    <Textarea
      label="Message to the approver"
      rows={3}
      disabled={disabled}
      value={step.message}
      error={stepFieldError(errors, 'message')}
      onChange={(e) => set({ message: e.target.value })}
    />
  );
}

export function WorkflowFields({
  step,
  set,
  errors,
  disabled,
  workflowId,
}: TFieldsProps<'workflow'> & { workflowId: string }) {
  const workflows = useWorkflows();
  const options = (workflows.data?.data ?? [])
    .filter((w) => w.id !== workflowId)
    .map((w) => ({ value: w.id, label: w.name }));
  return (
    <>
      <Select
        label="Workflow to run"
        placeholder="Choose a workflow…"
        options={options}
        disabled={disabled}
        value={step.workflowId}
        error={stepFieldError(errors, 'workflowId')}
        onChange={(e) => set({ workflowId: e.target.value })}
      />
      <JsonField
        label="Input (JSON object)"
        disabled={disabled}
        value={step.input}
        error={stepFieldError(errors, 'input')}
        onChange={(v) => set({ input: v })}
      />
    </>
  );
}
