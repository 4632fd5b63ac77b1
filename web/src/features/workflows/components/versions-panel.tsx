import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, ErrorAlert, Spinner } from '../../../components/ui/index.ts';
import { updateWorkflow, useVersions, workflowKeys } from '../api.ts';
import { formatDateTime } from '../format.ts';

/** The saved versions, newest first: open one in the editor, or make it the version new runs use. */
export function VersionsPanel({
  workflowId,
  currentVersion,
  openVersion,
  editable,
  onOpen,
}: {
  workflowId: string;
  currentVersion: number;
  openVersion: number;
  editable: boolean;
  onOpen: (version: number) => void;
}) {
  const versions = useVersions(workflowId);
  const queryClient = useQueryClient();
  const makeCurrent = useMutation({
    mutationFn: (version: number) => updateWorkflow(workflowId, { currentVersion: version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: workflowKeys.one(workflowId) }),
  });
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title" className="panel__title">
        Versions
      </h2>
      {versions.isPending && <Spinner label="Loading versions" />}
      {versions.isError && <ErrorAlert title="Could not load the versions" error={versions.error} />}
      {makeCurrent.isError && (
        <ErrorAlert title="The version was not made current" error={makeCurrent.error} />
      )}
      <ol className="versions">
        {versions.data?.data.map((v) => (
          <li key={v.version} className="versions__item">
            <span>
              <strong>v{v.version}</strong>
              {v.version === currentVersion && ' · current'}
              {v.version === openVersion && ' · open'}
              <br />
              <small className="muted">{formatDateTime(v.createdAt)}</small>
            </span>
            <span className="versions__actions">
              {v.version !== openVersion && (
                <Button size="sm" onClick={() => onOpen(v.version)}>
                  Open
                </Button>
              )}
              {editable && v.version !== currentVersion && (
                <Button
                  size="sm"
                  loading={makeCurrent.isPending}
                  onClick={() => makeCurrent.mutate(v.version)}
                >
                  Make current
                </Button>
              )}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
