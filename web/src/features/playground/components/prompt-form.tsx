import { Square } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Button, Input, SwitchField, Textarea } from '../../../components/ui/index.ts';
import type { TGenerateBody, TModel, TProvider, TRoute } from '../api.ts';
import { modelCallId, parseTarget, TargetPicker, targetValue } from './target-picker.tsx';

const EXAMPLE_SCHEMA = `{
  "type": "object",
  "properties": { "title": { "type": "string" }, "tags": { "type": "array", "items": { "type": "string" } } },
  "required": ["title", "tags"]
}`;

type TErrors = Partial<Record<'prompt' | 'temperature' | 'maxTokens' | 'schema' | 'target', string>>;

/** The playground's inputs; builds the POST /ai/generate body and checks it before sending. */
export function PromptForm({
  models,
  routes,
  providers,
  streaming,
  onRun,
  onStop,
}: {
  models: readonly TModel[];
  routes: readonly TRoute[];
  providers: readonly TProvider[] | undefined;
  streaming: boolean;
  onRun: (body: TGenerateBody) => void;
  onStop: () => void;
}) {
  const [target, setTarget] = useState(() => {
    const local = models.find((m) => m.providerKind === 'local');
    const first = local ?? models[0];
    return first ? targetValue({ kind: 'model', id: modelCallId(first) }) : '';
  });
  const [system, setSystem] = useState('');
  const [prompt, setPrompt] = useState('');
  const [temperature, setTemperature] = useState('0.7');
  const [maxTokens, setMaxTokens] = useState('512');
  const [jsonMode, setJsonMode] = useState(false);
  const [schema, setSchema] = useState(EXAMPLE_SCHEMA);
  const [cache, setCache] = useState(true);
  const [errors, setErrors] = useState<TErrors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: TErrors = {};
    const picked = parseTarget(target);
    if (!picked) found.target = 'Choose a model or a route.';
    if (prompt.trim() === '') found.prompt = 'Write a prompt.';
    const temp = Number(temperature);
    if (temperature.trim() === '' || Number.isNaN(temp) || temp < 0 || temp > 2) {
      found.temperature = 'A number from 0 to 2.';
    }
    const max = Number(maxTokens);
    if (!Number.isInteger(max) || max < 1 || max > 1_000_000)
      found.maxTokens = 'A whole number from 1 to 1,000,000.';
    let responseSchema: Record<string, unknown> | undefined;
    if (jsonMode) {
      try {
        const parsed: unknown = JSON.parse(schema);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
          throw new Error('not an object');
        responseSchema = parsed as Record<string, unknown>;
      } catch (error) {
        found.schema = `Not a JSON object: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || !picked) return;
    onRun({
      ...(picked.kind === 'model' ? { model: picked.id } : { route: picked.name }),
      prompt,
      ...(system.trim() ? { system } : {}),
      temperature: temp,
      maxOutputTokens: max,
      cache,
      ...(responseSchema ? { responseSchema } : {}),
    });
  };

  return (
    <form className="playground__form" onSubmit={submit} noValidate aria-label="Call a model">
      <TargetPicker
        models={models}
        routes={routes}
        providers={providers}
        value={target}
        onChange={setTarget}
      />
      {errors.target && <p className="field__error">{errors.target}</p>}
      <Textarea
        label="System prompt (optional)"
        rows={2}
        value={system}
        onChange={(e) => setSystem(e.target.value)}
        placeholder="You are a concise assistant."
      />
      <Textarea
        label="Prompt"
        rows={5}
        value={prompt}
        onChange={(e) => setPrompt(e.target.value)}
        error={errors.prompt}
        required
      />
      <div className="playground__row">
        <Input
          label="Temperature"
          type="number"
          inputMode="decimal"
          min={0}
          max={2}
          step={0.1}
          value={temperature}
          onChange={(e) => setTemperature(e.target.value)}
          error={errors.temperature}
        />
        <Input
          label="Max output tokens"
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          value={maxTokens}
          onChange={(e) => setMaxTokens(e.target.value)}
          error={errors.maxTokens}
        />
      </div>
      <SwitchField
        label="Use the cache"
        hint="An identical earlier call answers from the cache at no cost."
        checked={cache}
        onCheckedChange={setCache}
      />
      <SwitchField
        label="Answer as JSON matching a schema"
        checked={jsonMode}
        onCheckedChange={setJsonMode}
      />
      {jsonMode && (
        <Textarea
          label="JSON schema"
          rows={6}
          className="input--mono"
          value={schema}
          onChange={(e) => setSchema(e.target.value)}
          error={errors.schema}
          hint="The gateway checks every answer against it."
        />
      )}
      <div className="playground__buttons">
        <Button type="submit" variant="primary" loading={streaming}>
          Generate
        </Button>
        <Button
          variant="danger"
          onClick={onStop}
          disabled={!streaming}
          icon={<Square size={14} aria-hidden />}
        >
          Stop
        </Button>
      </div>
    </form>
  );
}
