import { Link } from 'react-router';
import { Select, type TSelectOption } from '../../../components/ui/index.ts';
import type { TModel, TProvider, TRoute } from '../api.ts';

export type TTarget = { kind: 'model'; id: string } | { kind: 'route'; name: string };

const KIND_LABEL: Record<TModel['providerKind'], string> = {
  local: 'Local',
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  'openai-compatible': 'OpenAI-compatible',
};

/**
 * What POST /ai/generate accepts as `model` for a catalogue row: the model name for the instance catalogue
 * (`local`, `gpt-4o`: served by the organization's provider of that kind), `<providerId>:<model>` for a model
 * the organization added on one of its providers. The row's own id is not a model id.
 */
export const modelCallId = (m: TModel): string => (m.providerId ? `${m.providerId}:${m.model}` : m.model);

/** The option value of a target: `model:<id>` or `route:<name>`. */
export const targetValue = (t: TTarget) => (t.kind === 'model' ? `model:${t.id}` : `route:${t.name}`);

export function parseTarget(value: string): TTarget | null {
  if (value.startsWith('model:')) return { kind: 'model', id: value.slice(6) };
  if (value.startsWith('route:')) return { kind: 'route', name: value.slice(6) };
  return null;
}

/**
 * One select for every catalogue model (GET /ai/models) and every named route (GET /ai/routes). A model whose
 * provider kind has no provider in this organization is still listed, marked, because the call will say why it
 * fails (MODEL_UNAVAILABLE) and the catalogue is worth seeing.
 */
export function TargetPicker({
  models,
  routes,
  providers,
  value,
  onChange,
}: {
  models: readonly TModel[];
  routes: readonly TRoute[];
  providers: readonly TProvider[] | undefined;
  value: string;
  onChange: (value: string) => void;
}) {
  const activeKinds = new Set(providers?.filter((p) => p.status === 'active').map((p) => p.kind) ?? []);
  const options: TSelectOption[] = [
    ...models
      .filter((m) => m.status !== 'disabled')
      .map((m) => {
        const missing =
          m.providerKind !== 'local' && providers !== undefined && !activeKinds.has(m.providerKind);
        const price =
          m.providerKind === 'local' ? 'free' : `$${m.inputPricePer1k}/$${m.outputPricePer1k} per 1k`;
        return {
          value: targetValue({ kind: 'model', id: modelCallId(m) }),
          label: `${KIND_LABEL[m.providerKind]} · ${m.displayName} (${price})${missing ? ' — no provider yet' : ''}`,
        };
      }),
    ...routes.map((r) => ({
      value: targetValue({ kind: 'route', name: r.name }),
      label: `Route · ${r.name} (${r.strategy}, ${r.targets.length} target${r.targets.length === 1 ? '' : 's'})`,
    })),
  ];
  return (
    <Select
      label="Model or route"
      options={options}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      hint={
        <>
          The local model is a deterministic offline engine (not an LLM) and needs no key. Add OpenAI,
          Anthropic or your own server in <Link to="/settings/ai">AI settings</Link>.
        </>
      }
    />
  );
}
