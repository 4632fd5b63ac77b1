import { type FormEvent, useState } from 'react';
import { Button, ErrorAlert, Input, Select, Textarea } from '../../../components/ui/index.ts';
import { AGENT_TYPES, type TAgent, type TCreateAgentBody, useAiModels, useAiRoutes } from '../api.ts';
import { fieldError } from './field-error.ts';
import { parseTarget, targetOptions, targetValue } from './target-options.ts';

type TAgentFormProps = {
  agent?: TAgent;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: TCreateAgentBody) => void;
  readOnly?: boolean;
};

type TTool = NonNullable<TCreateAgentBody['tools']>[number];

/** Parses the tools text: a JSON array of `{ name, parameters? }`; a message when it is not one. */
function parseTools(text: string): { tools: TTool[] } | { error: string } {
  if (text.trim() === '') return { tools: [] };
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value)) return { error: 'Tools must be a JSON array, e.g. [{ "name": "search" }]' };
    return { tools: value as TTool[] };
  } catch (cause) {
    return { error: `Tools are not valid JSON: ${(cause as Error).message}` };
  }
}

/** Create or edit an agent: type, capabilities, model or route, system prompt, tools, max concurrency. */
export function AgentForm({
  agent,
  submitLabel,
  pending,
  error,
  onSubmit,
  readOnly = false,
}: TAgentFormProps) {
  const models = useAiModels();
  const routes = useAiRoutes();
  const [name, setName] = useState(agent?.name ?? '');
  const [type, setType] = useState<TAgent['type']>(agent?.type ?? 'custom');
  const [capabilities, setCapabilities] = useState(agent?.capabilities.join(', ') ?? '');
  const [target, setTarget] = useState(agent ? targetValue(agent) : '');
  const [systemPrompt, setSystemPrompt] = useState(agent?.systemPrompt ?? '');
  const [toolsText, setToolsText] = useState(agent?.tools.length ? JSON.stringify(agent.tools, null, 2) : '');
  const [maxConcurrency, setMaxConcurrency] = useState(String(agent?.maxConcurrency ?? 3));
  const [toolsError, setToolsError] = useState<string>();

  const options = targetOptions(models.data?.data ?? [], routes.data?.data ?? []);
  // Keep an agent's current target selectable even when the catalogue no longer lists it.
  if (target && !options.some((o) => o.value === target)) options.unshift({ value: target, label: target });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const tools = parseTools(toolsText);
    if ('error' in tools) {
      setToolsError(tools.error);
      return;
    }
    setToolsError(undefined);
    onSubmit({
      name: name.trim(),
      type,
      capabilities: capabilities
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
      ...parseTarget(target),
      systemPrompt,
      tools: tools.tools,
      maxConcurrency: Number(maxConcurrency),
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={submitLabel}>
      <fieldset className="agent-form__fields" disabled={readOnly}>
        <Input
          label="Name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldError(error, 'name')}
        />
        <Select
          label="Type"
          value={type}
          onChange={(e) => setType(e.target.value as TAgent['type'])}
          options={AGENT_TYPES.map((t) => ({ value: t, label: t }))}
          error={fieldError(error, 'type')}
        />
        <Input
          label="Capabilities"
          hint="Comma-separated words agent steps ask for, e.g. research, writing, seo."
          value={capabilities}
          onChange={(e) => setCapabilities(e.target.value)}
          error={fieldError(error, 'capabilities')}
        />
        <Select
          label="Model or route"
          hint={
            models.isError
              ? 'The model list could not be loaded.'
              : 'Without a choice the agent uses the local model.'
          }
          placeholder="Local model (default)"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          options={options}
          error={fieldError(error, 'model') ?? fieldError(error, 'route')}
        />
        <Textarea
          label="System prompt"
          rows={5}
          value={systemPrompt}
          onChange={(e) => setSystemPrompt(e.target.value)}
          error={fieldError(error, 'systemPrompt')}
        />
        <Textarea
          label="Tools (JSON)"
          hint='A JSON array of functions the agent may call, e.g. [{ "name": "search", "parameters": { "type": "object" } }].'
          rows={4}
          className="input--mono"
          value={toolsText}
          onChange={(e) => setToolsText(e.target.value)}
          error={toolsError ?? fieldError(error, 'tools')}
        />
        <Input
          label="Max concurrency"
          type="number"
          min={1}
          max={100}
          value={maxConcurrency}
          onChange={(e) => setMaxConcurrency(e.target.value)}
          error={fieldError(error, 'maxConcurrency')}
        />
      </fieldset>
      {error ? <ErrorAlert title="The agent was not saved" error={error} /> : null}
      {!readOnly && (
        <Button type="submit" variant="primary" loading={pending}>
          {submitLabel}
        </Button>
      )}
    </form>
  );
}
