import { useMutation } from '@tanstack/react-query';
import { Play } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Dialog, ErrorAlert, Input, Select, Textarea } from '../../../components/ui/index.ts';
import { fieldError } from '../../agents/components/field-error.ts';
import { executeWorkflow } from '../api.ts';
import type { TWorkflowDefinition } from '../definition.ts';
import { inputFields, parseInputValues } from '../input-schema.ts';

/** "Run": a form for the saved version's input schema, then POST /execute and on to the live run view. */
export function RunDialog({
  workflowId,
  version,
  definition,
  dirty,
}: {
  workflowId: string;
  version: number;
  definition: TWorkflowDefinition;
  dirty: boolean;
}) {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const fields = inputFields(definition.input);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [rawInput, setRawInput] = useState('{}');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const run = useMutation({
    mutationFn: (input: unknown) => executeWorkflow(workflowId, input),
    onSuccess: ({ runId }) => {
      setOpen(false);
      navigate(`/runs/${runId}`);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (fields.length === 0) {
      try {
        run.mutate(JSON.parse(rawInput || '{}'));
        setLocalErrors({});
      } catch (cause) {
        setLocalErrors({ input: `Not valid JSON: ${(cause as Error).message}` });
      }
      return;
    }
    const parsed = parseInputValues(fields, texts);
    if ('errors' in parsed) return setLocalErrors(parsed.errors);
    setLocalErrors({});
    run.mutate(parsed.input);
  };
  const serverError = (name: string) => fieldError(run.error, `input.${name}`) ?? fieldError(run.error, name);

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="primary" icon={<Play size={16} aria-hidden />}>
          Run
        </Button>
      }
      title={`Run version ${version}`}
      description={
        dirty
          ? 'Runs the saved version: your unsaved changes are not included.'
          : 'The run keeps this version even if the workflow changes later.'
      }
    >
      <form className="form" onSubmit={submit} noValidate aria-label="Run input">
        {fields.length === 0 ? (
          <Textarea
            label="Input (JSON)"
            rows={4}
            className="input--mono"
            value={rawInput}
            error={localErrors.input}
            onChange={(e) => setRawInput(e.target.value)}
          />
        ) : (
          fields.map((field) =>
            field.type === 'boolean' ? (
              <Select
                key={field.name}
                label={field.name}
                value={texts[field.name] ?? 'false'}
                options={[
                  { value: 'true', label: 'true' },
                  { value: 'false', label: 'false' },
                ]}
                onChange={(e) => setTexts({ ...texts, [field.name]: e.target.value })}
              />
            ) : field.type === 'array' || field.type === 'object' ? (
              <Textarea
                key={field.name}
                label={`${field.name} (JSON ${field.type})`}
                rows={3}
                className="input--mono"
                required={field.required}
                value={texts[field.name] ?? ''}
                error={localErrors[field.name] ?? serverError(field.name)}
                onChange={(e) => setTexts({ ...texts, [field.name]: e.target.value })}
              />
            ) : (
              <Input
                key={field.name}
                label={field.name}
                type={field.type === 'string' ? 'text' : 'number'}
                required={field.required}
                hint={field.required ? 'Required' : undefined}
                value={texts[field.name] ?? ''}
                error={localErrors[field.name] ?? serverError(field.name)}
                onChange={(e) => setTexts({ ...texts, [field.name]: e.target.value })}
              />
            ),
          )
        )}
        {run.isError && <ErrorAlert title="The run did not start" error={run.error} />}
        <Button type="submit" variant="primary" loading={run.isPending}>
          Start run
        </Button>
      </form>
    </Dialog>
  );
}
