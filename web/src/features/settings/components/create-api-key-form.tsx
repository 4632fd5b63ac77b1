import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, ErrorAlert, Input } from '../../../components/ui/index.ts';
import { createApiKey, type TScope } from '../api/api-keys.ts';
import { CopyButton } from './copy-button.tsx';

const SCOPES: { value: TScope; label: string }[] = [
  { value: 'read', label: 'read — list and view' },
  { value: 'write', label: 'write — create, change, run' },
  { value: 'admin', label: 'admin — run the organization' },
];

/** Creates a key and shows it exactly once; after "Done" only its prefix is ever shown again. */
export function CreateApiKeyForm() {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TScope[]>(['read']);
  const [expires, setExpires] = useState('');
  const [errors, setErrors] = useState<{ name?: string; scopes?: string; expires?: string }>({});
  const [secret, setSecret] = useState<{ name: string; key: string } | null>(null);
  const create = useMutation({
    mutationFn: createApiKey,
    onSuccess: async (created) => {
      setSecret({ name: created.apiKey.name, key: created.key });
      setName('');
      await queryClient.invalidateQueries({ queryKey: ['api-keys'] });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (name.trim() === '') found.name = 'Name the key after where it is used, e.g. "CI".';
    if (scopes.length === 0) found.scopes = 'Pick at least one scope.';
    let expiresAt: string | undefined;
    if (expires) {
      const end = new Date(`${expires}T23:59:59`);
      if (Number.isNaN(end.getTime()) || end.getTime() <= Date.now())
        found.expires = 'Pick a day in the future.';
      else expiresAt = end.toISOString();
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    create.mutate({ name: name.trim(), scopes: scopes as [TScope], ...(expiresAt ? { expiresAt } : {}) });
  };

  if (secret) {
    return (
      <div className="settings-form">
        <p>
          <strong>Copy the key “{secret.name}” now.</strong> It is shown only this once; FlashFusion stores
          only a hash of it. Send it as <code>Authorization: Bearer …</code>.
        </p>
        <div className="secret-box">
          <code data-testid="new-api-key">{secret.key}</code>
          <CopyButton text={secret.key} />
        </div>
        <div className="settings-form__actions">
          <Button variant="primary" onClick={() => setSecret(null)}>
            Done, I have copied it
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form className="settings-form" onSubmit={submit} noValidate aria-label="Create an API key">
      <Input
        label="Key name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
        maxLength={100}
      />
      <fieldset className="checkbox-group" aria-describedby={errors.scopes ? 'scopes-error' : undefined}>
        <legend>Scopes</legend>
        {SCOPES.map((s) => (
          <label key={s.value}>
            <input
              type="checkbox"
              checked={scopes.includes(s.value)}
              onChange={(e) =>
                setScopes((list) =>
                  e.target.checked ? [...list, s.value] : list.filter((x) => x !== s.value),
                )
              }
            />
            {s.label}
          </label>
        ))}
      </fieldset>
      {errors.scopes && (
        <p className="field__error" id="scopes-error">
          {errors.scopes}
        </p>
      )}
      <Input
        label="Expires on (optional)"
        type="date"
        value={expires}
        onChange={(e) => setExpires(e.target.value)}
        error={errors.expires}
      />
      {create.isError && <ErrorAlert title="The key was not created" error={create.error} />}
      <div className="settings-form__actions">
        <Button type="submit" variant="primary" loading={create.isPending}>
          Create key
        </Button>
      </div>
    </form>
  );
}
