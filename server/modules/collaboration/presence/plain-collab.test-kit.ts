// Test helpers: a plain Hocuspocus server on port 0 that authenticates by a token table (standing in for the
// collaboration core's onAuthenticate, so presence and voice are tested without it), and real provider
// clients over real WebSockets. Imported by tests only.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { type Extension, Server } from '@hocuspocus/server';

export type TTestUser = { userId: string; name: string; projectIds: string[] };
export type TTestContext = { user: TTestUser };

export async function startPlainCollab({
  users,
  extensions,
}: {
  users: Record<string, TTestUser>;
  extensions: Extension[];
}) {
  const server = new Server({
    port: 0,
    address: '127.0.0.1',
    quiet: true,
    stopOnSignals: false,
    extensions: [
      {
        async onAuthenticate({ token, documentName }) {
          const user = Object.hasOwn(users, token) ? users[token] : undefined;
          if (!user) throw new Error('unknown token');
          const projectId = documentName.split(':')[1] ?? '';
          if (!user.projectIds.includes(projectId)) throw new Error('not a member');
          return { user } satisfies TTestContext;
        },
      },
      ...extensions,
    ],
  });
  await server.listen();
  return {
    server,
    hocuspocus: server.hocuspocus,
    url: `ws://127.0.0.1:${server.address.port}`,
    close: () => server.destroy(),
  };
}

/** The user id a test context carries, as presence and voice ask for it. */
export const userIdOfTestContext = (context: unknown) =>
  (context as Partial<TTestContext> | undefined)?.user?.userId;

/** A connected, synced provider; rejects when authentication fails. */
export async function connectClient(url: string, name: string, token: string) {
  const socket = new HocuspocusProviderWebsocket({ url, maxAttempts: 1 });
  const received: string[] = [];
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    token,
    onStateless: ({ payload }) => received.push(payload),
  });
  const ready = new Promise<void>((resolve, reject) => {
    provider.on('synced', () => resolve());
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => reject(new Error(reason)));
  });
  // A provider given its own socket joins it only when attached.
  provider.attach();
  await ready;
  const close = () => {
    provider.destroy();
    socket.destroy();
  };
  return { provider, received, close };
}

/** Waits until `check` returns a value (polling), failing after `ms`. */
export async function eventually<T>(check: () => T | undefined, ms = 3000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
