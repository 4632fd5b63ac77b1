import { describe, expect, it } from 'vitest';
import { validateDefinition } from '../definition/index.ts';
import { WORKFLOW_TEMPLATES } from './index.ts';

const none = { resolveAgent: async () => false, resolveWorkflow: async () => false };

describe('workflow templates', () => {
  it('ships the four templates of SPEC §5 with distinct ids', () => {
    expect(WORKFLOW_TEMPLATES.map((t) => t.name)).toEqual([
      'Blog post → social posts',
      'Content marketing campaign',
      'Product launch sequence',
      'Development pipeline',
    ]);
    expect(new Set(WORKFLOW_TEMPLATES.map((t) => t.id)).size).toBe(4);
  });

  it.each(WORKFLOW_TEMPLATES.map((t) => [t.id, t] as const))(
    '%s passes validateDefinition unchanged',
    async (_id, t) => {
      const r = await validateDefinition(JSON.parse(JSON.stringify(t.definition)), none);
      expect(r).toEqual({ ok: true, definition: t.definition });
    },
  );

  it('uses llm, agent, transform, condition and map steps between them', () => {
    const types = new Set(WORKFLOW_TEMPLATES.flatMap((t) => t.definition.steps.map((s) => s.type)));
    for (const type of ['llm', 'agent', 'transform', 'condition', 'map']) expect(types).toContain(type);
  });
});
