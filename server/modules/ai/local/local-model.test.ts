import { generateText, jsonSchema, Output, stepCountIs, streamText, tool } from 'ai';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLocalModel } from './create-local-model.ts';
import { countTokens } from './tokenize.ts';

const model = createLocalModel();

describe('local model: text', () => {
  it('identifies itself and is deterministic byte for byte', async () => {
    expect([model.provider, model.modelId, model.specificationVersion]).toEqual(['local', 'local', 'v4']);
    const ask = () =>
      generateText({ model, system: 'Be brief.', prompt: 'Explain how tide pools support marine life.' });
    const [a, b] = [await ask(), await ask()];
    expect(a.text).toBe(b.text);
    expect(a.text).toContain('not an LLM');
    expect(a.text).toContain('tide pools');
    expect(a.finishReason).toBe('stop');
  });

  it('writes a short tweet mentioning the subject', async () => {
    const { text } = await generateText({ model, prompt: 'Write a tweet about the Lisbon tram network' });
    expect(text.length).toBeLessThanOrEqual(280);
    expect(text).toContain('The Lisbon Tram Network');
    expect(text).toMatch(/#lisbon/);
  });

  it('outlines, lists and summarises by rule', async () => {
    const outline = await generateText({
      model,
      prompt: 'Create an outline for a talk about compost and soil health',
    });
    expect(outline.text.split('\n').filter((l) => /^\d+\. /.test(l)).length).toBeGreaterThanOrEqual(3);
    const list = await generateText({ model, prompt: 'List ideas for rainy weekend cooking projects' });
    expect(list.text).toMatch(/^- /m);
    const summary = await generateText({
      model,
      prompt: 'Summarize: Bees pollinate crops. Without them yields fall. Farmers rent hives each spring.',
    });
    expect(summary.text).toContain('Bees pollinate crops. Without them yields fall.');
    expect(summary.text).not.toContain('rent hives');
  });

  it('counts usage with the exported tokenizer and stops at maxOutputTokens with finishReason length', async () => {
    const prompt = 'Explain the water cycle for children';
    const full = await generateText({ model, prompt });
    expect(full.usage.inputTokens).toBe(countTokens(prompt));
    expect(full.usage.outputTokens).toBe(countTokens(full.text));
    const cut = await generateText({ model, prompt, maxOutputTokens: 5 });
    expect(cut.finishReason).toBe('length');
    expect(cut.usage.outputTokens).toBe(5);
    expect(full.text.startsWith(cut.text)).toBe(true);
  });
});

describe('local model: determinism', () => {
  it('gives byte-identical answers and tokenizer-counted usage for any prompt (property test)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.lorem({ maxCount: 30 }),
        fc.option(fc.integer({ min: 1, max: 40 })),
        async (prompt, max) => {
          const options = { model, prompt, maxOutputTokens: max ?? undefined };
          const [a, b] = [await generateText(options), await generateText(options)];
          expect(a.text).toBe(b.text);
          expect(a.usage.inputTokens).toBe(countTokens(prompt));
          expect(a.usage.outputTokens).toBe(countTokens(a.text));
          if (max !== null) expect(a.usage.outputTokens).toBeLessThanOrEqual(max);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('local model: JSON', () => {
  it('fails a call whose schema cannot be satisfied, saying why', async () => {
    const schema = jsonSchema({
      type: 'object',
      properties: { n: { type: 'integer', minimum: 1.1, maximum: 1.9 } },
      required: ['n'],
    });
    await expect(generateText({ model, output: Output.object({ schema }), prompt: 'x' })).rejects.toThrow(
      /cannot be met/,
    );
  });

  it('answers Output.object with a value the AI SDK validates, derived from the prompt', async () => {
    const schema = z.object({
      title: z.string().min(3),
      summary: z.string(),
      sentiment: z.enum(['positive', 'negative', 'neutral']),
      rating: z.number().int().min(1).max(5),
      tags: z.array(z.string()).min(1).max(4),
      author: z.object({ email: z.email(), verified: z.boolean() }),
      published: z.iso.date().nullable(),
    });
    const { output } = await generateText({
      model,
      output: Output.object({ schema }),
      prompt: 'Review about a negative experience with noisy headphones',
    });
    expect(output.title).toBe('A Negative Experience With Noisy Headphones');
    expect(output.sentiment).toBe('negative');
    expect(output.tags.length).toBeGreaterThanOrEqual(1);
  });
});

const weather = tool({
  description: 'Get the current weather for a city',
  inputSchema: z.object({ city: z.string(), unit: z.enum(['celsius', 'fahrenheit']) }),
  execute: async ({ city, unit }) => ({ city, unit, temperature: 21 }),
});
const calendar = tool({
  description: 'Create a calendar event',
  inputSchema: z.object({ title: z.string(), date: z.iso.date() }),
});

describe('local model: tools', () => {
  it('calls the matching tool with valid input, then answers with its result', async () => {
    const result = await generateText({
      model,
      tools: { weather, calendar },
      stopWhen: stepCountIs(3),
      prompt: 'What is the weather in Porto in celsius?',
    });
    const first = result.steps[0];
    expect(first?.toolCalls.map((c) => c.toolName)).toEqual(['weather']);
    expect(first?.toolCalls[0]?.input).toEqual({ city: 'Porto', unit: 'celsius' });
    expect(result.text).toContain('weather returned: {"city":"Porto","unit":"celsius","temperature":21}');
    expect(result.finishReason).toBe('stop');
  });

  it('honours toolChoice none, required and a named tool', async () => {
    const prompt = 'What is the weather in Porto?';
    const none = await generateText({ model, tools: { weather }, toolChoice: 'none', prompt });
    expect(none.toolCalls).toEqual([]);
    const unrelated = await generateText({ model, tools: { calendar }, prompt: 'Tell me a joke' });
    expect(unrelated.toolCalls).toEqual([]);
    const required = await generateText({
      model,
      tools: { calendar },
      toolChoice: 'required',
      prompt: 'Tell me a joke',
    });
    expect(required.toolCalls.map((c) => c.toolName)).toEqual(['calendar']);
    const named = await generateText({
      model,
      tools: { weather, calendar },
      toolChoice: { type: 'tool', toolName: 'calendar' },
      prompt,
    });
    expect(named.toolCalls.map((c) => c.toolName)).toEqual(['calendar']);
    expect(named.finishReason).toBe('tool-calls');
  });

  it('rejects a toolChoice naming an absent tool', async () => {
    await expect(
      model.doGenerate({
        prompt: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
        toolChoice: { type: 'tool', toolName: 'missing' },
      }),
    ).rejects.toThrow(/not among the given tools/);
  });
});

describe('local model: streaming', () => {
  it('streams word-sized deltas that add up to the generated text, with usage', async () => {
    const prompt = 'Explain why the sky looks blue at noon';
    const generated = await generateText({ model, prompt });
    const result = streamText({ model, prompt });
    const deltas: string[] = [];
    for await (const delta of result.textStream) deltas.push(delta);
    expect(deltas.length).toBe(countTokens(generated.text));
    expect(deltas.join('')).toBe(generated.text);
    expect((await result.usage).outputTokens).toBe(generated.usage.outputTokens);
  });

  it('emits the protocol parts in order, including a tool call', async () => {
    const { stream } = await model.doStream({
      prompt: [{ role: 'user', content: [{ type: 'text', text: 'weather in Oslo' }] }],
      tools: [
        {
          type: 'function',
          name: 'weather',
          description: 'weather of a city',
          inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        },
      ],
    });
    const types: string[] = [];
    for await (const part of stream) types.push(part.type);
    expect(types).toEqual([
      'stream-start',
      'response-metadata',
      'tool-input-start',
      'tool-input-delta',
      'tool-input-end',
      'tool-call',
      'finish',
    ]);
  });

  it('stops with an abort error when the signal fires mid-stream, and refuses an already-aborted call', async () => {
    const controller = new AbortController();
    const { stream } = await model.doStream({
      prompt: [
        { role: 'user', content: [{ type: 'text', text: 'Explain photosynthesis in plants and algae' }] },
      ],
      abortSignal: controller.signal,
    });
    const reader = stream.getReader();
    await reader.read();
    await reader.read();
    controller.abort(new Error('caller went away'));
    await expect(reader.read()).rejects.toThrow('caller went away');
    await expect(model.doGenerate({ prompt: [], abortSignal: controller.signal })).rejects.toThrow(
      'caller went away',
    );
  });
});
