// Strings for json-from-schema: formats get canonical example values; other strings come from the prompt by the
// property's name (title → the subject in title case, summary → the summary line, tags → key terms…), then are
// padded or cut to minLength/maxLength (counted in code points, as JSON Schema does).
import { createHash } from 'node:crypto';
import { placeOf, titleCase } from './key-terms.ts';
import type { TSchema } from './schema-refs.ts';

export interface TJsonHints {
  request: string;
  subject: string;
  summary: string;
  terms: string[];
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'item'
  );
}

function uuidFrom(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const FORMATS: Record<string, (seed: string) => string> = {
  email: (s) => `${slug(s).slice(0, 20)}@example.com`,
  uri: (s) => `https://example.com/${slug(s)}`,
  url: (s) => `https://example.com/${slug(s)}`,
  'uri-reference': (s) => `/${slug(s)}`,
  hostname: () => 'example.com',
  ipv4: () => '192.0.2.1',
  ipv6: () => '2001:db8::1',
  date: () => '2026-01-01',
  'date-time': () => '2026-01-01T00:00:00Z',
  time: () => '00:00:00Z',
  duration: () => 'P1D',
  uuid: (s) => uuidFrom(s),
};

function byName(name: string, hints: TJsonHints, variant: number): string {
  const n = name.toLowerCase();
  const term = hints.terms[variant];
  if (variant > 0 && term) return term;
  const suffix = variant > 0 ? ` ${variant + 1}` : '';
  if (/title|name|headline|heading|label/.test(n)) return titleCase(hints.subject) + suffix;
  if (/summary|description|abstract|overview|excerpt|explanation|reason/.test(n))
    return hints.summary + suffix;
  if (/city|location|place|country|region|address|destination/.test(n))
    return placeOf(hints.request) + suffix;
  if (/query|search|question|prompt/.test(n)) return hints.subject + suffix;
  if (/tag|keyword|term|topic|subject|theme|category/.test(n)) {
    return (term ?? hints.subject) + suffix;
  }
  if (/content|body|text|answer|message|response|tweet|post/.test(n)) return hints.summary + suffix;
  return hints.subject + suffix;
}

function fitLength(value: string, schema: TSchema, hints: TJsonHints): string {
  let chars = [...value];
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const filler = [...` ${hints.terms[0] ?? 'detail'}`];
  while (chars.length < min) chars = chars.concat(filler);
  if (typeof schema.maxLength === 'number') chars = chars.slice(0, schema.maxLength);
  return chars.join('');
}

export function stringFor(schema: TSchema, name: string, hints: TJsonHints, variant: number): string {
  const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
  if (format) return format(`${hints.subject} ${name} ${variant}`);
  return fitLength(byName(name, hints, variant), schema, hints);
}
