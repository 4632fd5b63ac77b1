import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { usePermission } from '../../../app/session.tsx';
import { EmptyState, ErrorAlert, PageHeader, Spinner } from '../../../components/ui/index.ts';
import { fetchModels, fetchProviders, fetchRoutes, modelsKey, providersKey, routesKey } from '../api.ts';
import { GenerationOutput } from '../components/generation-output.tsx';
import { PromptForm } from '../components/prompt-form.tsx';
import { useGeneration } from '../hooks/use-generation.ts';
import '../playground.css';

/** `/playground`: call any model or route of the organization and watch the answer stream in. */
export function PlaygroundPage() {
  const mayGenerate = usePermission('ai:generate');
  const models = useQuery({
    queryKey: modelsKey,
    queryFn: ({ signal }) => fetchModels(signal),
    enabled: mayGenerate,
  });
  const routes = useQuery({
    queryKey: routesKey,
    queryFn: ({ signal }) => fetchRoutes(signal),
    enabled: mayGenerate,
  });
  const providers = useQuery({
    queryKey: providersKey,
    queryFn: ({ signal }) => fetchProviders(signal),
    enabled: mayGenerate,
  });
  const { generation, run, stop } = useGeneration();

  const header = (
    <PageHeader
      title="AI playground"
      description="Pick a model or a route, send a prompt and watch the answer stream, with its tokens, cost and latency."
    />
  );
  if (!mayGenerate) {
    return (
      <>
        {header}
        <EmptyState title="Your role cannot call AI models">
          Designers, developers, admins and owners can use the playground. Ask an admin of your organization
          to change your role in <Link to="/settings/members">Members</Link>.
        </EmptyState>
      </>
    );
  }
  if (models.isPending || routes.isPending)
    return (
      <>
        {header}
        <Spinner label="Loading models and routes…" />
      </>
    );
  if (models.isError || routes.isError) {
    return (
      <>
        {header}
        <ErrorAlert
          title="Models and routes could not be loaded"
          error={models.error ?? routes.error}
          onRetry={() => {
            void models.refetch();
            void routes.refetch();
          }}
        />
      </>
    );
  }
  return (
    <>
      {header}
      <div className="playground">
        <PromptForm
          models={models.data.data}
          routes={routes.data.data}
          providers={providers.data?.data}
          streaming={generation.status === 'streaming'}
          onRun={run}
          onStop={stop}
        />
        <GenerationOutput generation={generation} providers={providers.data?.data} />
      </div>
    </>
  );
}
