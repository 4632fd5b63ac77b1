import { Badge, type TBadgeTone } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { useReadiness } from '../api.ts';

const STATUS_LABEL: Record<string, string> = {
  ready: 'Ready',
  not_ready: 'Not ready',
  draining: 'Draining (shutting down)',
};
const PASSING = new Set(['ok', 'up', 'ready', 'pass', 'healthy', 'true']);

/** The live answer of GET /ready, with each dependency check. */
export function ReadinessCard() {
  const readiness = useReadiness();
  return (
    <section className="card" aria-labelledby="readiness-title">
      <h3 id="readiness-title">Readiness</h3>
      {readiness.status === 'loading' && <Spinner label="Checking readiness…" />}
      {readiness.status === 'error' && (
        <ErrorAlert title="Could not check readiness" error={readiness.error} onRetry={readiness.reload} />
      )}
      {readiness.status === 'success' && (
        <>
          <p>
            <Badge tone={readiness.data.status === 'ready' ? 'ok' : 'error'}>
              {STATUS_LABEL[readiness.data.status] ?? readiness.data.status}
            </Badge>
          </p>
          <dl className="facts">
            {Object.entries(readiness.data.checks ?? {}).map(([name, value]) => {
              const text = describeCheck(value);
              return (
                <div key={name} className="facts__row">
                  <dt>{name}</dt>
                  <dd>
                    <Badge tone={toneOf(text)}>{text}</Badge>
                  </dd>
                </div>
              );
            })}
          </dl>
          <Button onClick={readiness.reload}>Check again</Button>
        </>
      )}
    </section>
  );
}

// The server decides the shape of each check; show a status field when there is one, else the raw value.
function describeCheck(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (typeof value === 'object' && value !== null && 'status' in value && typeof value.status === 'string') {
    return value.status;
  }
  return JSON.stringify(value) ?? 'unknown';
}

function toneOf(text: string): TBadgeTone {
  return PASSING.has(text.toLowerCase()) ? 'ok' : 'warn';
}
