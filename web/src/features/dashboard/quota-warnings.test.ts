import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { QuotaBannerView } from './components/quota-banner.tsx';
import { quotaWarnings, type TUsageFigures } from './quota-warnings.ts';

const usage = (over: Partial<TUsageFigures> = {}): TUsageFigures => ({
  members: { used: 1, limit: 10 },
  aiGenerationsThisHour: { used: 0, limit: 100 },
  apiRequestsThisHour: { used: null, limit: 1000 },
  ...over,
});

describe('quotaWarnings', () => {
  it('warns from 80% of a limit on, fullest first', () => {
    expect(quotaWarnings(usage())).toEqual([]);
    expect(quotaWarnings(usage({ aiGenerationsThisHour: { used: 79, limit: 100 } }))).toEqual([]);
    const warnings = quotaWarnings(
      usage({
        members: { used: 8, limit: 10 },
        aiGenerationsThisHour: { used: 10, limit: 10 },
        apiRequestsThisHour: { used: 950, limit: 1000 },
      }),
    );
    expect(warnings.map((w) => [w.label, w.percent])).toEqual([
      ['AI generations this hour', 100],
      ['API requests this hour', 95],
      ['Members', 80],
    ]);
  });

  it('never warns about an unlimited or uncounted quota', () => {
    expect(
      quotaWarnings(
        usage({
          members: { used: 40, limit: null },
          aiGenerationsThisHour: { used: 5000, limit: null },
          apiRequestsThisHour: { used: null, limit: 1 },
        }),
      ),
    ).toEqual([]);
  });
});

describe('QuotaBannerView', () => {
  const render = (figures: TUsageFigures) =>
    renderToStaticMarkup(
      createElement(MemoryRouter, null, createElement(QuotaBannerView, { warnings: quotaWarnings(figures) })),
    );

  it('renders nothing below 80%', () => {
    expect(render(usage())).toBe('');
  });

  it('announces each quota nearly used, politely, with the figures and a link to the plan page', () => {
    const html = render(usage({ aiGenerationsThisHour: { used: 9, limit: 10 } }));
    expect(html).toContain('role="status"');
    expect(html).toContain('AI generations this hour: 9 of 10 (90%)');
    expect(html).toContain('href="/settings/usage"');
  });
});
