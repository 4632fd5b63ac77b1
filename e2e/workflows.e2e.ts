import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall,
  checkA11y,
  collectPageErrors,
  createOrganizationInBrowser,
  createVerifiedUser,
  launchBrowser,
  linkIn,
  newContext,
  newUser,
  signedInContext,
  signedInPage,
  signInInBrowser,
  signUpAndVerifyInBrowser,
  snap,
  startE2eServer,
  type TApiSession,
  type TE2eServer,
  waitForMail,
} from './lib/index.ts';

// Issue 7: agents and workflows in Chromium against a real server — a workflow built on the canvas by
// clicking and typing, run on the local model and watched live; approvals; validation errors on the node;
// a viewer who cannot edit.
let server: TE2eServer;
let browser: Browser;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The canvas node of a step (the StepNode's root carries the id and the run status). */
const node = (page: Page, stepId: string) => page.locator(`.react-flow__node [data-step-id="${stepId}"]`);
/** The step's button in the editor's step list (the keyboard way to select a node). */
const stepButton = (page: Page, stepId: string) =>
  page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: new RegExp(`^${stepId} `) });
const nodeStatus = (page: Page, stepId: string) => node(page, stepId).getAttribute('data-status');

async function visit(page: Page, name: string): Promise<void> {
  await checkA11y(page, { name });
  await snap(page, name);
}

type TWorkflow = { id: string; name: string; currentVersion: number };

async function createWorkflowViaApi(
  session: TApiSession,
  name: string,
  definition: unknown,
): Promise<TWorkflow> {
  return apiCall<TWorkflow>(session, 'POST', '/api/v1/workflows', { name, definition });
}

