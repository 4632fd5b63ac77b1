import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkA11y,
  collectPageErrors,
  createOrganizationInBrowser,
  fitsPhoneWidth,
  launchBrowser,
  newContext,
  newUser,
  signInInBrowser,
  signUpAndVerifyInBrowser,
  snap,
  startE2eServer,
  type TE2eServer,
} from './lib/index.ts';

// Issue 7: the AI playground streams a real answer from the gateway's local model over SSE.
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

const status = (page: Page) => page.getByTestId('generation-status').getAttribute('data-status');
/** Waits until the call ends; a failure is reported with what the page showed (message, code). */
async function finished(page: Page, expected: 'done' | 'error' = 'done'): Promise<void> {
  await expect.poll(() => status(page), { timeout: 30_000 }).toMatch(/^(done|error|stopped)$/);
  const ended = await status(page);
  if (ended !== expected) {
    const alerts = [await page.locator('.playground__output').evaluate((el) => el.outerHTML)];
    throw new Error(`the call ended "${ended}", expected "${expected}": ${alerts.join(' | ')}`);
  }
}
const text = async (locator: Locator) => (await locator.textContent()) ?? '';
const fact = (page: Page, id: string) => text(page.getByTestId(`fact-${id}`).locator('dd'));

/**
 * Records, on every change of the answer, how much text it held and what the status said, so the test can
 * tell whether text was on screen while the call was still streaming (and not only once it had finished).
 */
async function watchAnswer(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __answerLog: { length: number; status: string | null }[] };
    w.__answerLog = [];
    const answer = document.querySelector('[data-testid="answer"]');
    const state = document.querySelector('[data-testid="generation-status"]');
    if (!answer || !state) throw new Error('playground not rendered');
    new MutationObserver(() => {
      w.__answerLog.push({
        length: answer.textContent?.length ?? 0,
        status: state.getAttribute('data-status'),
      });
    }).observe(answer, { childList: true, characterData: true, subtree: true });
  });
}

const answerLog = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __answerLog: { length: number; status: string | null }[] }).__answerLog,
  );

describe('AI playground', () => {
  it('signs up, creates an organization, streams a local-model answer with its figures, then answers from the cache', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const user = newUser('playground');
    await signUpAndVerifyInBrowser(page, server, user);
    await signInInBrowser(page, user);
    await page.waitForURL('**/onboarding');
    await createOrganizationInBrowser(page, 'Playground Org');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'AI playground' }).click();
    await page.getByRole('heading', { level: 1, name: 'AI playground' }).waitFor();
    // From here on the page must run clean (the 401s of the signed-out pages before are expected).
    const errorsBefore = errors.length;
    // The local model is the default choice: every organization can call it without a key.
    const picked = await page.getByLabel('Model or route').evaluate((el) => {
      const select = el as HTMLSelectElement;
      return select.selectedOptions[0]?.textContent ?? '';
    });
    expect(picked).toMatch(/^Local ·/);
    await checkA11y(page, { name: 'playground' });
    await snap(page, 'playground');
    expect(await fitsPhoneWidth(page)).toBe(true);

    const prompt =
      'Explain in several sentences why streaming an answer token by token helps people who wait for a model, ' +
      'and what a playground should show about each call: tokens, cost, latency and cache.';
    await page.getByLabel('Prompt', { exact: true }).fill(prompt);
    await page.getByLabel('Max output tokens').fill('400');
    await watchAnswer(page);
    await page.getByRole('button', { name: 'Generate' }).click();
    await finished(page);

    const answer = await text(page.getByTestId('answer'));
    expect(answer.length).toBeGreaterThan(40);
    // Tokens were on screen before the answer was complete: at least one change showed part of the text while
    // the status still said "streaming", and the text kept growing after it.
    const log = await answerLog(page);
    const partial = log.filter((entry) => entry.status === 'streaming' && entry.length > 0);
    expect(partial.length).toBeGreaterThan(0);
    expect(Math.min(...partial.map((e) => e.length))).toBeLessThan(answer.length);
    expect(await text(page.getByTestId('generation-status'))).toMatch(/\d+ chunks received/);

    expect(await fact(page, 'target')).toMatch(/^local \/ local \(local\)$/);
    const tokens = await fact(page, 'tokens');
    const [tokensIn, tokensOut] = tokens.split('/').map((n) => Number(n.trim().replace(/,/g, '')));
    expect(tokensIn).toBeGreaterThan(10);
    expect(tokensOut).toBeGreaterThan(5);
    expect(await fact(page, 'cost')).toBe('$0');
    expect(await fact(page, 'latency')).toMatch(/^\d+(\.\d)? (ms|s)$/);
    expect(await fact(page, 'cached')).toBe('not cached');
    expect(await fact(page, 'finish')).toBe('stop');
    await checkA11y(page, { name: 'playground answered' });
    await snap(page, 'playground-answered');

    // The same call again: the gateway's cache answers it, marked cached and free.
    await page.getByRole('button', { name: 'Generate' }).click();
    await finished(page);
    expect(await fact(page, 'cached')).toBe('cached');
    expect(await fact(page, 'cost')).toBe('$0');
    expect(await text(page.getByTestId('answer'))).toBe(answer);

    // With the cache off the model answers again (not cached).
    await page.getByRole('switch', { name: 'Use the cache' }).click();
    await page.getByRole('button', { name: 'Generate' }).click();
    await finished(page);
    expect(await fact(page, 'cached')).toBe('not cached');

    expect(errors.slice(errorsBefore)).toEqual([]);
    await context.close();
  });

  it('answers JSON that satisfies a schema, and shows a refused call with the server’s code', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    const user = newUser('schema');
    await signUpAndVerifyInBrowser(page, server, user);
    await signInInBrowser(page, user);
    await page.waitForURL('**/onboarding');
    await createOrganizationInBrowser(page, 'Schema Org');
    await page.goto('/playground');
    await page.getByRole('heading', { level: 1, name: 'AI playground' }).waitFor();

    await page.getByLabel('Prompt', { exact: true }).fill('Suggest a title and tags for a post about SSE.');
    await page.getByRole('switch', { name: 'Answer as JSON matching a schema' }).click();
    await page.getByRole('button', { name: 'Generate' }).click();
    await finished(page);
    const parsed = JSON.parse(await text(page.getByTestId('answer'))) as {
      title: unknown;
      tags: unknown;
    };
    expect(typeof parsed.title).toBe('string');
    expect(Array.isArray(parsed.tags)).toBe(true);

    // A schema that is not JSON is caught before sending.
    await page.getByLabel('JSON schema').fill('{ not json');
    await page.getByRole('button', { name: 'Generate' }).click();
    await page.getByText(/Not a JSON object/).waitFor();
    await page.getByRole('switch', { name: 'Answer as JSON matching a schema' }).click();

    // An OpenAI model without an OpenAI provider in this organization: the gateway refuses, the page says why.
    const option = await page
      .getByLabel('Model or route')
      .evaluate(
        (el) =>
          [...(el as HTMLSelectElement).options].find((o) => /^OpenAI · .*no provider yet/.test(o.text))
            ?.value,
      );
    expect(option).toBeTruthy();
    await page.getByLabel('Model or route').selectOption(option as string);
    await page.getByRole('button', { name: 'Generate' }).click();
    await finished(page, 'error');
    const alert = page.getByRole('alert').filter({ hasText: 'The model did not answer' });
    await alert.waitFor();
    expect(await text(alert.locator('code').first())).toBe('MODEL_UNAVAILABLE');
    await checkA11y(page, { name: 'playground error' });
    await snap(page, 'playground-error');
    await context.close();
  });
});
