import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hintsFrom, jsonFromSchema } from './json-from-schema.ts';

// A real validator: ajv with the formats the generator claims, checked by regexes of ajv-formats' "fast" mode.
function validator() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const formats: Record<string, RegExp> = {
    email: /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9-]+)*$/i,
    uri: /^[a-z][a-z0-9+.-]*:[^\s]*$/i,
    date: /^\d{4}-\d{2}-\d{2}$/,
    'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i,
    uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    ipv4: /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/,
  };
  for (const [name, re] of Object.entries(formats)) ajv.addFormat(name, re);
  return ajv;
}

const ajv = validator();
const hints = hintsFrom('Write a blog post about solar panels for small homes. Mention cost and savings.');

function expectValid(schema: object, value: unknown) {
  const validate = ajv.compile(schema);
  const ok = validate(value);
  expect(
    ok,
    `${JSON.stringify(value)} vs ${JSON.stringify(schema)}: ${ajv.errorsText(validate.errors)}`,
  ).toBe(true);
}

const NAMES = ['title', 'summary', 'count', 'tags', 'name', 'status', 'items', 'score', 'email', 'nested'];

const schemaArb = fc.letrec<{ schema: object }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .record(
        {
          type: fc.constant('string'),
          minLength: fc.nat(30),
          extra: fc.nat(50),
          format: fc.constantFrom(undefined, 'email', 'uri', 'date', 'date-time', 'uuid', 'ipv4'),
        },
        { requiredKeys: ['type', 'minLength', 'extra'] },
      )
      .map(({ minLength, extra, format, type }) =>
        format ? { type, format } : { type, minLength, maxLength: minLength + extra },
      ),
    fc
      .record({
        type: fc.constantFrom('number', 'integer'),
        lo: fc.integer({ min: -1000, max: 1000 }),
        gap: fc.nat(500),
        multipleOf: fc.constantFrom(undefined, 2, 5, 7),
        exclusive: fc.boolean(),
      })
      .map(({ type, lo, gap, multipleOf, exclusive }) => {
        const span = gap + (multipleOf ?? 1) * 3 + 2;
        const bounds = exclusive
          ? { exclusiveMinimum: lo, exclusiveMaximum: lo + span }
          : { minimum: lo, maximum: lo + span };
        return { type, ...bounds, ...(multipleOf ? { multipleOf } : {}) };
      }),
    fc.constant({ type: 'boolean' }),
    fc.constant({ type: ['string', 'null'] }),
    fc.uniqueArray(fc.constantFrom('draft', 'published', 'solar', 'archived'), { minLength: 1 }).map((e) => ({
      enum: e,
    })),
    fc
      .record({ items: tie('schema'), minItems: fc.nat(4), extra: fc.nat(3) })
      .map(({ items, minItems, extra }) => ({ type: 'array', items, minItems, maxItems: minItems + extra })),
    fc
      .record({
        props: fc.uniqueArray(fc.tuple(fc.constantFrom(...NAMES), tie('schema')), {
          selector: ([k]) => k,
          maxLength: 4,
        }),
        closed: fc.boolean(),
        requireAll: fc.boolean(),
      })
      .map(({ props, closed, requireAll }) => ({
        type: 'object',
        properties: Object.fromEntries(props),
        required: requireAll ? props.map(([k]) => k) : props.slice(0, 1).map(([k]) => k),
        ...(closed ? { additionalProperties: false } : {}),
      })),
  ),
})).schema;

describe('jsonFromSchema', () => {
  it('produces values that validate against generated schemas (property test)', () => {
    fc.assert(
      fc.property(schemaArb, (schema) => {
        expectValid(schema, jsonFromSchema(schema, hints));
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(schemaArb, (schema) => {
        expect(JSON.stringify(jsonFromSchema(schema, hints))).toBe(
          JSON.stringify(jsonFromSchema(schema, hints)),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('fills named properties from the prompt and picks the enum value the prompt mentions', () => {
    const schema = {
      type: 'object',
      properties: {
        title: { type: 'string' },
        summary: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
        tone: { enum: ['formal', 'casual', 'solar'] },
      },
      required: ['title', 'summary', 'tags', 'tone'],
    };
    const value = jsonFromSchema(schema, hints) as Record<string, unknown>;
    expectValid(schema, value);
    expect(value.title).toBe('Solar Panels For Small Homes');
    expect(value.summary).toContain('solar panels');
    expect(value.tags).toContain('solar');
    expect(value.tone).toBe('solar');
  });

  it('follows $ref into #/$defs and #/definitions, including recursive ones', () => {
    const schema = {
      $defs: {
        node: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            children: { type: 'array', items: { $ref: '#/$defs/node' } },
          },
          required: ['name', 'children'],
        },
      },
      definitions: { price: { type: 'number', minimum: 10, maximum: 20 } },
      type: 'object',
      properties: { root: { $ref: '#/$defs/node' }, price: { $ref: '#/definitions/price' } },
      required: ['root', 'price'],
    };
    expectValid(schema, jsonFromSchema(schema, hints));
  });

  it('handles allOf, anyOf with null, prefixItems and minProperties', () => {
    const schema = {
      type: 'object',
      allOf: [{ properties: { a: { type: 'integer', minimum: 5 } }, required: ['a'] }, { required: ['b'] }],
      properties: { b: { anyOf: [{ type: 'null' }, { type: 'string', minLength: 3 }] } },
      minProperties: 4,
    };
    expectValid(schema, jsonFromSchema(schema, hints));
    const tuple = { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false };
    expect(jsonFromSchema(tuple, hints)).toEqual(['solar panels for small homes', 2]);
  });

  it('handles draft-07 tuple items with additionalItems false', () => {
    const draft7 = new Ajv({ strict: false });
    const schema = {
      type: 'array',
      items: [
        { type: 'string', minLength: 40 },
        { type: 'number', exclusiveMinimum: 3, maximum: 4 },
      ],
      additionalItems: false,
    };
    const value = jsonFromSchema(schema, hints);
    expect(draft7.validate(schema, value)).toBe(true);
    expect(value).toHaveLength(2);
  });

  it('rejects schemas it cannot satisfy with a clear error', () => {
    expect(() => jsonFromSchema({ $ref: 'https://example.com/x.json' }, hints)).toThrow(/local \$ref/);
    expect(() => jsonFromSchema({ $ref: '#/$defs/missing' }, hints)).toThrow(/points nowhere/);
    expect(() => jsonFromSchema({ type: 'integer', minimum: 1.2, maximum: 1.8 }, hints)).toThrow(
      /cannot be met/,
    );
    expect(() => jsonFromSchema(false, hints)).toThrow(/allows no value/);
  });
});
