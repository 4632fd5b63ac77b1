import { Hono } from 'hono';
import pino, { type Logger } from 'pino';
import type { Database } from '../../../platform/db/index.ts';
import { createEventBus, type EventBus } from '../../../platform/events/index.ts';
import { createErrorHandler, type TAppEnv } from '../../../platform/http/index.ts';
import { createMemoryPubSub } from '../../../platform/pubsub/index.ts';
import { authenticate } from '../authenticate/authenticate.ts';
import { resolveSession } from '../authenticate/resolve-session.ts';
import { authRoutes } from './auth-routes.ts';
import { createAuth, type TAuth, type TAuthMail } from './create-auth.ts';

export const TEST_BASE_URL = 'http://ff.test';
const TEST_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

/** A browser in miniature: keeps the cookies the server sets and sends them back, with an Origin header. */
export class CookieClient {
  readonly cookies = new Map<string, string>();
  readonly app: Hono<TAppEnv>;
  readonly baseUrl: string;

  constructor(app: Hono<TAppEnv>, baseUrl = TEST_BASE_URL) {
    this.app = app;
    this.baseUrl = baseUrl;
  }

  async request(
    path: string,
    init: { method?: string; json?: unknown; body?: string } = {},
  ): Promise<Response> {
    const headers = new Headers({ origin: this.baseUrl });
    if (this.cookies.size > 0) headers.set('cookie', this.cookieHeader());
    let body: string | undefined = init.body;
    if (init.json !== undefined) body = JSON.stringify(init.json);
    if (body !== undefined) headers.set('content-type', 'application/json');
    const res = await this.app.request(new URL(path, this.baseUrl).toString(), {
      method: init.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
    });
    this.store(res);
    return res;
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /;\s*max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** An auth instance on the test database, an app with only the auth routes, and the mails it sent. */
export function createAuthHarness(
  db: Database,
  events: EventBus,
  baseUrl = TEST_BASE_URL,
  log: Logger = pino({ level: 'silent' }),
) {
  const mails: TAuthMail[] = [];
  const auth: TAuth = createAuth({
    db,
    baseUrl,
    secret: TEST_SECRET,
    sendMail: async (msg) => {
      mails.push(msg);
    },
    log,
    events,
  });
  // The app's error handler and request id, so errors come back in the envelope as they do in the server.
  const app = new Hono<TAppEnv>();
  app.use(async (c, next) => {
    c.set('requestId', crypto.randomUUID());
    await next();
  });
  app.onError(createErrorHandler(pino({ level: 'silent' })));
  // Non-public endpoints need a signed-in user first, as in the app.
  const asUser = authenticate({
    resolveSession: (headers) => resolveSession({ db, auth }, headers),
    resolveBearer: [],
    trustedOrigins: [baseUrl],
    requireOrganization: false,
  });
  app.route(
    '/api/v1',
    authRoutes(auth, asUser, async (_c, next) => next()),
  );
  return { auth, app, mails, events, asUser, client: () => new CookieClient(app, baseUrl) };
}

/** The platform's event bus on the test database, in-process; account events land in its domain_events. */
export function testEventBus(db: Database): Promise<EventBus> {
  return createEventBus({ db, pubsub: createMemoryPubSub(), log: pino({ level: 'silent' }) });
}

/** The one link in a mail's text. */
export function linkIn(mail: TAuthMail | undefined): URL {
  const match = mail?.text.match(/https?:\/\/\S+/);
  if (!match) throw new Error(`no link in mail: ${mail?.text}`);
  return new URL(match[0]);
}

export async function signUp(client: CookieClient, email: string, password: string): Promise<Response> {
  return client.request('/api/v1/auth/sign-up/email', { json: { email, password, name: 'Test User' } });
}

export async function signIn(client: CookieClient, email: string, password: string): Promise<Response> {
  return client.request('/api/v1/auth/sign-in/email', { json: { email, password } });
}
