import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, ErrorAlert, Input, PageHeader, Spinner } from '../../../components/ui/index.ts';
import { fieldError } from '../../agents/components/field-error.ts';
import { createFromTemplate, createWorkflow, useTemplates, workflowKeys } from '../api.ts';
import '../workflows.css';

// A blank workflow still needs one valid step (the server refuses an empty one): a transform that passes its
// input through, for the user to replace or build on.
const BLANK = { steps: [{ id: 'start', type: 'transform' as const, code: 'return input;' }] };

/** /workflows/new: a name, then a blank canvas or one of the templates. */
export function WorkflowNewPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const templates = useTemplates();
  const [name, setName] = useState('');
  const [templateId, setTemplateId] = useState('');
  const create = useMutation({
    mutationFn: () =>
      templateId ? createFromTemplate(templateId, name.trim()) : createWorkflow(name.trim(), BLANK),
    onSuccess: async (workflow) => {
      await queryClient.invalidateQueries({ queryKey: workflowKeys.all });
      navigate(`/workflows/${workflow.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <>
      <PageHeader title="New workflow" description="Name it, then start from a blank canvas or a template." />
      <form className="form card new-workflow" onSubmit={submit} noValidate>
        <Input
          label="Name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldError(create.error, 'name')}
        />
        <fieldset className="template-choice">
          <legend className="field__label">Start from</legend>
          <label className="template-choice__item">
            <input
              type="radio"
              name="template"
              value=""
              checked={templateId === ''}
              onChange={() => setTemplateId('')}
            />
            <span>
              <strong>Blank canvas</strong>
              <br />
              <small className="muted">One step to start; add the rest on the canvas.</small>
            </span>
          </label>
          {templates.isPending && <Spinner label="Loading templates" />}
          {templates.isError && <ErrorAlert title="Could not load the templates" error={templates.error} />}
          {templates.data?.data.map((t) => (
            <label key={t.id} className="template-choice__item">
              <input
                type="radio"
                name="template"
                value={t.id}
                checked={templateId === t.id}
                onChange={() => setTemplateId(t.id)}
              />
              <span>
                <strong>{t.name}</strong>
                <br />
                <small className="muted">
                  {Array.isArray(t.definition.steps) ? `${t.definition.steps.length} steps` : ''}
                </small>
              </span>
            </label>
          ))}
        </fieldset>
        {create.isError && <ErrorAlert title="The workflow was not created" error={create.error} />}
        <Button type="submit" variant="primary" loading={create.isPending}>
          Create workflow
        </Button>
      </form>
    </>
  );
}
