import { PageHeader } from '../../../components/ui/index.ts';
import '../../dashboard/dashboard.css';
import { BudgetCard } from '../components/budget-card.tsx';
import { ProvidersCard } from '../components/providers-card.tsx';
import { RoutesCard } from '../components/routes-card.tsx';

/** /settings/ai: providers and their keys, routes, and the monthly budget. */
export function AiSettingsPage() {
  return (
    <>
      <PageHeader
        title="AI providers"
        description="Where AI calls go, how they are spread and failed over, and what they may cost."
      />
      <ProvidersCard />
      <RoutesCard />
      <BudgetCard />
    </>
  );
}
