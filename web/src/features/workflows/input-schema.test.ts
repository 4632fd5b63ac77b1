import { describe, expect, it } from 'vitest';
import { inputFields, parseInputValues, toInputSchema } from './input-schema.ts';

const schema = {
  type: 'object',
  required: ['topic'],
  properties: {
    topic: { type: 'string', minLength: 1 },
    count: { type: 'integer', default: 3 },
    tags: { type: 'array', items: { type: 'string' } },
  },
  additionalProperties: false,
};

describe('input schema fields', () => {
  it('reads the properties as fields and writes them back unchanged', () => {
    const fields = inputFields(schema);
    expect(fields.map((f) => [f.name, f.type, f.required])).toEqual([
      ['topic', 'string', true],
      ['count', 'integer', false],
      ['tags', 'array', false],
    ]);
    expect(toInputSchema(schema, fields)).toEqual(schema);
  });

  it('keeps keywords the list does not show when a field changes, and drops an empty schema', () => {
    const [topic] = inputFields(schema);
    if (!topic) throw new Error('fixture');
    const next = toInputSchema(schema, [{ ...topic, required: false }]);
    expect(next).toEqual({
      type: 'object',
      additionalProperties: false,
      properties: { topic: { type: 'string', minLength: 1 } },
    });
    expect(toInputSchema({ type: 'object', properties: {} }, [])).toBeUndefined();
    expect(inputFields(undefined)).toEqual([]);
  });

  it('turns the run form texts into typed values and reports the ones that do not parse', () => {
    const fields = inputFields(schema);
    expect(parseInputValues(fields, { topic: 'tides', count: '4', tags: '["a"]' })).toEqual({
      input: { topic: 'tides', count: 4, tags: ['a'] },
    });
    expect(parseInputValues(fields, { topic: 'x', count: 'four', tags: '[oops' })).toEqual({
      errors: { count: 'Not a number', tags: 'Not valid JSON (array)' },
    });
    // An empty optional field is left out rather than sent as "".
    expect(parseInputValues(fields, { topic: 'x' })).toEqual({ input: { topic: 'x' } });
  });
});
