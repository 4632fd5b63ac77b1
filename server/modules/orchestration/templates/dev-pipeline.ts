import type { TWorkflowTemplate } from './template-types.ts';

// SPEC §5: requirements → architecture → code → tests → deploy. Structured outputs let later steps read fields
// (stories, components, files); a condition keeps the deploy plan behind a passing test review.
export const DEV_PIPELINE: TWorkflowTemplate = {
  id: 'dev-pipeline',
  name: 'Development pipeline',
  description: 'Turn an idea into requirements, an architecture, code, tests and a deployment plan.',
  definition: {
    input: {
      type: 'object',
      required: ['idea'],
      properties: {
        idea: { type: 'string', minLength: 1 },
        stack: { type: 'string', default: 'TypeScript, Hono, PostgreSQL, React' },
        environment: { type: 'string', enum: ['preview', 'staging', 'production'], default: 'preview' },
      },
    },
    steps: [
      {
        id: 'requirements',
        type: 'agent',
        requirements: { capabilities: ['requirements'] },
        prompt: 'Write user stories with acceptance criteria for: {{ input.idea }}',
        responseSchema: {
          type: 'object',
          properties: {
            stories: {
              type: 'array',
              minItems: 1,
              items: {
                type: 'object',
                properties: {
                  story: { type: 'string' },
                  acceptance: { type: 'array', items: { type: 'string' } },
                },
                required: ['story', 'acceptance'],
              },
            },
          },
          required: ['stories'],
        },
      },
      {
        id: 'architecture',
        type: 'agent',
        dependsOn: ['requirements'],
        requirements: { capabilities: ['architecture'] },
        prompt:
          'Design the architecture ({{ input.stack }}) for these stories: {{ steps.requirements.output.object.stories }}',
        responseSchema: {
          type: 'object',
          properties: {
            components: { type: 'array', items: { type: 'string' }, minItems: 1 },
            dataModel: { type: 'string' },
          },
          required: ['components', 'dataModel'],
        },
      },
      {
        id: 'code',
        type: 'map',
        dependsOn: ['architecture'],
        items: '{{ steps.architecture.output.object.components }}',
        concurrency: 2,
        step: {
          type: 'llm',
          system: 'You are a senior engineer. Answer with code only.',
          prompt:
            'Implement the component "{{ item }}" ({{ input.stack }}). Data model: {{ steps.architecture.output.object.dataModel }}',
          maxOutputTokens: 2000,
        },
      },
      {
        id: 'tests',
        type: 'llm',
        dependsOn: ['code', 'requirements'],
        system: 'You are a test engineer.',
        prompt:
          'Write tests for this code covering the acceptance criteria {{ steps.requirements.output.object.stories }}:\n{{ steps.code.output }}',
        responseSchema: {
          type: 'object',
          properties: {
            tests: { type: 'array', items: { type: 'string' } },
            coverage: { type: 'number', minimum: 0, maximum: 100 },
          },
          required: ['tests', 'coverage'],
        },
      },
      {
        id: 'ready',
        type: 'condition',
        dependsOn: ['tests'],
        if: 'Array.isArray(steps.tests.output.object.tests) && steps.tests.output.object.tests.length > 0',
        // biome-ignore lint/suspicious/noThenProperty: a condition step's branch list (SPEC §5); an array, never a thenable.
        then: ['deploy'],
        else: ['report'],
      },
      {
        id: 'deploy',
        type: 'agent',
        requirements: { capabilities: ['deployment'] },
        prompt:
          'Write the deployment plan to {{ input.environment }} for components {{ steps.architecture.output.object.components }}, with rollback steps.',
      },
      {
        id: 'report',
        type: 'transform',
        code: "return { deployable: false, reason: 'No tests were produced', components: steps.architecture.output.object.components };",
      },
    ],
  },
};
