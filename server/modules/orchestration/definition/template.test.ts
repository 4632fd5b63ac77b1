import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TScope } from '../types.ts';
import { renderTemplate, TemplateError, tryRenderTemplate } from './template.ts';

const scope: TScope = {
  input: { topic: 'AI', n: 3, tags: ['a', 'b'], nested: { deep: { x: null } } },
  steps: { 'my-step': { output: { summary: 'S', items: [{ t: 1 }] }, status: 'succeeded' } },
  item: { title: 'T' },
  index: 0,
};

describe('renderTemplate', () => {
  it('yields the raw value for a lone tag and interpolates mixed text', () => {
    expect(renderTemplate('{{ input.n }}', scope)).toBe(3);
    expect(renderTemplate('{{input.tags}}', scope)).toEqual(['a', 'b']);
    expect(renderTemplate('{{ input.nested.deep.x }}', scope)).toBeNull();
    expect(renderTemplate('n={{ input.n }} tags={{ input.tags }}', scope)).toBe('n=3 tags=["a","b"]');
    expect(renderTemplate('{{ steps["my-step"].output.items[0].t }}', scope)).toBe(1);
    expect(renderTemplate("{{ steps['my-step'].output.summary }}/{{ steps.my-step.status }}", scope)).toBe(
      'S/succeeded',
    );
    expect(renderTemplate('{{ index }} {{ item.title }} {{ input.tags.length }}', scope)).toBe('0 T 2');
  });

  it('renders objects and arrays deeply and leaves non-strings alone', () => {
    expect(
      renderTemplate({ a: ['{{ input.topic }}', 5, null, { b: '{{ input.n }}' }], c: true }, scope),
    ).toEqual({
      a: ['AI', 5, null, { b: 3 }],
      c: true,
    });
  });

  it('throws naming a missing path, refuses prototype access and code', () => {
    expect(() => renderTemplate('x {{ input.nope }}', scope)).toThrow(/input\.nope/);
    expect(() => renderTemplate('{{ input.topic.constructor }}', scope)).toThrow(TemplateError);
    expect(() => renderTemplate('{{ input.__proto__ }}', scope)).toThrow(TemplateError);
    expect(() => renderTemplate('{{ input.tags[5] }}', scope)).toThrow(/input\.tags\[5\]/);
    expect(() => renderTemplate('{{ process.exit(1) }}', scope)).toThrow(/Invalid template path/);
    expect(() => renderTemplate('{{ }}', scope)).toThrow(TemplateError);
    expect(tryRenderTemplate('{{ steps.gone.output }}', scope)).toEqual({
      ok: false,
      error: expect.stringContaining('steps.gone.output'),
    });
  });

  it('property: text without tags renders to itself', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('{{')),
        (s) => renderTemplate(s, scope) === s,
      ),
    );
  });

  it('property: a lone tag returns the exact value stored at any generated path', () => {
    const key = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,8}$/).filter((k) => k !== '__proto__');
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 5 }), fc.jsonValue(), (keys, leaf) => {
        fc.pre(leaf !== null || true);
        const input = keys.reduceRight<unknown>((acc, k) => ({ [k]: acc }), leaf);
        const s: TScope = { input, steps: {} };
        const path = `input.${keys.join('.')}`;
        expect(renderTemplate(`{{ ${path} }}`, s)).toStrictEqual(leaf);
        const text = renderTemplate(`<{{ ${path} }}>`, s);
        expect(text).toBe(
          `<${typeof leaf === 'string' ? leaf : leaf !== null && typeof leaf === 'object' ? JSON.stringify(leaf) : String(leaf)}>`,
        );
      }),
    );
  });

  it('property: a path that leaves the data is always an error naming it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,8}$/), (k) => {
        fc.pre(k !== 'topic' && k !== 'n' && k !== 'tags' && k !== 'nested');
        const r = tryRenderTemplate(`a {{ input.${k} }} b`, scope);
        return !r.ok && r.error.includes(`input.${k}`);
      }),
    );
  });
});
