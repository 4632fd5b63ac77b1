import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall,
  checkA11y,
  collectPageErrors,
  fitsPhoneWidth,
  launchBrowser,
  signedInPage,
  snap,
  startE2eServer,
  type TE2eServer,
} from './lib/index.ts';

// Issue 7: the dashboard shows the organization's real figures: empty states first, then what was spent.
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

describe('dashboard', () => {
  it('shows empty states with next steps, then the month’s AI calls, tokens and cost after calls are made', async () => {
    const { page, session } = await signedInPage(browser, server, { organization: 'Dashboard Org' });
    const errors = collectPageErrors(page);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByText('No runs yet').waitFor();
    await page.getByText('No AI calls this month').waitFor();
    expect(await page.getByRole('link', { name: 'Create an agent' }).getAttribute('href')).toBe(
      '/agents/new',
    );
    await page
      .locator('.quota-list__item')
      .filter({ hasText: 'Members' })
      .getByText(/^(Members: )?1 of /)
      .waitFor();
    await page.getByText(/no monthly token limit/).waitFor();
    await checkA11y(page, { name: 'dashboard empty' });
    await snap(page, 'dashboard-empty');
    expect(await fitsPhoneWidth(page)).toBe(true);

    // Two real calls (the second answered from the cache), made through the API as the same member.
    const body = {
      model: 'local',
      prompt: 'Summarise why dashboards should show real figures.',
      maxOutputTokens: 200,
    };
    const first = await apiCall<{ usage: { inputTokens: number; outputTokens: number } }>(
      session,
      'POST',
      '/api/v1/ai/generate',
      body,
    );
    await apiCall(session, 'POST', '/api/v1/ai/generate', body);
    await page.reload();
    const stat = (label: string) =>
      page.locator('.stat').filter({ hasText: label }).locator('dd').textContent();
    await expect.poll(() => stat('Calls')).toBe('2');
    expect(await stat('Cached')).toBe('1');
    // The cached answer is recorded with the tokens it carries, at no cost: both calls count the same tokens.
    expect(await stat('Tokens in')).toBe(String(2 * first.usage.inputTokens));
    expect(await stat('Tokens out')).toBe(String(2 * first.usage.outputTokens));
    expect(await stat('Cost')).toBe('$0');
    await page.getByRole('cell', { name: 'local' }).first().waitFor();
    await checkA11y(page, { name: 'dashboard with usage' });
    await snap(page, 'dashboard-usage');
    expect(errors).toEqual([]);
  });
});
