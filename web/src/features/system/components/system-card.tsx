import type { ReactNode } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { type TSystemInfo, useSystemInfo } from '../api.ts';

const MODE_LABEL: Record<TSystemInfo['mode'], string> = {
  embedded: 'Embedded (single process)',
  'scale-out': 'Scale-out',
};
const DATABASE_LABEL: Record<TSystemInfo['database'], string> = {
  pglite: 'PGlite (embedded PostgreSQL)',
  postgres: 'PostgreSQL',
};
const CACHE_LABEL: Record<TSystemInfo['cache'], string> = { memory: 'In-process memory', redis: 'Redis' };

/** The live facts of GET /api/v1/system. */
export function SystemCard() {
  const system = useSystemInfo();
  return (
    <section className="card" aria-labelledby="system-title">
      <h3 id="system-title">System</h3>
      {system.status === 'loading' && <Spinner label="Loading system information…" />}
      {system.status === 'error' && (
        <ErrorAlert title="Could not load system information" error={system.error} onRetry={system.reload} />
      )}
      {system.status === 'success' && (
        <dl className="facts">
          {factsOf(system.data).map(([label, value]) => (
            <div key={label} className="facts__row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function factsOf(system: TSystemInfo): [label: string, value: ReactNode][] {
  return [
    ['Name', system.name],
    ['Version', <code key="version">{system.version}</code>],
    ['Mode', MODE_LABEL[system.mode] ?? system.mode],
    ['Role', system.role],
    ['Database', DATABASE_LABEL[system.database] ?? system.database],
    ['Cache', CACHE_LABEL[system.cache] ?? system.cache],
  ];
}
