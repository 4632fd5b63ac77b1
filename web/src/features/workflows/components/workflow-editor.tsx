import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Save } from 'lucide-react';
import { type ReactNode, useState } from 'react';
import { usePermission } from '../../../app/session.tsx';
import { Button, ErrorAlert, PageHeader, useToast } from '../../../components/ui/index.ts';
import { ApiError } from '../../../lib/api.ts';
import { client, request } from '../../../lib/api-client.ts';
import { saveVersion, type TWorkflow, workflowKeys } from '../api.ts';
import { FlowCanvas } from '../canvas/flow-canvas.tsx';
import { asDefinition, type TStepError, type TWorkflowDefinition } from '../definition.ts';
import { useEditor } from '../hooks/use-editor.ts';
import { InputSchemaEditor } from './input-schema-editor.tsx';
import { RunDialog } from './run-dialog.tsx';
import { StepForm } from './step-form.tsx';
import { StepList } from './step-list.tsx';
import { StepPalette } from './step-palette.tsx';
import { VersionsPanel } from './versions-panel.tsx';

/** The refused save's error with each detail naming its step, for the summary above the canvas. */
function withStepNames(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const details = error.details.map((d) => ({
    ...d,
    field: typeof d.step === 'string' ? `${d.step}${d.field ? `.${d.field}` : ''}` : d.field,
  }));
  return new ApiError(error.code, error.message, {
    status: error.status,
    details,
    requestId: error.requestId,
    timestamp: error.timestamp,
  });
}

/** The validation errors of a refused save, or none when the failure was something else. */
function validationErrors(error: unknown): TStepError[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_ERROR') return [];
  return error.details.map((d) => ({
    step: typeof d.step === 'string' ? d.step : undefined,
    field: d.field,
    message: d.message,
  }));
}

/**
 * The canvas editor: palette, step list, graph and side panel (the selected step's form, or the run input
 * and versions). Save posts a new version; the server's validation errors land on their nodes and fields.
 * Without workflow:update the page is read-only: no palette, no save, every input disabled.
 */
export function WorkflowEditor({
  workflow,
  initial,
  runsLink,
}: {
  workflow: TWorkflow;
  initial: TWorkflowDefinition;
  runsLink: ReactNode;
}) {
  const editor = useEditor(workflow.id, initial);
  const editable = usePermission('workflow:update');
  const canRun = usePermission('workflow:execute');
  const queryClient = useQueryClient();
  const toast = useToast();
  const [openVersion, setOpenVersion] = useState(workflow.currentVersion);
  const [savedDefinition, setSavedDefinition] = useState(initial);

  const save = useMutation({
    mutationFn: () => saveVersion(workflow.id, editor.definition),
    onSuccess: async (version) => {
      editor.markSaved();
      setOpenVersion(version.version);
      setSavedDefinition(asDefinition(version.definition));
      toast({ title: `Saved version ${version.version}`, tone: 'success' });
      await queryClient.invalidateQueries({ queryKey: workflowKeys.all });
    },
    onError: (error) => {
      const errors = validationErrors(error);
      editor.setErrors(errors);
      const first = errors.find((e) => e.step)?.step;
      if (first) editor.select(first);
    },
  });
  const open = useMutation({
    mutationFn: (version: number) =>
      request(
        client.GET('/api/v1/workflows/{id}/versions/{version}', {
          params: { path: { id: workflow.id, version } },
        }),
      ),
    onSuccess: (version) => {
      editor.replaceAll(asDefinition(version.definition));
      setOpenVersion(version.version);
      setSavedDefinition(asDefinition(version.definition));
    },
  });

  const { definition, selectedStep } = editor;
  const actions = (
    <>
      {runsLink}
      {canRun && (
        <RunDialog
          workflowId={workflow.id}
          version={workflow.currentVersion}
          definition={savedDefinition}
          dirty={editor.dirty}
        />
      )}
      {editable && (
        <Button
          variant={editor.dirty ? 'primary' : 'secondary'}
          icon={<Save size={16} aria-hidden />}
          loading={save.isPending}
          onClick={() => save.mutate()}
        >
          {editor.dirty ? 'Save' : 'Saved'}
        </Button>
      )}
    </>
  );
  const inputErrors = editor.errors.general.filter(
    (e) => e.field === 'input' || e.field?.startsWith('input.'),
  );

  return (
    <>
      <PageHeader
        title={workflow.name}
        description={`Editing version ${openVersion}${editor.dirty ? ' (unsaved changes)' : ''} · runs use version ${workflow.currentVersion}${editable ? '' : ' · read-only: your role cannot edit workflows'}`}
        actions={actions}
      />
      {save.isError && (
        <ErrorAlert
          title={
            validationErrors(save.error).length > 0
              ? 'The workflow was not saved: fix the marked steps'
              : 'The workflow was not saved'
          }
          error={withStepNames(save.error)}
        />
      )}
      {open.isError && <ErrorAlert title="The version could not be opened" error={open.error} />}
      <div className={editable ? 'editor' : 'editor editor--readonly'}>
        <aside className="editor__side" aria-label="Steps and palette">
          {editable && <StepPalette onAdd={editor.addStep} after={editor.selectedId} />}
          <StepList
            steps={definition.steps}
            selectedId={editor.selectedId}
            onSelect={editor.select}
            errors={editor.errors.byStep}
          />
        </aside>
        <FlowCanvas
          label="Workflow graph"
          steps={definition.steps}
          positions={editor.positions}
          editable={editable}
          selectedId={editor.selectedId}
          onSelect={editor.select}
          errors={editor.errors.byStep}
          onMove={editor.move}
          onConnect={editor.connect}
          onDisconnect={editor.disconnect}
        />
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the panel scrolls; keyboard users must reach it. */}
        <aside className="editor__panel" aria-label="Details" tabIndex={0}>
          {selectedStep ? (
            <>
              <Button size="sm" variant="ghost" onClick={() => editor.select(null)}>
                ← Workflow settings
              </Button>
              <StepForm
                key={editor.formKey}
                step={selectedStep}
                steps={definition.steps}
                errors={editor.errors.byStep.get(selectedStep.id) ?? []}
                editable={editable}
                workflowId={workflow.id}
                onChange={(next) => editor.changeStep(selectedStep.id, next)}
                onDelete={() => editor.deleteStep(selectedStep.id)}
              />
            </>
          ) : (
            <>
              <InputSchemaEditor
                schema={definition.input}
                onChange={editor.setInputSchema}
                editable={editable}
                errors={inputErrors}
              />
              <VersionsPanel
                workflowId={workflow.id}
                currentVersion={workflow.currentVersion}
                openVersion={openVersion}
                editable={editable}
                onOpen={(v) => open.mutate(v)}
              />
            </>
          )}
        </aside>
      </div>
    </>
  );
}
