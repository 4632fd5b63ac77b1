import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall,
  checkA11y,
  collectPageErrors,
  createOrganization,
  createOrganizationInBrowser,
  createVerifiedUser,
  fitsPhoneWidth,
  launchBrowser,
  linkIn,
  newContext,
  newUser,
  PHONE,
  signedInPage,
  signInInBrowser,
  signUpAndVerifyInBrowser,
  snap,
  startE2eServer,
  type TE2eServer,
  waitForMail,
} from './lib/index.ts';

// Issue 7: accounts, onboarding and the signed-in shell, in Chromium against a real server.
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

describe('sign up → verify → organization → dashboard', () => {
  it('creates an account, confirms it from the mailbox, creates an organization and lands in the app', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const user = newUser('owner');

    await page.goto('/sign-up');
    await checkA11y(page, { name: 'sign-up' });
    await snap(page, 'sign-up');

    await signUpAndVerifyInBrowser(page, server, user);
    await checkA11y(page, { name: 'verify-email confirmed' });
    await snap(page, 'verify-email-confirmed');

    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByLabel('Email').inputValue()).toBe(user.email);
    await checkA11y(page, { name: 'sign-in' });
    await snap(page, 'sign-in');
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // No organization yet: the guard sends the user to onboarding.
    await page.waitForURL('**/onboarding');
    // So far only the signed-out session probes failed (401 from /users/me before signing in).
    expect(errors.filter((e) => e !== 'http 401 GET /api/v1/users/me')).toEqual([]);
    await page.getByRole('heading', { name: 'Welcome to FlashFusion' }).waitFor();
    await checkA11y(page, { name: 'onboarding' });
    await snap(page, 'onboarding');
    await createOrganizationInBrowser(page, 'Acme Studio');

    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    // The realtime indicator reports the real WebSocket to /api/v1/collab.
    await page.locator('output.realtime[data-status="connected"]').waitFor();
    await checkA11y(page, { name: 'app shell' });
    await snap(page, 'app-shell');
    expect(await fitsPhoneWidth(page)).toBe(true);

    // The session survives a reload: the cookie, not page state, says who is signed in.
    await page.reload();
    await page.getByRole('button', { name: /Organization: Acme Studio/ }).waitFor();
    // No exception or console error anywhere (the dashboard's own API calls are its tests' business).
    expect(errors.filter((e) => !e.startsWith('http '))).toEqual([]);
    await context.close();
  });

  it('shows the check-your-email page with a working resend button', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    const user = newUser('resend');
    await page.goto('/sign-up');
    await page.getByLabel('Name').fill(user.name);
    await page.getByLabel('Email').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await checkA11y(page, { name: 'verify-email pending' });
    await snap(page, 'verify-email-pending');
    const first = await waitForMail(server.smtp, { to: user.email });
    const count = server.smtp.received.length;
    await page.getByRole('button', { name: 'Send the confirmation email again' }).click();
    await page.getByRole('status').filter({ hasText: 'A new confirmation link' }).waitFor();
    const second = await waitForMail(server.smtp, { to: user.email, after: count });
    expect(linkIn(second, server.url)).not.toBe(linkIn(first, server.url));
    await context.close();
  });
});

