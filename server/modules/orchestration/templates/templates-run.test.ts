import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  memberWithKey,
  startTestServer,
  type TestServer,
  type TMember,
} from '../../../testing/api.test-kit.ts';
import { WORKFLOW_TEMPLATES } from './index.ts';

// Each shipped template, copied into a workflow through the API and run end to end by the server's own engine,
// queue, sandbox and built-in local model (deterministic, no network): every step finishes and the output has
// the shape the template promises.
let s: TestServer;
let m: TMember;
beforeAll(async () => {
  s = await startTestServer();
  m = await memberWithKey(s);
}, 60_000);
afterAll(async () => {
  await s?.stop();
}, 60_000);

type TStepView = { stepId: string; status: string; tokens: number; input: unknown; output: unknown };
// biome-ignore lint/suspicious/noExplicitAny: run bodies are checked by the assertions, not by types.
type TRunView = { status: string; error: string | null; tokens: number; output: any; steps: TStepView[] };

async function runTemplate(templateId: string, input: Record<string, unknown>): Promise<TRunView> {
  const created = await call(s, m, 'POST', '/api/v1/workflows/from-template', {
    templateId,
    name: templateId,
  });
  expect(created.status, created.text).toBe(201);
  const started = await call(s, m, 'POST', `/api/v1/workflows/${created.body.id}/execute`, { input });
  expect(started.status, started.text).toBe(202);
  const deadline = Date.now() + 120_000;
  for (;;) {
    const run = await call(s, m, 'GET', `/api/v1/runs/${started.body.runId}`);
    if (['succeeded', 'failed', 'cancelled'].includes(run.body.status)) {
      // Every step's state in the failure message, so a broken template says where it broke.
      const states = run.body.steps.map((x: TStepView & { error: string | null }) => [
        x.stepId,
        x.status,
        x.error,
      ]);
      expect(run.body.status, `${run.body.error} ${JSON.stringify(states)}`).toBe('succeeded');
      return run.body;
    }
    if (Date.now() > deadline) throw new Error(`run still ${run.body.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Every top-level step of the template finished (succeeded, or skipped when `skipped` names it). */
function expectFinished(templateId: string, run: TRunView, skipped: string[]) {
  expect(run.error).toBeNull();
  expect(run.status).toBe('succeeded');
  const template = WORKFLOW_TEMPLATES.find((t) => t.id === templateId)!;
  const byId = new Map(run.steps.map((x) => [x.stepId, x]));
  for (const step of template.definition.steps) {
    expect(byId.get(step.id)?.status, step.id).toBe(skipped.includes(step.id) ? 'skipped' : 'succeeded');
    if ((step.type === 'agent' || step.type === 'llm') && !skipped.includes(step.id))
      expect(byId.get(step.id)?.tokens ?? 0, step.id).toBeGreaterThan(0);
  }
  expect(run.tokens).toBeGreaterThan(0);
}

const text = expect.stringMatching(/\S/);

describe('workflow templates run end to end on the local model', () => {
  it('Blog post → social posts: a post and one social post per platform', async () => {
    const run = await runTemplate('blog-to-social', {
      topic: 'urban beekeeping',
      platforms: ['x', 'mastodon'],
    });
    expectFinished('blog-to-social', run, []);
    expect(run.output.post).toEqual(text);
    expect(run.output.social).toHaveLength(2);
    for (const post of run.output.social) expect(post).toMatchObject({ text, provider: 'local' });
    // The transform turned platform names into the length limits the map's prompts carry.
    const item = run.steps.find((x) => x.stepId === 'social[1]');
    expect(JSON.stringify(item?.input)).toContain('at most 500 characters');
  }, 150_000);

  it('Content marketing campaign: pieces per channel, reviewed, then revised or scheduled', async () => {
    const run = await runTemplate('content-campaign', { product: 'FlashFusion', goal: 'signups' });
    const approved = run.output.gate?.result === true;
    expectFinished('content-campaign', run, [approved ? 'revise' : 'schedule']);
    const pieces = run.steps.find((x) => x.stepId === 'pieces')?.output as { text: string }[];
    expect(pieces).toHaveLength(3); // the three default channels
    for (const p of pieces) expect(p.text).toEqual(text);
    if (approved) expect(run.output.schedule).toEqual(pieces.map((p, i) => ({ day: i + 1, piece: p.text })));
    else expect(run.output.revise).toMatchObject({ text, agent: { name: expect.any(String) } });
  }, 150_000);

  it('Product launch sequence: structured messaging, four timed announcements, docs for technical products', async () => {
    const run = await runTemplate('product-launch', {
      product: 'FlashFusion',
      launchDate: '2027-01-15',
      technical: true,
    });
    expectFinished('product-launch', run, []);
    expect(run.output.messaging).toMatchObject({ headline: text, tagline: expect.any(String) });
    expect(run.output.messaging.keyMessages.length).toBeGreaterThanOrEqual(3);
    expect(run.output.announcements).toHaveLength(4);
    for (const a of run.output.announcements) expect(a).toMatchObject({ text });
    // The input schema's default audience reached the first prompt.
    expect(JSON.stringify(run.steps.find((x) => x.stepId === 'positioning')?.input)).toContain(
      'early adopters',
    );
    const plain = await runTemplate('product-launch', { product: 'Teapot', launchDate: '2027-02-01' });
    expectFinished('product-launch', plain, ['devdocs']);
  }, 200_000);

  it('Development pipeline: stories, components, code per component, tests, then a deployment plan', async () => {
    const run = await runTemplate('dev-pipeline', { idea: 'a shared grocery list' });
    const deployable = run.output.ready?.result === true;
    expectFinished('dev-pipeline', run, [deployable ? 'report' : 'deploy']);
    const architecture = run.steps.find((x) => x.stepId === 'architecture')!;
    const { components } = (architecture.output as { object: { components: string[] } }).object;
    expect(components.length).toBeGreaterThan(0);
    expect(run.steps.find((x) => x.stepId === 'code')?.output).toHaveLength(components.length);
    if (deployable) expect(run.output.deploy).toMatchObject({ text });
    else expect(run.output.report).toMatchObject({ deployable: false, components });
  }, 150_000);
});
