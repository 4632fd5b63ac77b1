import type { ReactNode } from 'react';
import { Badge, ErrorAlert } from '../../../components/ui/index.ts';
import { formatCost, formatLatency, formatNumber } from '../../dashboard/format.ts';
import type { TProvider } from '../api.ts';
import type { TGeneration } from '../hooks/use-generation.ts';

const STATUS_TEXT: Record<TGeneration['status'], string> = {
  idle: 'Write a prompt and press Generate.',
  streaming: 'Streaming the answer…',
  done: 'Done.',
  stopped: 'Stopped: the rest of the answer was not generated.',
  error: 'The call failed.',
};

/** The answer as it streams in, then what the call cost and which target answered it. */
export function GenerationOutput({
  generation,
  providers,
}: {
  generation: TGeneration;
  providers: readonly TProvider[] | undefined;
}) {
  const { status, text, started, result, error, deltas, firstTokenMs } = generation;
  const providerName = (id: string) =>
    id === 'local' ? 'local' : (providers?.find((p) => p.id === id)?.name ?? id);
  return (
    <section className="playground__output" aria-labelledby="answer-heading">
      <h2 id="answer-heading" className="playground__heading">
        Answer
      </h2>
      <p role="status" className="playground__status" data-testid="generation-status" data-status={status}>
        {STATUS_TEXT[status]}
        {deltas > 0 && ` ${formatNumber(deltas)} chunks received`}
        {firstTokenMs !== null && `, first after ${formatLatency(firstTokenMs)}`}
        {deltas > 0 && '.'}
      </p>
      {/* Not a live region: announcing every token would drown a screen reader; the status above speaks. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the answer scrolls; keyboard users must reach it. */}
      <section className="playground__answer" data-testid="answer" tabIndex={0} aria-label="Answer text">
        {text}
        {status === 'streaming' && <span className="playground__caret" aria-hidden="true" />}
      </section>
      {error && <ErrorAlert title="The model did not answer" error={error} />}
      {started && (
        <dl className="facts-list" data-testid="generation-facts">
          <Fact label="Target" testId="fact-target">
            {providerName(started.provider)} / <code>{started.model}</code> ({started.providerKind})
          </Fact>
          <Fact label="Cached" testId="fact-cached">
            {(result?.cached ?? started.cached) ? <Badge tone="ok">cached</Badge> : <Badge>not cached</Badge>}
          </Fact>
          {result && (
            <>
              <Fact label="Tokens in / out" testId="fact-tokens">
                {formatNumber(result.usage.inputTokens)} / {formatNumber(result.usage.outputTokens)}
              </Fact>
              <Fact label="Cost" testId="fact-cost">
                {formatCost(result.cost)}
              </Fact>
              <Fact label="Latency" testId="fact-latency">
                {formatLatency(result.latencyMs)}
              </Fact>
              <Fact label="Finish reason" testId="fact-finish">
                {result.finishReason}
              </Fact>
              {result.route && (
                <Fact label="Route" testId="fact-route">
                  {result.route}
                </Fact>
              )}
              {result.attempts.length > 1 && (
                <Fact label="Attempts" testId="fact-attempts">
                  <ol className="facts-list__attempts">
                    {result.attempts.map((a, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: attempts are an ordered log that never changes.
                      <li key={i}>
                        {providerName(a.provider)} / {a.model}: {a.outcome}
                        {a.error ? ` (${a.error})` : ''} in {formatLatency(a.latencyMs)}
                      </li>
                    ))}
                  </ol>
                </Fact>
              )}
            </>
          )}
        </dl>
      )}
    </section>
  );
}

function Fact({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <div className="facts-list__row" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
