// Builds a JSON value that validates against a JSON Schema, filling it from the prompt where property names say
// what they hold (see schema-string.ts). Supported: type (or arrays of types), const, enum, properties/required/
// additionalProperties/minProperties, items (schema or tuple), prefixItems, minItems/maxItems, uniqueItems for
// string and number items, string formats and lengths, numeric bounds and multipleOf, local $ref, allOf,
// anyOf/oneOf (first non-null branch). Not supported: pattern (values are not regex-generated), contains,
// if/then/else, not. Deterministic: no randomness, the same schema and hints give the same value.
import { keyTerms, sentences, subjectOf, words } from './key-terms.ts';
import { numberFor } from './schema-number.ts';
import { flatten, type TSchema } from './schema-refs.ts';
import { stringFor, type TJsonHints } from './schema-string.ts';

/** Past this nesting depth only required properties and minItems are generated, so recursive schemas end. */
const MAX_DEPTH = 6;

export function hintsFrom(request: string): TJsonHints {
  const subject = subjectOf(request);
  const first = sentences(request)[0] ?? request.trim();
  return { request, subject, summary: first || subject, terms: keyTerms(request, 8) };
}

function typeOf(schema: TSchema): string {
  const t = schema.type;
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return (t.find((x) => x !== 'null') as string | undefined) ?? 'null';
  if (schema.properties || schema.required || schema.additionalProperties !== undefined) return 'object';
  if (schema.items || schema.prefixItems) return 'array';
  if (schema.minimum !== undefined || schema.maximum !== undefined || schema.multipleOf !== undefined) {
    return 'number';
  }
  return 'string';
}

function pickEnum(values: unknown[], hints: TJsonHints): unknown {
  // An enum value the request mentions wins, so "a negative review" picks 'negative'.
  const said = new Set(words(hints.request));
  return values.find((v) => typeof v === 'string' && said.has(v.toLowerCase())) ?? values[0];
}

interface TCtx {
  root: TSchema;
  hints: TJsonHints;
}

function arrayFor(schema: TSchema, name: string, ctx: TCtx, depth: number): unknown[] {
  const tuple = Array.isArray(schema.prefixItems)
    ? schema.prefixItems
    : Array.isArray(schema.items)
      ? schema.items
      : [];
  const rest = Array.isArray(schema.items) ? schema.additionalItems : schema.items;
  const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : Infinity;
  const max = rest === false ? Math.min(maxItems, tuple.length) : maxItems;
  const wanted = depth >= MAX_DEPTH ? 0 : /tag|keyword|term|topic/i.test(name) ? ctx.hints.terms.length : 2;
  const floor = depth >= MAX_DEPTH ? 0 : 1;
  const count = Math.min(Math.max(min, tuple.length, Math.min(wanted, 5), floor), max);
  const itemName = name.replace(/s$/, '');
  const out: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const itemSchema = i < tuple.length ? tuple[i] : rest;
    out.push(generate(itemSchema ?? {}, itemName, ctx, depth + 1, i));
  }
  return out;
}

function objectFor(schema: TSchema, ctx: TCtx, depth: number): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const extra = schema.additionalProperties;
  const keys = depth >= MAX_DEPTH ? required : [...new Set([...Object.keys(properties), ...required])];
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const sub = key in properties ? properties[key] : typeof extra === 'object' ? extra : {};
    out[key] = generate(sub, key, ctx, depth + 1, 0);
  }
  const minProps = typeof schema.minProperties === 'number' ? schema.minProperties : 0;
  for (let i = 1; Object.keys(out).length < minProps && extra !== false; i++) {
    if (!(`field${i}` in out))
      out[`field${i}`] = generate(typeof extra === 'object' ? extra : {}, 'field', ctx, depth + 1, 0);
  }
  return out;
}

function generate(input: unknown, name: string, ctx: TCtx, depth: number, variant: number): unknown {
  if (depth > 64) throw new Error('The JSON Schema is too deeply nested for the local model.');
  const schema = flatten(input, ctx.root);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return pickEnum(schema.enum, ctx.hints);
  switch (typeOf(schema)) {
    case 'null':
      return null;
    case 'boolean':
      return variant % 2 === 0;
    case 'integer':
      return numberFor(schema, true, 1 + variant);
    case 'number':
      return numberFor(schema, false, 1 + variant);
    case 'array':
      return arrayFor(schema, name, ctx, depth);
    case 'object':
      return objectFor(schema, ctx, depth);
    default:
      return stringFor(schema, name, ctx.hints, variant);
  }
}

/** A value valid for `schema`, derived from `hints` (build them with hintsFrom(request)). */
export function jsonFromSchema(schema: unknown, hints: TJsonHints, name = 'value'): unknown {
  const root = (typeof schema === 'object' && schema !== null ? schema : {}) as TSchema;
  return generate(schema ?? {}, name, { root, hints }, 0, 0);
}
