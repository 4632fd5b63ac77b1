import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useToast } from '../../../components/ui/index.ts';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { agentKeys, createAgent } from '../api.ts';
import { AgentForm } from '../components/agent-form.tsx';
import '../agents.css';

/** /agents/new: creates an agent, then opens it. */
export function AgentNewPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const toast = useToast();
  const mutation = useMutation({
    mutationFn: createAgent,
    onSuccess: async (agent) => {
      await queryClient.invalidateQueries({ queryKey: agentKeys.all });
      toast({ title: `Agent ${agent.name} created`, tone: 'success' });
      navigate(`/agents/${agent.id}`);
    },
  });
  return (
    <>
      <PageHeader
        title="New agent"
        description="An agent has a role, capabilities, and a model or route it calls."
      />
      <div className="card agent-form">
        <AgentForm
          submitLabel="Create agent"
          pending={mutation.isPending}
          error={mutation.error}
          onSubmit={(body) => mutation.mutate(body)}
        />
      </div>
    </>
  );
}
