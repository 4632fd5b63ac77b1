import { Link } from 'react-router';
import { useSession } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/ui/index.ts';
import { AiUsageCard } from '../components/ai-usage-card.tsx';
import { QuotaCard } from '../components/quota-card.tsx';
import { RecentRunsCard } from '../components/recent-runs-card.tsx';
import '../dashboard.css';

/** `/`: what the organization ran, spent and has left, from the API only. */
export function DashboardPage() {
  const { organization, user } = useSession();
  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`${organization?.name ?? 'Your organization'} · signed in as ${user?.name ?? user?.email ?? ''}`}
        actions={
          <Link className="button button--primary" to="/playground">
            Open the playground
          </Link>
        }
      />
      <div className="dashboard">
        <div className="dashboard__wide">
          <RecentRunsCard />
        </div>
        <AiUsageCard />
        <QuotaCard />
      </div>
    </>
  );
}
