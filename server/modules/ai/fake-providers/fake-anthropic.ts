// A fake Anthropic API on a real local port: POST /v1/messages (JSON, or the SSE event stream message_start →
// content_block_start/delta/stop → message_delta with usage → message_stop), x-api-key auth, Anthropic's error
// format, scripted faults.

import { readAnthropicCall } from './anthropic-call.ts';
import { anthropicStreamPlan } from './anthropic-stream.ts';
import { fakeAnswer, type TFakeAnswer } from './fake-answer.ts';
import { startFakeServer, type TFakeServer, type TFakeServerOptions, type TPlan } from './fake-server.ts';

export interface TFakeAnthropicOptions extends TFakeServerOptions {
  /** Replaces the default "Echo: <last user message>" text. */
  reply?: (lastUserText: string) => string;
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  429: 'rate_limit_error',
  503: 'overloaded_error',
  529: 'overloaded_error',
};

function errorBody(status: number, message: string) {
  return { type: 'error', error: { type: ERROR_TYPES[status] ?? 'api_error', message } };
}

const STOP_REASONS = { stop: 'end_turn', length: 'max_tokens', tool: 'tool_use' } as const;

function contentBlocks(answer: TFakeAnswer): object[] {
  const blocks: object[] = [];
  if (answer.text !== '' || !answer.toolCall) blocks.push({ type: 'text', text: answer.text });
  const call = answer.toolCall;
  if (call)
    blocks.push({
      type: 'tool_use',
      id: call.id.replace(/^call_/, 'toolu_'),
      name: call.name,
      input: JSON.parse(call.arguments),
    });
  return blocks;
}

export function startFakeAnthropic(options: TFakeAnthropicOptions = {}): Promise<TFakeServer> {
  return startFakeServer(
    {
      presentedKey: (headers) =>
        typeof headers['x-api-key'] === 'string' ? headers['x-api-key'] : undefined,
      errorBody,
      handle(request): TPlan {
        if (request.method !== 'POST' || request.path !== '/v1/messages') {
          return {
            kind: 'json',
            status: 404,
            body: errorBody(404, `Unknown route ${request.method} ${request.path}`),
          };
        }
        const call = readAnthropicCall(request.body);
        if (typeof call === 'string') return { kind: 'json', status: 400, body: errorBody(400, call) };
        const answer = fakeAnswer(call, options.reply);
        const id = `msg_fake_${request.index}`;
        if ((request.body as { stream?: boolean }).stream === true)
          return anthropicStreamPlan(id, call.model, answer);
        const body = {
          id,
          type: 'message',
          role: 'assistant',
          model: call.model,
          content: contentBlocks(answer),
          stop_reason: STOP_REASONS[answer.finish],
          stop_sequence: null,
          usage: { input_tokens: answer.inputTokens, output_tokens: answer.outputTokens },
        };
        return { kind: 'json', status: 200, body };
      },
    },
    options,
  );
}