describe('sign-in errors', () => {
  it('shows the server message and code for a wrong password, and field errors for a bad email', async () => {
    const { user } = await createVerifiedUser(server, newUser('wrongpw'));
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await signInInBrowser(page, { ...user, password: 'not-the-password' });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Invalid email or password');
    expect(await alert.textContent()).toContain('AUTHENTICATION_FAILED');
    await checkA11y(page, { name: 'sign-in error' });
    await snap(page, 'sign-in-error');
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'VALIDATION_ERROR' }).waitFor();
    // The field named by the server's details is marked invalid and says why.
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    await context.close();
  });

  it('refuses an unconfirmed account and offers to resend the confirmation', async () => {
    const user = newUser('unverified');
    const signUp = await fetch(`${server.url}/api/v1/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify(user),
    });
    expect(signUp.status).toBe(200);
    await waitForMail(server.smtp, { to: user.email });
    const count = server.smtp.received.length;
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await signInInBrowser(page, user);
    await page.getByRole('alert').filter({ hasText: 'Email not verified' }).waitFor();
    await page.getByRole('button', { name: 'Send the confirmation email again' }).click();
    await waitForMail(server.smtp, { to: user.email, after: count });
    await context.close();
  });

  it('sends a signed-out visitor to sign in and back to the page asked for', async () => {
    const session = await createVerifiedUser(server, newUser('next'));
    await createOrganization(session, 'Next Org');
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await page.goto('/settings/profile?tab=1');
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel('Email').fill(session.user.email);
    await page.getByLabel('Password').fill(session.user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/settings/profile?tab=1');
    await context.close();
  });

  it('refuses a confirmation link that was tampered with', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await page.goto('/api/v1/auth/verify-email?token=forged&callbackURL=%2Fverify-email%3Fverified%3D1');
    await page.getByRole('heading', { name: 'Email not confirmed' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('not valid');
    await checkA11y(page, { name: 'verify-email error' });
    await context.close();
  });
});

describe('password reset', () => {
  it('mails a reset link, sets a new password, and the old one stops working', async () => {
    const { user } = await createVerifiedUser(server, newUser('reset'));
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await checkA11y(page, { name: 'forgot-password' });
    await snap(page, 'forgot-password');
    await page.getByLabel('Email').fill(user.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByRole('status').filter({ hasText: 'reset link is on its way' }).waitFor();

    const mail = await waitForMail(server.smtp, { to: user.email, subject: /reset/i });
    await page.goto(linkIn(mail, server.url));
    await page.waitForURL(/\/reset-password\?token=/);
    await checkA11y(page, { name: 'reset-password' });
    await snap(page, 'reset-password');

    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Use at least 8 characters.').waitFor();

    const newPassword = 'a-brand-new-password';
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Repeat the new password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL('**/sign-in?reset=1');

    await signInInBrowser(page, user);
    await page.getByRole('alert').filter({ hasText: 'Invalid email or password' }).waitFor();
    await signInInBrowser(page, { ...user, password: newPassword });
    await page.waitForURL('**/onboarding');
    await context.close();
  });

  it('explains an invalid reset link', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await page.goto('/api/v1/auth/reset-password/forged-token?callbackURL=%2Freset-password');
    await page.getByRole('heading', { name: 'Reset link not valid' }).waitFor();
    await checkA11y(page, { name: 'reset-password invalid' });
    await context.close();
  });
});

describe('invitations and organizations', () => {
  it('a second user accepts an invitation in another browser context and joins as a viewer', async () => {
    const owner = await signedInPage(browser, server, { organization: 'Inviting Org' });
    const invitee = newUser('invitee');
    const count = server.smtp.received.length;
    await apiCall(owner.session, 'POST', `/api/v1/organizations/${owner.organization.id}/invitations`, {
      email: invitee.email,
      role: 'viewer',
    });
    const invitation = await waitForMail(server.smtp, { to: invitee.email, after: count });
    const link = linkIn(invitation, server.url);
    expect(link).toContain('/invitations/accept?token=');

    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole('heading', { name: 'You are invited' }).waitFor();
    await checkA11y(page, { name: 'invitation signed out' });
    await snap(page, 'invitation-signed-out');

    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.waitForURL(/\/sign-up\?next=/);
    await signUpAndVerifyInBrowser(page, server, invitee, { onSignUpPage: true });
    // The confirmed page carries the invitation on through sign-in.
    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Password').fill(invitee.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/invitations/accept?token=*');
    await page.getByRole('button', { name: 'Accept invitation' }).waitFor();
    await checkA11y(page, { name: 'invitation signed in' });
    await snap(page, 'invitation-signed-in');
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await page.getByRole('button', { name: /Organization: Inviting Org/ }).waitFor();

    // A second use of the same link is refused with the server's message.
    await page.goto(link);
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/[A-Z_]{5,}/);

    await owner.context.close();
    await context.close();
  });

  it('switches between organizations from the header', async () => {
    const { session, context, page } = await signedInPage(browser, server, { organization: 'First Org' });
    await createOrganization(session, 'Second Org');
    await page.goto('/');
    const switcher = page.getByRole('button', { name: /Organization: / });
    await switcher.waitFor();
    const current = (await switcher.getAttribute('aria-label')) ?? '';
    const target = current.includes('First Org') ? 'Second Org' : 'First Org';
    await switcher.click();
    await checkA11y(page, { name: 'organization switcher open' });
    await page.getByRole('menuitem', { name: new RegExp(target) }).click();
    await page.getByRole('button', { name: new RegExp(`Organization: ${target}`) }).waitFor();
    const me = await apiCall<{ activeOrganizationId: string; organizations: { id: string; name: string }[] }>(
      session,
      'GET',
      '/api/v1/users/me',
    );
    expect(me.organizations.find((o) => o.id === me.activeOrganizationId)?.name).toBe(target);

    // "Create organization" from the menu goes to onboarding, which adds one and switches to it.
    await page.getByRole('button', { name: /Organization: / }).click();
    await page.getByRole('menuitem', { name: 'Create organization' }).click();
    await page.getByRole('heading', { name: 'Create an organization', level: 1 }).waitFor();
    await createOrganizationInBrowser(page, 'Third Org');
    await context.close();
  });

  it('shows the server error when creating an organization with an invalid name', async () => {
    const session = await createVerifiedUser(server, newUser('badorg'));
    const context = await newContext(browser, server.url);
    await context.addCookies(
      session.cookie.split('; ').map((pair) => {
        const at = pair.indexOf('=');
        return { name: pair.slice(0, at), value: pair.slice(at + 1), url: server.url };
      }),
    );
    const page = await context.newPage();
    await page.goto('/onboarding');
    await page.getByLabel('Organization name').fill('x'.repeat(101));
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByRole('alert').filter({ hasText: 'VALIDATION_ERROR' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('name');

    // Without an organization there is no shell: onboarding itself offers to sign out.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.goto('/onboarding');
    await page.waitForURL(/\/sign-in\?next=%2Fonboarding/);
    await context.close();
  });
});

describe('shell', () => {
  it('persists the theme, passes axe in dark mode and opens the menu at phone width', async () => {
    const { context, page } = await signedInPage(browser, server);
    await page.goto('/');
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.reload();
    await page.getByRole('button', { name: 'Switch to light theme' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await checkA11y(page, { name: 'app shell dark' });
    await snap(page, 'app-shell-dark');

    await page.setViewportSize(PHONE);
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.isVisible()).toBe(false);
    const menu = page.getByRole('button', { name: 'Open menu' });
    await menu.click();
    expect(await nav.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Close menu' }).getAttribute('aria-expanded')).toBe('true');
    await checkA11y(page, { name: 'app shell phone menu' });
    await context.close();
  });

  it('keyboard: the skip link is the first stop and moves focus to the main content', async () => {
    const { context, page } = await signedInPage(browser, server);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#main');
    await context.close();
  });

  it('shows a not-found page inside the shell for an unknown path', async () => {
    const { context, page } = await signedInPage(browser, server);
    await page.goto('/no-such-page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await checkA11y(page, { name: 'not found' });
    await context.close();
  });

  it('signs out from the account menu', async () => {
    const { context, page } = await signedInPage(browser, server);
    await page.goto('/');
    await page.getByRole('button', { name: /^Account: / }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.goto('/');
    await page.waitForURL(/\/sign-in/);
    await context.close();
  });
});

describe('offline (PWA)', () => {
  it('serves the manifest and icons, and the service worker answers navigations offline with the offline page', async () => {
    const manifest = (await (await fetch(`${server.url}/manifest.webmanifest`)).json()) as {
      name: string;
      icons: { src: string; sizes: string; purpose?: string }[];
    };
    expect(manifest.name).toBe('FlashFusion');
    for (const icon of manifest.icons) {
      const response = await fetch(`${server.url}${icon.src}`);
      expect(response.status, icon.src).toBe(200);
    }
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    expect((await fetch(`${server.url}/apple-touch-icon.png`)).status).toBe(200);
    const sw = await fetch(`${server.url}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toContain('javascript');

    const { context, page } = await signedInPage(browser, server);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    // The worker installs (precaching the shell), activates and claims the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 60_000,
    });
    await page.locator('output.realtime[data-status="connected"]').waitFor();

    await context.setOffline(true);
    await page.locator('output.realtime[data-status="disconnected"]').waitFor();
    await page.goto('/agents');
    await page.getByRole('heading', { name: 'You are offline' }).waitFor();
    await checkA11y(page, { name: 'offline' });
    await snap(page, 'offline');

    await context.setOffline(false);
    await page.getByRole('link', { name: 'Try again' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.locator('output.realtime[data-status="connected"]').waitFor();
    await context.close();
  });
});