describe('agents and workflows', () => {
  it('creates an agent, builds a three-step workflow on the canvas, runs it on the local model and watches it live', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    const pageErrors = collectPageErrors(page);
    const user = newUser('builder');
    await signUpAndVerifyInBrowser(page, server, user);
    await signInInBrowser(page, user);
    await page.waitForURL('**/onboarding');
    await createOrganizationInBrowser(page, 'Flow Studio');

    // Agents: the six standard agents are listed with their live status; create a seventh.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agents' }).click();
    await page.getByRole('link', { name: 'Researcher' }).waitFor();
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThanOrEqual(7);
    await visit(page, 'agents');
    await page.getByRole('link', { name: 'New agent' }).first().click();
    await page.getByLabel('Name', { exact: true }).fill('Digest writer');
    await page.getByLabel('Type').selectOption('analyzer');
    await page.getByLabel('Model or route').selectOption('model:local');
    await page.getByLabel('System prompt').fill('You condense notes into a short digest.');
    // A capability the server refuses: its message lands on the field, nothing is created.
    await page.getByLabel('Capabilities').fill('digest, not valid!');
    await page.getByRole('button', { name: 'Create agent' }).click();
    await expect.poll(() => page.getByLabel('Capabilities').getAttribute('aria-invalid')).toBe('true');
    await page.getByText('The agent was not saved').waitFor();
    await visit(page, 'agent-new-invalid');
    await page.getByLabel('Capabilities').fill('digest, summarization');
    await page.getByRole('button', { name: 'Create agent' }).click();
    await page.getByRole('heading', { name: 'Digest writer', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Performance' }).waitFor();
    expect(await page.getByLabel('Capabilities').inputValue()).toBe('digest, summarization');
    await visit(page, 'agent-detail');
    // Edit and save: the stored agent changes.
    await page.getByLabel('Max concurrency').fill('5');
    await page.getByRole('button', { name: 'Save agent' }).click();
    await page.getByText('Agent saved', { exact: true }).waitFor();
    await page.reload();
    await expect.poll(() => page.getByLabel('Max concurrency').inputValue(), { timeout: 20_000 }).toBe('5');

    // A new workflow from a blank canvas.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workflows' }).click();
    await page.getByText('No workflows yet').waitFor();
    await visit(page, 'workflows-empty');
    await page.getByRole('link', { name: 'New workflow' }).first().click();
    await page.getByLabel('Name').fill('Topic digest');
    await page.getByText('Blog post → social posts').waitFor();
    await visit(page, 'workflow-new');
    await page.getByRole('button', { name: 'Create workflow' }).click();
    await page.waitForURL(/\/workflows\/[0-9a-f-]{36}$/);
    await node(page, 'start').waitFor();

    // Build on the canvas: replace the starter step with delay → llm → agent, each added after the selected one.
    await stepButton(page, 'start').click();
    await page.getByRole('button', { name: 'Delete step' }).click();
    await page.getByRole('button', { name: 'Add Delay step' }).click();
    await page.getByLabel('Wait (ms)').fill('4000');
    await page.getByRole('button', { name: 'Add LLM step' }).click();
    await expect.poll(() => page.getByRole('checkbox', { name: 'delay-1' }).isChecked()).toBe(true);
    await page.getByLabel('Prompt').fill('Write three sentences about {{ input.topic }}.');
    await page.getByRole('button', { name: 'Add Agent step' }).click();
    await page.getByLabel('Required capabilities').fill('digest');
    await page.getByLabel('Prompt').fill('Condense into one line: {{ steps.llm-1.output.text }}');
    // The run input: a required topic.
    await page.getByRole('button', { name: '← Workflow settings' }).click();
    await page.getByRole('button', { name: 'Add input field' }).click();
    await page.getByLabel('Field name').fill('topic');
    await page.getByLabel('Required').check();
    for (const id of ['delay-1', 'llm-1', 'agent-1']) await node(page, id).waitFor();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    await visit(page, 'workflow-editor');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved version 2', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Saved' }).waitFor();

    // Run with an input; the live view streams the progress.
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('dialog').getByLabel('topic').fill('tidal energy');
    await checkA11y(page, { name: 'run dialog' });
    await page.getByRole('button', { name: 'Start run' }).click();
    await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
    // The delay step is seen in progress while it waits, then done.
    await expect.poll(() => nodeStatus(page, 'delay-1'), { timeout: 3500 }).toMatch(/^(running|waiting)$/);
    expect(await nodeStatus(page, 'llm-1')).not.toBe('succeeded');
    await visit(page, 'run-live');
    await expect.poll(() => nodeStatus(page, 'delay-1'), { timeout: 30_000 }).toBe('succeeded');
    await expect.poll(() => nodeStatus(page, 'agent-1'), { timeout: 30_000 }).toBe('succeeded');
    // Tokens the llm step streamed (step.tokens events) are shown on its node and in its details.
    await expect
      .poll(async () => (await node(page, 'llm-1').locator('.step-node__live').textContent())?.length ?? 0)
      .toBeGreaterThan(10);
    await page.getByRole('button', { name: 'llm-1', exact: true }).click();
    const streamed = await page.getByTestId('live-text').textContent();
    expect(streamed).toMatch(/tidal|energy/i);
    await page.getByRole('heading', { name: 'Result' }).waitFor();
    const output = await page.getByTestId('run-output').textContent();
    expect(output).toContain('agent-1');
    expect(await page.getByRole('list', { name: 'Run events' }).textContent()).toContain(
      'Step llm-1 finished: succeeded',
    );
    await visit(page, 'run-finished');

    // The run is in the workflow's history and in the recent runs.
    await page.getByRole('link', { name: 'Run history' }).click();
    await page.getByRole('heading', { name: 'Runs of Topic digest' }).waitFor();
    const row = page.getByRole('row').nth(1);
    expect(await row.textContent()).toContain('succeeded');
    expect(await row.textContent()).toContain('v2');
    await visit(page, 'workflow-runs');

    // The agent that served the agent step now has a run in its metrics.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agents' }).click();
    const agentRow = page.getByRole('row', { name: /Digest writer/ });
    await expect.poll(() => agentRow.getByRole('cell').nth(3).textContent(), { timeout: 15_000 }).toBe('1');

    // Uncaught exceptions anywhere, or a failed call of the agents / workflows API, fail the flow (other
    // features' calls are their own tests' business); the one refused agent above is the only failure.
    const ours = pageErrors.filter(
      (e) => e.startsWith('pageerror') || /\/api\/v1\/(agents|workflows|runs|approvals)/.test(e),
    );
    expect(ours).toEqual(['http 400 POST /api/v1/agents']);
    await context.close();
  });

  it('pauses at an approval step and continues when approved from the approvals page', async () => {
    const { session, context, page } = await signedInPage(browser, server, { organization: 'Approvals Org' });
    const workflow = await createWorkflowViaApi(session, 'Reviewed post', {
      steps: [
        { id: 'review', type: 'approval', message: 'Publish the post about {{ input.topic }}?' },
        {
          id: 'publish',
          type: 'transform',
          dependsOn: ['review'],
          code: 'return { published: steps.review.output.decision };',
        },
      ],
    });
    await page.goto('/approvals');
    await page.getByText('Nothing waiting').waitFor();
    await visit(page, 'approvals-empty');

    await page.goto(`/workflows/${workflow.id}`);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('dialog').getByLabel('Input (JSON)').fill('{ "topic": "tides" }');
    await page.getByRole('button', { name: 'Start run' }).click();
    await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Waiting for approval' }).waitFor();
    await expect.poll(() => nodeStatus(page, 'review')).toBe('waiting');
    const runUrl = page.url();
    await visit(page, 'run-waiting-approval');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Approvals' }).click();
    const card = page.getByRole('article', { name: 'Approval for step review' });
    await card.getByText('Publish the post about tides?').waitFor();
    await visit(page, 'approvals');
    await card.getByLabel('Comment (optional)').fill('Looks good');
    await card.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Nothing waiting').waitFor();

    await page.goto(runUrl);
    await expect.poll(() => nodeStatus(page, 'publish'), { timeout: 30_000 }).toBe('succeeded');
    await page.getByRole('heading', { name: 'Result' }).waitFor();
    expect(await page.getByTestId('run-output').textContent()).toContain('"published": "approved"');
    await context.close();
  });

  it('shows the server validation errors on the offending node and field (cycle, missing prompt)', async () => {
    const { session, context, page } = await signedInPage(browser, server, { organization: 'Invalid Org' });
    const workflow = await createWorkflowViaApi(session, 'Chain', {
      steps: [
        { id: 'first', type: 'transform', code: 'return 1;' },
        { id: 'second', type: 'transform', dependsOn: ['first'], code: 'return 2;' },
      ],
    });
    await page.goto(`/workflows/${workflow.id}`);
    await node(page, 'second').waitFor();
    // Close the loop with the keyboard-friendly "Depends on" checkboxes: first now also waits for second.
    await stepButton(page, 'first').click();
    await page.getByRole('checkbox', { name: 'second' }).check();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    // And an llm step without a prompt.
    await page.getByRole('button', { name: 'Add LLM step' }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    await page.getByText('The workflow was not saved: fix the marked steps').waitFor();
    const cycleNode = page.locator('.step-node--invalid', { hasText: 'Cycle' });
    await cycleNode.waitFor();
    expect(await cycleNode.textContent()).toMatch(/dependsOn: Cycle: (first|second) → /);
    const llmNode = node(page, 'llm-1');
    expect(await llmNode.getAttribute('class')).toContain('step-node--invalid');
    expect(await llmNode.textContent()).toContain('prompt');
    await stepButton(page, 'llm-1').click();
    // The field itself carries the message (aria-describedby) in the step form.
    const prompt = page.getByLabel('Prompt');
    expect(await prompt.getAttribute('aria-invalid')).toBe('true');
    await visit(page, 'workflow-editor-errors');
    // Nothing was stored: the workflow is still on version 1.
    const stored = await apiCall<TWorkflow>(session, 'GET', `/api/v1/workflows/${workflow.id}`);
    expect(stored.currentVersion).toBe(1);
    await context.close();
  });

  it('creates from a template, reopens an older version, makes it current, and cancels a run', async () => {
    const { session, context, page } = await signedInPage(browser, server, { organization: 'Versions Org' });
    await page.goto('/workflows/new');
    await page.getByLabel('Name').fill('Launch plan');
    await page.getByRole('radio', { name: /Product launch/ }).check();
    await page.getByRole('button', { name: 'Create workflow' }).click();
    await page.waitForURL(/\/workflows\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Launch plan' }).waitFor();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(2);

    const workflow = await createWorkflowViaApi(session, 'Slow one', {
      steps: [{ id: 'wait', type: 'delay', ms: 60_000 }],
    });
    await page.goto(`/workflows/${workflow.id}`);
    await stepButton(page, 'wait').click();
    await page.getByLabel('Wait (ms)').fill('30000');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved version 2', { exact: true }).waitFor();
    await page.getByText('runs use version 2').waitFor();

    // Version 1 back in the editor, then made the version runs use.
    await page.getByRole('button', { name: '← Workflow settings' }).click();
    const versions = page
      .getByRole('region', { name: 'Versions' })
      .or(page.locator('section[aria-labelledby="versions-title"]'));
    await versions
      .getByRole('listitem')
      .filter({ hasText: 'v1' })
      .getByRole('button', { name: 'Open' })
      .click();
    await page.getByText('Editing version 1').waitFor();
    await stepButton(page, 'wait').click();
    expect(await page.getByLabel('Wait (ms)').inputValue()).toBe('60000');
    await page.getByRole('button', { name: '← Workflow settings' }).click();
    await versions
      .getByRole('listitem')
      .filter({ hasText: 'v1' })
      .getByRole('button', { name: 'Make current' })
      .click();
    await page.getByText('runs use version 1').waitFor();

    // A run of version 1 waits a minute: cancel it from the live view.
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('button', { name: 'Start run' }).click();
    await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Run of version 1' }).waitFor();
    await expect.poll(() => nodeStatus(page, 'wait')).toMatch(/^(running|waiting)$/);
    await page.getByRole('button', { name: 'Cancel run' }).click();
    await expect.poll(() => nodeStatus(page, 'wait'), { timeout: 20_000 }).toBe('cancelled');
    await page.getByRole('button', { name: 'Cancel run' }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'Run history' }).click();
    await page.getByRole('heading', { name: 'Runs of Slow one' }).waitFor();
    const row = page.getByRole('row').nth(1);
    await expect.poll(() => row.textContent()).toContain('cancelled');
    expect(await row.textContent()).toContain('v1');
    await context.close();
  });

  it('a viewer invited from another browser context opens the workflow read-only', async () => {
    const owner = await signedInPage(browser, server, { organization: 'Viewer Org' });
    const workflow = await createWorkflowViaApi(owner.session, 'Shared flow', {
      steps: [{ id: 'only', type: 'llm', prompt: 'Say hi to {{ input.name }}' }],
    });
    const invitee = newUser('viewer');
    const count = server.smtp.received.length;
    await apiCall(owner.session, 'POST', `/api/v1/organizations/${owner.organization.id}/invitations`, {
      email: invitee.email,
      role: 'viewer',
    });
    const mail = await waitForMail(server.smtp, { to: invitee.email, after: count });
    const token = new URL(linkIn(mail, server.url)).searchParams.get('token');
    const viewer = await createVerifiedUser(server, invitee);
    await apiCall(viewer, 'POST', '/api/v1/invitations/accept', { token });
    await apiCall(viewer, 'PUT', '/api/v1/users/me/active-organization', {
      organizationId: owner.organization.id,
    });

    const context = await signedInContext(browser, viewer);
    const page = await context.newPage();
    await page.goto(`/workflows/${workflow.id}`);
    await node(page, 'only').waitFor();
    await page.getByText('read-only: your role cannot edit workflows').waitFor();
    expect(await page.getByRole('button', { name: /^Add / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^(Save|Saved)$/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Run', exact: true }).count()).toBe(0);
    await stepButton(page, 'only').click();
    expect(await page.getByLabel('Step id').isDisabled()).toBe(true);
    expect(await page.getByLabel('Prompt').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Delete step' }).count()).toBe(0);
    await visit(page, 'workflow-editor-viewer');

    // The agents list is readable, without a "New agent" action.
    await page.goto('/agents');
    await page.getByRole('link', { name: 'Researcher' }).waitFor();
    expect(await page.getByRole('link', { name: 'New agent' }).count()).toBe(0);
    await owner.context.close();
    await context.close();
  });
});
