import type { TWorkflowTemplate } from './template-types.ts';

// Research → long post → per-platform posts: the map fans out to as many platforms as the input names, and a
// transform turns platform names into the length limits of SPEC §6 so each post is written to fit.
export const BLOG_TO_SOCIAL: TWorkflowTemplate = {
  id: 'blog-to-social',
  name: 'Blog post → social posts',
  description:
    'Research a topic, write a blog post, then a post for each social platform within its length limit.',
  definition: {
    input: {
      type: 'object',
      required: ['topic'],
      properties: {
        topic: { type: 'string', minLength: 1 },
        audience: { type: 'string', default: 'general readers' },
        platforms: { type: 'array', items: { type: 'string' }, default: ['x', 'linkedin', 'bluesky'] },
      },
    },
    steps: [
      {
        id: 'research',
        type: 'agent',
        requirements: { capabilities: ['research'] },
        prompt: 'List the key points, facts and angles a blog post about "{{ input.topic }}" should cover.',
        responseSchema: {
          type: 'object',
          properties: { points: { type: 'array', items: { type: 'string' }, minItems: 3, maxItems: 8 } },
          required: ['points'],
        },
        retry: { attempts: 2, backoffMs: 1000 },
      },
      {
        id: 'draft',
        type: 'agent',
        dependsOn: ['research'],
        requirements: { capabilities: ['writing'] },
        prompt:
          'Write a blog post of about 600 words on "{{ input.topic }}" covering these points: {{ steps.research.output.object.points }}.',
      },
      {
        id: 'platforms',
        type: 'transform',
        dependsOn: ['draft'],
        code: [
          'const limits = { x: 280, bluesky: 300, threads: 500, mastodon: 500, linkedin: 3000, instagram: 2200, facebook: 2000 };',
          "const names = Array.isArray(input.platforms) && input.platforms.length ? input.platforms : ['x', 'linkedin', 'bluesky'];",
          'return names.map((platform) => ({ platform, limit: limits[platform] ?? 500 }));',
        ].join('\n'),
      },
      {
        id: 'social',
        type: 'map',
        dependsOn: ['platforms', 'draft'],
        items: '{{ steps.platforms.output }}',
        concurrency: 3,
        step: {
          type: 'llm',
          system: 'You write engaging social media posts that fit the platform.',
          prompt:
            'Write one {{ item.platform }} post of at most {{ item.limit }} characters promoting this blog post:\n{{ steps.draft.output.text }}',
          maxOutputTokens: 400,
        },
      },
    ],
    output: { post: '{{ steps.draft.output.text }}', social: '{{ steps.social.output }}' },
  },
};
