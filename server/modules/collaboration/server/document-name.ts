import { isUuid } from '../../../../contracts/ids.ts';

// Collaborative documents are named `<kind>:<id>` (SPEC §8): `content:<uuid>`, `workflow:<uuid>`,
// `file:<project uuid>:<path>`, and `project:<uuid>`, a project's room (presence and voice signalling ride on
// it; it holds no content and is never stored). Anything else is refused before the database is asked.
const MAX_PATH = 1024;

export type TDocumentRef =
  | { kind: 'content'; refId: string }
  | { kind: 'workflow'; refId: string }
  | { kind: 'file'; refId: string; projectId: string; path: string }
  | { kind: 'project'; refId: string; projectId: string };

/** The documents that are stored (a project room is not). */
export type TStoredDocumentRef = Exclude<TDocumentRef, { kind: 'project' }>;

/** The parsed name, or null when it is not one of the four shapes. */
export function parseDocumentName(name: string): TDocumentRef | null {
  const colon = name.indexOf(':');
  if (colon < 0) return null;
  const kind = name.slice(0, colon);
  const rest = name.slice(colon + 1);
  if (kind === 'content' || kind === 'workflow') {
    return isUuid(rest) ? { kind, refId: rest.toLowerCase() } : null;
  }
  if (kind === 'project') {
    return isUuid(rest) ? { kind, refId: rest.toLowerCase(), projectId: rest.toLowerCase() } : null;
  }
  if (kind !== 'file') return null;
  const sep = rest.indexOf(':');
  const projectId = rest.slice(0, sep);
  const path = rest.slice(sep + 1);
  if (sep < 0 || !isUuid(projectId)) return null;
  // A path is a relative file path of the project: no empty, absolute, parent or control-character paths.
  if (!path || path.length > MAX_PATH || path.startsWith('/')) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f]/.test(path) || path.split('/').some((p) => p === '..' || p === '')) return null;
  return { kind, refId: `${projectId.toLowerCase()}:${path}`, projectId: projectId.toLowerCase(), path };
}
