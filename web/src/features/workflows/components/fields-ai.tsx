import { Input, Select, Textarea } from '../../../components/ui/index.ts';
import { useAgents, useAiModels, useAiRoutes } from '../../agents/api.ts';
import { parseTarget, targetOptions, targetValue } from '../../agents/components/target-options.ts';
import type { TStep } from '../definition.ts';
import { JsonField, OptionalNumber, stepFieldError } from './form-bits.tsx';

type TStepOf<K extends TStep['type']> = Extract<TStep, { type: K }>;
export type TFieldsProps<K extends TStep['type']> = {
  step: TStepOf<K>;
  set: (patch: Record<string, unknown>) => void;
  errors: Parameters<typeof stepFieldError>[0];
  disabled: boolean;
};

const TEMPLATE_HINT = 'Templates: {{ input.topic }}, {{ steps.<id>.output }}.';
const orUndefined = (value: string) => (value.trim() === '' ? undefined : value);

export function LlmFields({ step, set, errors, disabled }: TFieldsProps<'llm'>) {
  const models = useAiModels();
  const routes = useAiRoutes();
  const options = targetOptions(models.data?.data ?? [], routes.data?.data ?? []);
  const current = targetValue(step);
  if (current && !options.some((o) => o.value === current))
    options.unshift({ value: current, label: current });
  return (
    <>
      <Select
        label="Model or route"
        placeholder="Local model (default)"
        options={options}
        value={current}
        disabled={disabled}
        error={stepFieldError(errors, 'model') ?? stepFieldError(errors, 'route')}
        onChange={(e) => set({ model: undefined, route: undefined, ...parseTarget(e.target.value) })}
      />
      <Textarea
        label="System"
        rows={2}
        disabled={disabled}
        value={step.system ?? ''}
        error={stepFieldError(errors, 'system')}
        onChange={(e) => set({ system: orUndefined(e.target.value) })}
      />
      <Textarea
        label="Prompt"
        rows={5}
        hint={TEMPLATE_HINT}
        disabled={disabled}
        value={step.prompt}
        error={stepFieldError(errors, 'prompt')}
        onChange={(e) => set({ prompt: e.target.value })}
      />
      <OptionalNumber
        label="Max output tokens"
        min={1}
        disabled={disabled}
        value={step.maxOutputTokens}
        error={stepFieldError(errors, 'maxOutputTokens')}
        onChange={(v) => set({ maxOutputTokens: v })}
      />
      <JsonField
        label="Response schema (JSON Schema)"
        hint="Optional: the answer must be JSON of this shape."
        disabled={disabled}
        value={step.responseSchema}
        error={stepFieldError(errors, 'responseSchema')}
        onChange={(v) => set({ responseSchema: v })}
      />
    </>
  );
}

export function AgentFields({ step, set, errors, disabled }: TFieldsProps<'agent'>) {
  const agents = useAgents();
  const requirements = step.requirements ?? {};
  const setRequirements = (patch: Record<string, unknown>) => {
    const next = Object.fromEntries(
      Object.entries({ ...requirements, ...patch }).filter(([, v]) => v !== undefined),
    );
    set({ requirements: Object.keys(next).length > 0 ? next : undefined });
  };
  return (
    <>
      <Select
        label="Agent"
        placeholder="Best match for the requirements"
        options={(agents.data?.data ?? []).map((a) => ({ value: a.id, label: `${a.name} (${a.type})` }))}
        value={step.agentId ?? ''}
        disabled={disabled}
        hint={agents.isError ? 'The agent list could not be loaded.' : undefined}
        error={stepFieldError(errors, 'agentId')}
        onChange={(e) => set({ agentId: orUndefined(e.target.value) })}
      />
      <Input
        label="Required capabilities"
        hint="Comma-separated, e.g. research, writing."
        disabled={disabled || Boolean(step.agentId)}
        value={(requirements.capabilities ?? []).join(', ')}
        error={stepFieldError(errors, 'requirements')}
        onChange={(e) => {
          const list = e.target.value
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean);
          setRequirements({ capabilities: list.length > 0 ? list : undefined });
        }}
      />
      <Input
        label="Required agent type"
        disabled={disabled || Boolean(step.agentId)}
        value={requirements.type ?? ''}
        onChange={(e) => setRequirements({ type: orUndefined(e.target.value) })}
      />
      <Textarea
        label="Prompt"
        rows={5}
        hint={TEMPLATE_HINT}
        disabled={disabled}
        value={step.prompt}
        error={stepFieldError(errors, 'prompt')}
        onChange={(e) => set({ prompt: e.target.value })}
      />
      <JsonField
        label="Response schema (JSON Schema)"
        disabled={disabled}
        value={step.responseSchema}
        error={stepFieldError(errors, 'responseSchema')}
        onChange={(v) => set({ responseSchema: v })}
      />
    </>
  );
}

export function EnsembleFields({ step, set, errors, disabled }: TFieldsProps<'ensemble'>) {
  const models = useAiModels();
  const routes = useAiRoutes();
  // An ensemble names models by id and routes as `route:<name>` (SPEC §5), unlike the llm step's fields.
  const choices = targetOptions(models.data?.data ?? [], routes.data?.data ?? []).map((o) => ({
    value: o.value.startsWith('model:') ? o.value.slice('model:'.length) : o.value,
    label: o.label,
  }));
  const chosen = new Set(step.models);
  for (const m of step.models) if (!choices.some((c) => c.value === m)) choices.push({ value: m, label: m });
  const error = stepFieldError(errors, 'models');
  return (
    <>
      <fieldset className={error ? 'step-checklist field--invalid' : 'step-checklist'} disabled={disabled}>
        <legend className="field__label">Models (at least two)</legend>
        {choices.map((c) => (
          <label key={c.value} className="step-checklist__item">
            <input
              type="checkbox"
              checked={chosen.has(c.value)}
              onChange={(e) =>
                set({
                  models: e.target.checked
                    ? [...step.models, c.value]
                    : step.models.filter((m) => m !== c.value),
                })
              }
            />
            {c.label}
          </label>
        ))}
        {error && <p className="field__error">{error}</p>}
      </fieldset>
      <Select
        label="Combine"
        disabled={disabled}
        value={step.combine ?? 'vote'}
        options={[
          { value: 'vote', label: 'Majority vote' },
          { value: 'consensus', label: 'Consensus' },
        ]}
        onChange={(e) => set({ combine: e.target.value })}
      />
      <Textarea
        label="Prompt"
        rows={4}
        hint={TEMPLATE_HINT}
        disabled={disabled}
        value={step.prompt}
        error={stepFieldError(errors, 'prompt')}
        onChange={(e) => set({ prompt: e.target.value })}
      />
      <JsonField
        label="Response schema (JSON Schema)"
        disabled={disabled}
        value={step.responseSchema}
        error={stepFieldError(errors, 'responseSchema')}
        onChange={(v) => set({ responseSchema: v })}
      />
    </>
  );
}
