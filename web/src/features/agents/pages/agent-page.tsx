import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { usePermission } from '../../../app/session.tsx';
import { Button, Dialog, ErrorAlert, PageHeader, Spinner, useToast } from '../../../components/ui/index.ts';
import { agentKeys, deleteAgent, type TUpdateAgentBody, updateAgent, useAgent } from '../api.ts';
import { AgentForm } from '../components/agent-form.tsx';
import { AgentPerformance } from '../components/agent-performance.tsx';
import { AgentStatus } from '../components/agent-status.tsx';
import '../agents.css';

/** /agents/:id — live status, performance, the edit form and delete. */
export function AgentPage() {
  const { id = '' } = useParams();
  const agent = useAgent(id);
  const canUpdate = usePermission('agent:update');
  const canDelete = usePermission('agent:delete');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const [confirmOpen, setConfirmOpen] = useState(false);

  const save = useMutation({
    mutationFn: (body: TUpdateAgentBody) => updateAgent(id, body),
    onSuccess: async (saved) => {
      queryClient.setQueryData(agentKeys.one(id), saved);
      await queryClient.invalidateQueries({ queryKey: agentKeys.all });
      toast({ title: 'Agent saved', tone: 'success' });
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteAgent(id),
    onSuccess: async () => {
      setConfirmOpen(false);
      queryClient.removeQueries({ queryKey: agentKeys.one(id) });
      await queryClient.invalidateQueries({ queryKey: agentKeys.all });
      toast({ title: 'Agent deleted', tone: 'success' });
      navigate('/agents');
    },
  });

  if (agent.isPending) return <Spinner label="Loading the agent" />;
  if (agent.isError) {
    return (
      <>
        <PageHeader title="Agent" />
        <ErrorAlert title="Could not load the agent" error={agent.error} onRetry={() => agent.refetch()} />
      </>
    );
  }
  const data = agent.data;
  const deleteButton = canDelete ? (
    <Dialog
      open={confirmOpen}
      onOpenChange={setConfirmOpen}
      trigger={<Button variant="danger">Delete</Button>}
      title={`Delete ${data.name}?`}
      description="Workflows that pin this agent will fail validation until they are changed."
      footer={
        <Button variant="danger" loading={remove.isPending} onClick={() => remove.mutate()}>
          Delete agent
        </Button>
      }
    >
      {remove.isError && <ErrorAlert title="The agent was not deleted" error={remove.error} />}
    </Dialog>
  ) : null;

  return (
    <>
      <PageHeader
        title={data.name}
        description={
          <>
            {data.type} agent · <AgentStatus status={data.status} />
            {data.isDefault && ' · standard agent'}
          </>
        }
        actions={deleteButton}
      />
      <div className="agent-layout">
        <section className="card agent-form" aria-labelledby="agent-settings-title">
          <h2 id="agent-settings-title" className="card__title">
            Settings
          </h2>
          {!canUpdate && <p className="muted">Your role can view this agent but not change it.</p>}
          <AgentForm
            key={data.updatedAt}
            agent={data}
            submitLabel="Save agent"
            readOnly={!canUpdate}
            pending={save.isPending}
            error={save.error}
            onSubmit={(body) => save.mutate(body)}
          />
        </section>
        <AgentPerformance agentId={id} />
      </div>
    </>
  );
}
