import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSession } from '../../../app/session.tsx';
import { Badge, Button, Card, ErrorAlert, Input, PageHeader } from '../../../components/ui/index.ts';
import { ME_KEY, updateProfileName } from '../api/organization.ts';
import { useSavedToast } from '../components/save-status.ts';

/** /settings/profile: the signed-in user's name (editable) and email. */
export function ProfilePage() {
  const { user } = useSession();
  const queryClient = useQueryClient();
  const saved = useSavedToast();
  const [name, setName] = useState(user?.name ?? '');
  const [error, setError] = useState<string>();
  const save = useMutation({
    mutationFn: (value: string) => updateProfileName(value),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      saved('Profile saved');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '' || trimmed.length > 100) {
      setError('Between 1 and 100 characters.');
      return;
    }
    setError(undefined);
    save.mutate(trimmed);
  };
  return (
    <>
      <PageHeader title="Profile" description="How you appear to the other members of your organizations." />
      <Card title="Your details">
        <form className="settings-form" onSubmit={submit} noValidate>
          <Input
            label="Name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={error}
            autoComplete="name"
          />
          <Input
            label="Email"
            value={user?.email ?? ''}
            readOnly
            hint={user?.emailVerified ? 'Verified' : 'Not verified yet'}
          />
          {save.isError && <ErrorAlert title="The profile was not saved" error={save.error} />}
          <div className="settings-form__actions">
            <Button type="submit" variant="primary" loading={save.isPending}>
              Save
            </Button>
            {user?.emailVerified && <Badge tone="ok">email verified</Badge>}
          </div>
        </form>
      </Card>
    </>
  );
}
