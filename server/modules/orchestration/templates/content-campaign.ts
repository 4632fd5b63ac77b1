import type { TWorkflowTemplate } from './template-types.ts';

// Plan → one piece per channel → a scored review; the condition sends a weak campaign to a revision step and a
// strong one straight to its publishing plan, so only one of the two runs.
export const CONTENT_CAMPAIGN: TWorkflowTemplate = {
  id: 'content-campaign',
  name: 'Content marketing campaign',
  description:
    'Research the audience, plan a campaign, write a piece per channel, review it and revise if needed.',
  definition: {
    input: {
      type: 'object',
      required: ['product', 'goal'],
      properties: {
        product: { type: 'string', minLength: 1 },
        goal: { type: 'string', minLength: 1 },
        channels: { type: 'array', items: { type: 'string' }, default: ['blog', 'newsletter', 'linkedin'] },
      },
    },
    steps: [
      {
        id: 'audience',
        type: 'agent',
        requirements: { capabilities: ['research'] },
        prompt:
          'Describe the target audience of {{ input.product }}: who they are, their pains and where they read.',
      },
      {
        id: 'plan',
        type: 'agent',
        dependsOn: ['audience'],
        requirements: { capabilities: ['strategy'] },
        prompt:
          'Plan a campaign for {{ input.product }} with the goal "{{ input.goal }}". Audience: {{ steps.audience.output.text }}. Give a theme and one message per channel.',
        responseSchema: {
          type: 'object',
          properties: { theme: { type: 'string' }, messages: { type: 'array', items: { type: 'string' } } },
          required: ['theme', 'messages'],
        },
      },
      {
        id: 'briefs',
        type: 'transform',
        dependsOn: ['plan'],
        code: [
          "const channels = Array.isArray(input.channels) && input.channels.length ? input.channels : ['blog', 'newsletter', 'linkedin'];",
          'const messages = steps.plan.output.object.messages ?? [];',
          'return channels.map((channel, i) => ({ channel, message: messages[i % Math.max(messages.length, 1)] ?? steps.plan.output.object.theme }));',
        ].join('\n'),
      },
      {
        id: 'pieces',
        type: 'map',
        dependsOn: ['briefs', 'plan'],
        items: '{{ steps.briefs.output }}',
        concurrency: 3,
        step: {
          type: 'agent',
          requirements: { capabilities: ['content'] },
          prompt:
            'Write the {{ item.channel }} piece of the campaign "{{ steps.plan.output.object.theme }}". Key message: {{ item.message }}',
        },
      },
      {
        id: 'review',
        type: 'llm',
        dependsOn: ['pieces'],
        system: 'You are a strict marketing editor.',
        prompt:
          'Score this campaign from 0 to 10 for clarity and consistency and list fixes:\n{{ steps.pieces.output }}',
        responseSchema: {
          type: 'object',
          properties: {
            score: { type: 'number', minimum: 0, maximum: 10 },
            fixes: { type: 'array', items: { type: 'string' } },
          },
          required: ['score', 'fixes'],
        },
      },
      {
        id: 'gate',
        type: 'condition',
        dependsOn: ['review'],
        if: 'steps.review.output.object.score >= 7',
        // biome-ignore lint/suspicious/noThenProperty: a condition step's branch list (SPEC §5); an array, never a thenable.
        then: ['schedule'],
        else: ['revise'],
      },
      {
        id: 'revise',
        type: 'agent',
        requirements: { capabilities: ['editing'] },
        prompt:
          'Revise these campaign pieces:\n{{ steps.pieces.output }}\nApply these fixes: {{ steps.review.output.object.fixes }}',
      },
      {
        id: 'schedule',
        type: 'transform',
        // One piece a day from the day after approval; the content module turns days into calendar slots.
        code: 'return steps.pieces.output.map((piece, i) => ({ day: i + 1, piece: piece.text }));',
      },
    ],
  },
};
