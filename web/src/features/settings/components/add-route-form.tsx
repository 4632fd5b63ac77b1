import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Plus, Trash2 } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { Button, ErrorAlert, IconButton, Input, Select } from '../../../components/ui/index.ts';
import { createRoute, type TCreateRoute, type TProvider } from '../api/ai.ts';
import { useSavedToast } from './save-status.ts';

type TRow = { provider: string; model: string; weight: string };
const STRATEGIES = [
  { value: 'round-robin', label: 'Round-robin' },
  { value: 'least-connections', label: 'Least connections' },
  { value: 'weighted', label: 'Weighted' },
  { value: 'latency', label: 'Lowest latency' },
];

/** Creates a named route: a strategy over one or more targets (provider + model, weight when weighted). */
export function AddRouteForm({ providers }: { providers: readonly TProvider[] }) {
  const queryClient = useQueryClient();
  const saved = useSavedToast();
  const [name, setName] = useState('');
  const [strategy, setStrategy] = useState<NonNullable<TCreateRoute['strategy']>>('round-robin');
  const [rows, setRows] = useState<TRow[]>([{ provider: 'local', model: 'local', weight: '1' }]);
  const [error, setError] = useState<string>();
  const create = useMutation({
    mutationFn: createRoute,
    onSuccess: async (r) => {
      setName('');
      setRows([{ provider: 'local', model: 'local', weight: '1' }]);
      await queryClient.invalidateQueries({ queryKey: ['ai', 'routes'] });
      saved('Route created', `Call it with route "${r.name}".`);
    },
  });
  const providerOptions = [
    { value: 'local', label: 'local (built in)' },
    ...providers.map((p) => ({ value: p.id, label: p.name })),
  ];
  const update = (i: number, change: Partial<TRow>) =>
    setRows((list) => list.map((r, j) => (j === i ? { ...r, ...change } : r)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name.trim())) {
      setError('Name: letters, digits, dot, dash or underscore, at most 64, no spaces.');
      return;
    }
    if (rows.some((r) => r.model.trim() === '')) {
      setError('Every target needs a model.');
      return;
    }
    if (strategy === 'weighted' && rows.some((r) => !(Number(r.weight) > 0))) {
      setError('Weights must be positive numbers.');
      return;
    }
    setError(undefined);
    const targets = rows.map((r) => ({
      provider: r.provider,
      model: r.model.trim(),
      ...(strategy === 'weighted' ? { weight: Number(r.weight) } : {}),
    }));
    create.mutate({ name: name.trim(), strategy, targets: targets as TCreateRoute['targets'] });
  };

  return (
    <form className="settings-form" onSubmit={submit} noValidate aria-label="Create a route">
      <h3 className="card__subtitle">Create a route</h3>
      <Input
        label="Route name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        placeholder="e.g. chat"
      />
      <Select
        label="Strategy"
        options={STRATEGIES}
        value={strategy}
        onChange={(e) => setStrategy(e.target.value as typeof strategy)}
      />
      <fieldset className="target-rows checkbox-group">
        <legend>Targets</legend>
        {rows.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and only removed by index.
          <div className="inline-form" key={i}>
            <Select
              label={`Target ${i + 1} provider`}
              options={providerOptions}
              value={row.provider}
              onChange={(e) => update(i, { provider: e.target.value })}
            />
            <Input
              label={`Target ${i + 1} model`}
              value={row.model}
              onChange={(e) => update(i, { model: e.target.value })}
            />
            {strategy === 'weighted' && (
              <Input
                label={`Target ${i + 1} weight`}
                type="number"
                min={0}
                step="any"
                value={row.weight}
                onChange={(e) => update(i, { weight: e.target.value })}
              />
            )}
            <IconButton
              label={`Remove target ${i + 1}`}
              icon={<Trash2 size={16} />}
              disabled={rows.length === 1}
              onClick={() => setRows((list) => list.filter((_, j) => j !== i))}
            />
          </div>
        ))}
      </fieldset>
      <div className="settings-form__actions">
        <Button
          icon={<Plus size={14} aria-hidden />}
          disabled={rows.length >= 20}
          onClick={() =>
            setRows((list) => [...list, { provider: providers[0]?.id ?? 'local', model: '', weight: '1' }])
          }
        >
          Add a target
        </Button>
        <Button type="submit" variant="primary" loading={create.isPending}>
          Create route
        </Button>
      </div>
      {error && <p className="field__error">{error}</p>}
      {create.isError && <ErrorAlert title="The route was not created" error={create.error} />}
    </form>
  );
}
