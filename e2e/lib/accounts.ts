import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newContext } from './browser.ts';
import { linkIn, waitForMail } from './mail.ts';
import type { TE2eServer } from './server.ts';

export type TTestUser = { name: string; email: string; password: string };

/** A user nobody has signed up yet (unique email per call). */
export function newUser(label = 'user'): TTestUser {
  const id = randomUUID().slice(0, 8);
  return { name: `${label} ${id}`, email: `${label}-${id}@example.test`, password: `pw-${randomUUID()}` };
}

const VERIFY_SUBJECT = /confirm your email/i;

/**
 * Signs up through the pages, then opens the link of the verification mail; ends on "Email confirmed".
 * With `onSignUpPage`, the page is already on /sign-up (e.g. reached from an invitation, carrying ?next=).
 */
export async function signUpAndVerifyInBrowser(
  page: Page,
  server: TE2eServer,
  user: TTestUser,
  opts: { onSignUpPage?: boolean } = {},
): Promise<void> {
  if (!opts.onSignUpPage) await page.goto('/sign-up');
  await page.getByLabel('Name').fill(user.name);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
  const mail = await waitForMail(server.smtp, { to: user.email, subject: VERIFY_SUBJECT });
  await page.goto(linkIn(mail, server.url));
  await page.getByRole('heading', { name: 'Email confirmed' }).waitFor();
}

/** Signs in through /sign-in (optionally with ?next=). */
export async function signInInBrowser(page: Page, user: TTestUser, next?: string): Promise<void> {
  await page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** On /onboarding: creates an organization and waits to land in the signed-in shell. */
export async function createOrganizationInBrowser(page: Page, name: string): Promise<void> {
  await page.getByLabel('Organization name').fill(name);
  await page.getByRole('button', { name: 'Create organization' }).click();
  await page.getByRole('button', { name: new RegExp(`Organization: ${escapeRegExp(name)}`) }).waitFor();
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An API session: the cookie header of a signed-in user, for fetch calls the way the browser makes them. */
export type TApiSession = { cookie: string; user: TTestUser; server: TE2eServer };

async function post(server: TE2eServer, path: string, body: unknown, cookie?: string): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    // Cookie-authenticated writes must carry a trusted Origin (the server's CSRF check).
    headers: {
      'Content-Type': 'application/json',
      Origin: server.url,
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: JSON.stringify(body),
  });
}

async function ok(response: Response, what: string): Promise<unknown> {
  const text = await response.text();
  if (!response.ok) throw new Error(`${what} failed: HTTP ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Signs up, verifies from the mailbox and signs in over HTTP (fast setup for tests about other pages). */
export async function createVerifiedUser(
  server: TE2eServer,
  user: TTestUser = newUser(),
): Promise<TApiSession> {
  await ok(await post(server, '/api/v1/auth/sign-up/email', user), 'sign-up');
  const mail = await waitForMail(server.smtp, { to: user.email, subject: VERIFY_SUBJECT });
  const verify = await fetch(linkIn(mail, server.url), { redirect: 'manual' });
  if (verify.status >= 400) throw new Error(`verify-email failed: HTTP ${verify.status}`);
  const signIn = await post(server, '/api/v1/auth/sign-in/email', {
    email: user.email,
    password: user.password,
  });
  await ok(signIn, 'sign-in');
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, user, server };
}

/** POST /api/v1/organizations as the session's user; the new organization becomes the active one. */
export async function createOrganization(
  session: TApiSession,
  name: string,
): Promise<{ id: string; name: string }> {
  return (await ok(
    await post(session.server, '/api/v1/organizations', { name }, session.cookie),
    'create organization',
  )) as { id: string; name: string };
}

/** Any JSON call as the session's user (Origin set for writes), returning the parsed body or throwing. */
export async function apiCall<T>(
  session: TApiSession,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${session.server.url}${path}`, {
    method,
    headers: {
      Cookie: session.cookie,
      Origin: session.server.url,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await ok(response, `${method} ${path}`)) as T;
}

/** A new browser context signed in as the session's user (its cookie copied in). */
export async function signedInContext(browser: Browser, session: TApiSession): Promise<BrowserContext> {
  const context = await newContext(browser, session.server.url);
  await context.addCookies(
    session.cookie.split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: session.server.url };
    }),
  );
  return context;
}

/** The usual start of a page test: a verified user with an organization, and a signed-in page. */
export async function signedInPage(
  browser: Browser,
  server: TE2eServer,
  opts: { organization?: string; user?: TTestUser } = {},
): Promise<{
  session: TApiSession;
  organization: { id: string; name: string };
  context: BrowserContext;
  page: Page;
}> {
  const session = await createVerifiedUser(server, opts.user);
  const organization = await createOrganization(session, opts.organization ?? `Org ${session.user.name}`);
  const context = await signedInContext(browser, session);
  const page = await context.newPage();
  return { session, organization, context, page };
}
