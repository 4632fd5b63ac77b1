import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, ErrorAlert, Input, Select } from '../../../components/ui/index.ts';
import { createProvider, type TCreateProvider } from '../api/ai.ts';
import { useSavedToast } from './save-status.ts';

const KINDS = [
  { value: 'openai', label: 'OpenAI' },
  { value: 'anthropic', label: 'Anthropic' },
  { value: 'openai-compatible', label: 'OpenAI-compatible (Ollama, vLLM, LM Studio, OpenRouter…)' },
];

/** Adds a provider. The key is sent once, sealed by the server, and only a hint of it ever comes back. */
export function AddProviderForm() {
  const queryClient = useQueryClient();
  const saved = useSavedToast();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<TCreateProvider['kind']>('openai');
  const [baseUrl, setBaseUrl] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [errors, setErrors] = useState<{ name?: string; baseUrl?: string }>({});
  const create = useMutation({
    mutationFn: createProvider,
    onSuccess: async (p) => {
      setName('');
      setBaseUrl('');
      setApiKey('');
      await queryClient.invalidateQueries({ queryKey: ['ai'] });
      saved('Provider added', `${p.name} is ready; test its connection.`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (name.trim() === '') found.name = 'Name it, e.g. "openai" or "ollama".';
    if (kind === 'openai-compatible' && baseUrl.trim() === '')
      found.baseUrl = 'An OpenAI-compatible server needs its base URL.';
    if (baseUrl.trim() !== '' && !URL.canParse(baseUrl.trim()))
      found.baseUrl = 'A full URL, like http://localhost:11434/v1.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    create.mutate({
      name: name.trim(),
      kind,
      ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}),
      ...(apiKey ? { apiKey } : {}),
    });
  };
  return (
    <form className="settings-form" onSubmit={submit} noValidate aria-label="Add a provider">
      <h3 className="card__subtitle">Add a provider</h3>
      <Input label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
      <Select
        label="Kind"
        options={KINDS}
        value={kind}
        onChange={(e) => setKind(e.target.value as TCreateProvider['kind'])}
      />
      <Input
        label={kind === 'openai-compatible' ? 'Base URL' : 'Base URL (optional)'}
        type="url"
        value={baseUrl}
        onChange={(e) => setBaseUrl(e.target.value)}
        error={errors.baseUrl}
        placeholder={kind === 'openai-compatible' ? 'http://localhost:11434/v1' : 'the provider’s default'}
      />
      <Input
        label="API key"
        type="password"
        autoComplete="off"
        value={apiKey}
        onChange={(e) => setApiKey(e.target.value)}
        hint="Stored encrypted. It is never shown again, only its last characters."
      />
      {create.isError && <ErrorAlert title="The provider was not added" error={create.error} />}
      <div className="settings-form__actions">
        <Button type="submit" variant="primary" loading={create.isPending}>
          Add provider
        </Button>
      </div>
    </form>
  );
}
