import type { MiddlewareHandler } from 'hono';
import { AppError } from '../app-error.ts';

// PostgreSQL text cannot hold U+0000: a NUL that reaches a query fails it ("invalid byte sequence"), which would
// answer 500 wherever a string lands in a column. No field of this API has a use for it, so it is refused once
// here, for the URL (path ids, query) and JSON bodies, rather than field by field.
const ENCODED_NUL = /%00/i;
// Cheap screen before parsing: a JSON body can carry NUL only as the escape \u0000 (a raw NUL is not JSON).
const ESCAPED_NUL = /\\u0000/i;

const refuse = (field: string) =>
  new AppError('VALIDATION_ERROR', 'Text may not contain the NUL character (U+0000)', {
    details: [{ field, message: 'Contains U+0000' }],
  });

/** The dotted path of the first key or string value holding U+0000, or null. */
function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\0') ? path : null;
  if (!value || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const at = `${path}.${key}`;
    if (key.includes('\0')) return at;
    const found = findNul(item, at);
    if (found) return found;
  }
  return null;
}

/** Refuses U+0000 in the URL or a JSON body with VALIDATION_ERROR (400), before any handler reads it. */
export function refuseNulBytes(): MiddlewareHandler {
  return async function refuseNulBytesMiddleware(c, next) {
    const url = new URL(c.req.url);
    if (ENCODED_NUL.test(url.pathname)) throw refuse('path');
    if (ENCODED_NUL.test(url.search)) throw refuse('query');
    if (c.req.raw.body && /json/i.test(c.req.header('content-type') ?? '')) {
      // A clone, so the handler (a validator, or better-auth with the raw request) still reads the body.
      const text = await c.req.raw.clone().text();
      if (ESCAPED_NUL.test(text)) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined; // malformed JSON is the validator's to report
        }
        const field = findNul(parsed, 'json');
        if (field) throw refuse(field);
      }
    }
    await next();
  };
}
