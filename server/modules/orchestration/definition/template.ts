// The template engine of workflow definitions: `{{ input.topic }}`, `{{ steps.research.output.summary }}`.
import type { TScope } from '../types.ts';
import { parsePath, resolvePath, TemplateError, type TPathSegment } from './template-path.ts';

export { TemplateError } from './template-path.ts';

const TAG = /\{\{([^{}]*)\}\}/g;
const WHOLE = /^\{\{([^{}]*)\}\}$/;

/** The paths a string's `{{ … }}` tags read, parsed; throws TemplateError on a malformed tag. */
export function templatePaths(text: string): { text: string; segments: TPathSegment[] }[] {
  return [...text.matchAll(TAG)].map((m) => {
    const path = (m[1] ?? '').trim();
    return { text: path, segments: parsePath(path) };
  });
}

/** Every string inside a JSON-like value (object values and array items, deeply). */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value !== null && typeof value === 'object')
    for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

const asText = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : value !== null && typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);

function renderString(text: string, scope: TScope): unknown {
  const whole = WHOLE.exec(text);
  if (whole) {
    const path = (whole[1] ?? '').trim();
    return resolvePath(scope, parsePath(path), path);
  }
  return text.replace(TAG, (_tag, inner: string) => {
    const path = inner.trim();
    return asText(resolvePath(scope, parsePath(path), path));
  });
}

/**
 * Renders templates in a value: a string that is exactly one `{{ path }}` yields the raw value (object,
 * number…), mixed text interpolates (objects as JSON), objects and arrays are rendered deeply. A missing path
 * or a malformed tag throws a TemplateError naming it: an empty string would hide the bug in the definition.
 */
export function renderTemplate(value: unknown, scope: TScope): unknown {
  if (typeof value === 'string') return renderString(value, scope);
  if (Array.isArray(value)) return value.map((v) => renderTemplate(v, scope));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderTemplate(v, scope)]));
  }
  return value;
}

/** renderTemplate as a value, for executors (whose failures are values, not exceptions). */
export function tryRenderTemplate(
  value: unknown,
  scope: TScope,
): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: renderTemplate(value, scope) };
  } catch (err) {
    if (err instanceof TemplateError) return { ok: false, error: err.message };
    throw err;
  }
}
