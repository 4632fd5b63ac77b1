import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall,
  checkA11y,
  collectPageErrors,
  createVerifiedUser,
  fitsPhoneWidth,
  launchBrowser,
  linkIn,
  newUser,
  signedInContext,
  signedInPage,
  snap,
  startE2eServer,
  type TE2eServer,
  waitForMail,
} from './lib/index.ts';

// Issue 7: the settings pages against a real server: API keys shown once and really usable, invitations,
// feature flags, providers, routes and budget, and a viewer who sees what they may not do hidden or disabled.
let server: TE2eServer;
let browser: Browser;

beforeAll(async () => {
  // The AI settings page adds a provider on 127.0.0.1 (a local model server, as an operator would allow).
  server = await startE2eServer({ ALLOW_PRIVATE_AI_PROVIDERS: 'true' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(page: Page, path: string, heading: string): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Closes the notifications left by the previous step (a toast sliding in or out widens the page). */
async function dismissToasts(page: Page): Promise<void> {
  for (const button of await page.getByRole('button', { name: 'Dismiss' }).all()) await button.click();
  await expect.poll(() => page.locator('.toast').count()).toBe(0);
}

async function visit(page: Page, path: string, heading: string, name: string): Promise<void> {
  await open(page, path, heading);
  await dismissToasts(page);
  // Let the page's requests settle so the check sees the loaded page, not its spinner.
  await page.waitForLoadState('networkidle');
  await checkA11y(page, { name });
  await snap(page, name);
  expect(await fitsPhoneWidth(page), `${name} fits 375 px`).toBe(true);
}

const projects = (key: string) =>
  fetch(`${server.url}/api/v1/projects`, { headers: { Authorization: `Bearer ${key}` } });

describe('settings', () => {
  it('creates an API key shown once, uses it, revokes it; invites a member; toggles a flag; every page passes axe', async () => {
    const { page, session, organization } = await signedInPage(browser, server, {
      organization: 'Settings Org',
    });
    const errors = collectPageErrors(page);

    // Profile: the name is saved on the server.
    await visit(page, '/settings/profile', 'Profile', 'settings-profile');
    await page.getByLabel('Name').fill('Ada Settings');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Profile saved', { exact: true }).waitFor();
    const me = await apiCall<{ user: { name: string } }>(session, 'GET', '/api/v1/users/me');
    expect(me.user.name).toBe('Ada Settings');

    // API key: created in the page, read once, used like curl, revoked, then refused.
    await visit(page, '/settings/api-keys', 'API keys', 'settings-api-keys');
    await page.getByText('No API keys yet').waitFor();
    await page.getByLabel('Key name').fill('e2e script');
    await page.getByRole('button', { name: 'Create key' }).click();
    const key = (await page.getByTestId('new-api-key').textContent()) ?? '';
    expect(key).toMatch(/^ff_/);
    await snap(page, 'settings-api-key-created');
    const listed = await projects(key);
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { data: unknown[] }).data).toEqual([]);
    await page.getByRole('button', { name: 'Done, I have copied it' }).click();
    // Gone from the page for good: only the prefix is listed.
    expect(await page.getByTestId('new-api-key').count()).toBe(0);
    expect(await page.getByText(key).count()).toBe(0);
    const row = page.getByRole('row', { name: /e2e script/ });
    await row.getByText('active').waitFor();
    await page.getByRole('button', { name: 'Revoke e2e script' }).click();
    await row.getByText('revoked').waitFor();
    const refused = await projects(key);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('AUTHENTICATION_FAILED');

    // Members: invite by email with a role; the invitation is pending and its mail is sent.
    await visit(page, '/settings/members', 'Members', 'settings-members');
    const invitee = newUser('invitee');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Invite' }).click();
    await page.getByText('Enter an email address').waitFor();
    await page.getByLabel('Email').fill(invitee.email);
    await page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Invite' }).click();
    const invitationRow = page.getByRole('row', { name: new RegExp(invitee.email) });
    await invitationRow.getByText('pending').waitFor();
    const mail = await waitForMail(server.smtp, { to: invitee.email });
    const token = new URL(linkIn(mail, server.url)).searchParams.get('token');
    expect(token).toBeTruthy();

    // Feature flags: add one (on), switch it off; the organization's settings say so.
    await visit(page, '/settings/flags', 'Feature flags', 'settings-flags');
    await page.getByText('No feature flags set').waitFor();
    await page.getByLabel('Flag name').fill('beta.canvas');
    await page.getByRole('button', { name: 'Add flag' }).click();
    const flag = page.getByRole('switch', { name: 'beta.canvas' });
    await expect.poll(() => flag.getAttribute('aria-checked')).toBe('true');
    await flag.click();
    await expect.poll(() => flag.getAttribute('aria-checked')).toBe('false');
    const org = await apiCall<{ settings: { featureFlags?: Record<string, boolean> } }>(
      session,
      'GET',
      `/api/v1/organizations/${organization.id}`,
    );
    expect(org.settings.featureFlags).toEqual({ 'beta.canvas': false });

    // AI: a provider whose server is not there fails its connection test with the reason; a route; a budget.
    await visit(page, '/settings/ai', 'AI providers', 'settings-ai');
    await page.getByLabel('Name', { exact: true }).fill('nowhere');
    await page.getByLabel('Kind').selectOption('openai-compatible');
    await page.getByLabel('Base URL').fill('http://127.0.0.1:9/v1');
    await page.getByLabel('API key').fill('sk-e2e-secret-never-shown');
    await page.getByRole('button', { name: 'Add provider' }).click();
    await page.getByRole('row', { name: /nowhere/ }).waitFor();
    expect(await page.getByText('sk-e2e-secret-never-shown').count()).toBe(0);
    await page.getByRole('button', { name: 'Test the connection to nowhere' }).click();
    await page
      .getByRole('row', { name: /nowhere/ })
      .getByText('failed')
      .waitFor();
    await page.getByLabel('Route name').fill('chat');
    await page.getByRole('button', { name: 'Create route' }).click();
    await page.getByRole('row', { name: /chat/ }).getByText('round-robin').waitFor();
    await page.getByLabel('Token limit').fill('100000');
    await page.getByRole('button', { name: 'Save budget' }).click();
    await page.getByRole('progressbar', { name: /Tokens: 0 of 100,000/ }).waitFor();
    await checkA11y(page, { name: 'settings-ai filled' });
    await snap(page, 'settings-ai-filled');

    await visit(page, '/settings/organization', 'Organization', 'settings-organization');
    await visit(page, '/settings/roles', 'Roles', 'settings-roles');
    await visit(page, '/settings/audit', 'Audit log', 'settings-audit');
    // The key's creation and revocation are audit events.
    await page
      .getByRole('cell', { name: /api_key/ })
      .first()
      .waitFor();
    await visit(page, '/settings/usage', 'Plan usage', 'settings-usage');

    expect(errors).toEqual([]);

    // The invitee accepts and, as a viewer, sees what they may not change hidden or disabled.
    const viewer = await createVerifiedUser(server, invitee);
    await apiCall(viewer, 'POST', '/api/v1/invitations/accept', { token });
    await apiCall(viewer, 'PUT', '/api/v1/users/me/active-organization', { organizationId: organization.id });
    const viewerContext = await signedInContext(browser, viewer);
    const viewerPage = await viewerContext.newPage();
    await open(viewerPage, '/settings/members', 'Members');
    await viewerPage.getByRole('cell', { name: /Ada Settings/ }).waitFor();
    expect(await viewerPage.getByRole('heading', { name: 'Invite a member' }).count()).toBe(0);
    expect(await viewerPage.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    expect(await viewerPage.getByRole('combobox', { name: /Role of/ }).count()).toBe(0);
    await open(viewerPage, '/settings/organization', 'Organization');
    expect(await viewerPage.getByLabel('Name').isDisabled()).toBe(true);
    expect(await viewerPage.getByRole('button', { name: 'Save' }).count()).toBe(0);
    await open(viewerPage, '/settings/flags', 'Feature flags');
    expect(await viewerPage.getByRole('switch', { name: 'beta.canvas' }).isDisabled()).toBe(true);
    // Sections a viewer may not open are not offered.
    const sections = viewerPage.getByRole('navigation', { name: 'Settings sections' });
    expect(await sections.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    expect(await sections.getByRole('link', { name: 'AI providers' }).count()).toBe(0);
    await viewerContext.close();
  });
});
