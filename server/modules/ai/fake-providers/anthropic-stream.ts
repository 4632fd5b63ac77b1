// The Anthropic SSE event sequence for one answer.
import type { TFakeAnswer } from './fake-answer.ts';
import type { TPlan } from './fake-server.ts';

const STOP = { stop: 'end_turn', length: 'max_tokens', tool: 'tool_use' } as const;

const event = (data: { type: string } & Record<string, unknown>) =>
  `event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`;

export function anthropicStreamPlan(id: string, model: string, answer: TFakeAnswer): TPlan {
  const usage = { input_tokens: answer.inputTokens, output_tokens: 1 };
  const message = {
    id,
    type: 'message',
    role: 'assistant',
    model,
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage,
  };
  const events = [event({ type: 'message_start', message })];
  let index = 0;
  if (answer.text !== '' || !answer.toolCall) {
    events.push(event({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } }));
    for (const piece of answer.text.match(/\s*\S+\s*/g) ?? []) {
      events.push(event({ type: 'content_block_delta', index, delta: { type: 'text_delta', text: piece } }));
    }
    events.push(event({ type: 'content_block_stop', index }));
    index += 1;
  }
  const call = answer.toolCall;
  if (call) {
    const block = { type: 'tool_use', id: call.id.replace(/^call_/, 'toolu_'), name: call.name, input: {} };
    events.push(event({ type: 'content_block_start', index, content_block: block }));
    const delta = { type: 'input_json_delta', partial_json: call.arguments };
    events.push(event({ type: 'content_block_delta', index, delta }));
    events.push(event({ type: 'content_block_stop', index }));
  }
  const stop = { stop_reason: STOP[answer.finish], stop_sequence: null };
  events.push(event({ type: 'message_delta', delta: stop, usage: { output_tokens: answer.outputTokens } }));
  return { kind: 'sse', events, terminator: event({ type: 'message_stop' }) };
}
