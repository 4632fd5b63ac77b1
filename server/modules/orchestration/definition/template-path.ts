// Template paths: dot and bracket access only (`steps.research.output.items[0]`, `steps["my-step"].output`).
// Parsed by hand, never evaluated, so a template can read data but cannot run code.

export type TPathSegment = string | number;

export class TemplateError extends Error {
  readonly path: string;
  constructor(message: string, path: string) {
    super(message);
    this.name = 'TemplateError';
    this.path = path;
  }
}

const ROOT = /^[A-Za-z_$][A-Za-z0-9_$]*/;
const DOT = /^\.([A-Za-z0-9_$-]+)/;
const INDEX = /^\[(\d+)\]/;
const QUOTED = /^\[(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\]/;

/** `a.b[0]["c-d"]` → ['a', 'b', 0, 'c-d']; throws TemplateError on anything else. */
export function parsePath(text: string): TPathSegment[] {
  const path = text.trim();
  const root = ROOT.exec(path);
  if (!root) throw new TemplateError(`Invalid template path "${path}"`, path);
  const segments: TPathSegment[] = [root[0]];
  let rest = path.slice(root[0].length);
  while (rest.length > 0) {
    const dot = DOT.exec(rest);
    const index = dot ? null : INDEX.exec(rest);
    const quoted = dot || index ? null : QUOTED.exec(rest);
    if (dot?.[1] !== undefined) segments.push(dot[1]);
    else if (index?.[1] !== undefined) segments.push(Number(index[1]));
    else if (quoted) segments.push((quoted[1] ?? quoted[2] ?? '').replace(/\\(.)/g, '$1'));
    else throw new TemplateError(`Invalid template path "${path}" near "${rest}"`, path);
    rest = rest.slice((dot ?? index ?? quoted)?.[0].length ?? rest.length);
  }
  return segments;
}

// Own properties only: `input.constructor` or `steps.__proto__` must not reach JavaScript internals.
function step(value: unknown, key: TPathSegment): { found: boolean; value: unknown } {
  if (value === null || typeof value !== 'object') return { found: false, value: undefined };
  if (Array.isArray(value) && key === 'length') return { found: true, value: value.length };
  if (!Object.hasOwn(value, key)) return { found: false, value: undefined };
  return { found: true, value: (value as Record<string | number, unknown>)[key] };
}

/** The value at a parsed path; a missing link throws a TemplateError naming the path. */
export function resolvePath(scope: unknown, segments: TPathSegment[], text: string): unknown {
  let current: unknown = scope;
  for (const key of segments) {
    const next = step(current, key);
    if (!next.found || next.value === undefined) {
      throw new TemplateError(`Template path "${text}" is missing (no "${String(key)}")`, text);
    }
    current = next.value;
  }
  return current;
}
