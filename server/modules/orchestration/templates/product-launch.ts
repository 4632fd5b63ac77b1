import type { TWorkflowTemplate } from './template-types.ts';

// Positioning → messaging → a timed sequence of announcements; the transform lays the sequence out around the
// launch day and the map writes each message; a condition adds developer docs only for technical audiences.
export const PRODUCT_LAUNCH: TWorkflowTemplate = {
  id: 'product-launch',
  name: 'Product launch sequence',
  description:
    'Position a product, write its messaging and a teaser → launch → follow-up announcement sequence.',
  definition: {
    input: {
      type: 'object',
      required: ['product', 'launchDate'],
      properties: {
        product: { type: 'string', minLength: 1 },
        launchDate: { type: 'string', format: 'date' },
        audience: { type: 'string', default: 'early adopters' },
        technical: { type: 'boolean', default: false },
      },
    },
    steps: [
      {
        id: 'positioning',
        type: 'agent',
        requirements: { capabilities: ['research'] },
        prompt:
          'Analyse the market for {{ input.product }} aimed at {{ input.audience }}: competitors, gap, unique value.',
      },
      {
        id: 'messaging',
        type: 'llm',
        dependsOn: ['positioning'],
        system: 'You are a product marketing lead.',
        prompt:
          'From this positioning, write the launch messaging of {{ input.product }}:\n{{ steps.positioning.output.text }}',
        responseSchema: {
          type: 'object',
          properties: {
            headline: { type: 'string' },
            tagline: { type: 'string' },
            keyMessages: { type: 'array', items: { type: 'string' }, minItems: 3, maxItems: 5 },
          },
          required: ['headline', 'tagline', 'keyMessages'],
        },
      },
      {
        id: 'sequence',
        type: 'transform',
        dependsOn: ['messaging'],
        code: [
          'const plan = [',
          "  { phase: 'teaser', offsetDays: -7, channel: 'email' },",
          "  { phase: 'announcement', offsetDays: 0, channel: 'blog' },",
          "  { phase: 'launch-post', offsetDays: 0, channel: 'social' },",
          "  { phase: 'follow-up', offsetDays: 3, channel: 'email' },",
          '];',
          'return plan.map((p) => ({ ...p, launchDate: input.launchDate, headline: steps.messaging.output.object.headline }));',
        ].join('\n'),
      },
      {
        id: 'announcements',
        type: 'map',
        dependsOn: ['sequence', 'messaging'],
        items: '{{ steps.sequence.output }}',
        concurrency: 2,
        step: {
          type: 'agent',
          requirements: { capabilities: ['writing'] },
          prompt:
            'Write the {{ item.phase }} {{ item.channel }} message for {{ input.product }}, {{ item.offsetDays }} days from launch on {{ item.launchDate }}. Headline: {{ item.headline }}. Key messages: {{ steps.messaging.output.object.keyMessages }}',
        },
      },
      {
        id: 'technical',
        type: 'condition',
        dependsOn: ['messaging'],
        if: 'input.technical === true',
        // biome-ignore lint/suspicious/noThenProperty: a condition step's branch list (SPEC §5); an array, never a thenable.
        then: ['devdocs'],
      },
      {
        id: 'devdocs',
        type: 'llm',
        prompt:
          'Write a getting-started guide outline for developers adopting {{ input.product }}: {{ steps.messaging.output.object.tagline }}',
        onError: 'continue',
      },
    ],
    output: {
      messaging: '{{ steps.messaging.output.object }}',
      announcements: '{{ steps.announcements.output }}',
    },
  },
};
