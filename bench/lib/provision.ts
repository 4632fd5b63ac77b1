// A new user's path through the API, as in the README tour: sign up, verify from the mail written to DATA_DIR,
// sign in, create an organization, and make an admin API key. Benches use it to get a caller.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** POSTs JSON (with the server's own Origin, as a browser would) and throws on an error status. */
export async function postJson(
  base: string,
  pathname: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const res = await fetch(base + pathname, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, ...headers },
    body: JSON.stringify(body),
  });
  if (res.status >= 400) throw new Error(`${pathname}: ${res.status} ${await res.text()}`);
  return res;
}

/** An admin API key of a new user in a new organization on the server at `base` (data in `dataDir`). */
export async function provisionApiKey(base: string, dataDir: string): Promise<string> {
  const email = 'bench@example.com';
  const password = 'a long bench password';
  await postJson(base, '/api/v1/auth/sign-up/email', { email, password, name: 'Bench' });
  const mailDir = path.join(dataDir, 'mail');
  const file = (await readdir(mailDir)).find((f) => f.includes('verify-email'));
  const link = /https?:\/\/\S+/.exec(await readFile(path.join(mailDir, file ?? ''), 'utf8'))?.[0];
  if (!link) throw new Error('no verification link in the mail');
  await fetch(link, { redirect: 'manual' });
  const signedIn = await postJson(base, '/api/v1/auth/sign-in/email', { email, password });
  const cookie = signedIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  await postJson(base, '/api/v1/organizations', { name: 'Bench' }, { cookie });
  const created = await postJson(base, '/api/v1/api-keys', { name: 'bench', scopes: ['admin'] }, { cookie });
  return ((await created.json()) as { key: string }).key;
}
