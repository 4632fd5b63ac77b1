// A fake OpenAI API on a real local port: POST /v1/chat/completions (JSON, or SSE with `data: [DONE]` and the
// stream_options.include_usage chunk), GET /v1/models, Bearer auth, OpenAI's error format, scripted faults.
import { fakeAnswer, type TFakeAnswer } from './fake-answer.ts';
import { startFakeServer, type TFakeServer, type TFakeServerOptions, type TPlan } from './fake-server.ts';
import { readOpenAICall } from './openai-call.ts';

export interface TFakeOpenAIOptions extends TFakeServerOptions {
  /** Ids listed by GET /v1/models (default ['gpt-4o-mini', 'gpt-4o']). */
  models?: string[];
  /** Replaces the default "Echo: <last user message>" text. */
  reply?: (lastUserText: string) => string;
}

const ERROR_TYPES: Record<number, [string, string | null]> = {
  400: ['invalid_request_error', null],
  401: ['invalid_request_error', 'invalid_api_key'],
  404: ['invalid_request_error', 'not_found'],
  429: ['rate_limit_exceeded', 'rate_limit_exceeded'],
};

function errorBody(status: number, message: string) {
  const [type, code] = ERROR_TYPES[status] ?? ['server_error', null];
  return { error: { message, type, param: null, code } };
}

const FINISH = { stop: 'stop', length: 'length', tool: 'tool_calls' } as const;

function usage(answer: TFakeAnswer) {
  const { inputTokens: p, outputTokens: c } = answer;
  return { prompt_tokens: p, completion_tokens: c, total_tokens: p + c };
}

function toolCalls(answer: TFakeAnswer) {
  const call = answer.toolCall;
  return call
    ? [{ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } }]
    : undefined;
}

function streamPlan(id: string, model: string, answer: TFakeAnswer, includeUsage: boolean): TPlan {
  const created = Math.floor(Date.now() / 1000);
  const frame = (choices: unknown[], extra: object = {}) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices, ...extra })}\n\n`;
  const delta = (d: object, finish: string | null = null) => ({ index: 0, delta: d, finish_reason: finish });
  const events = [frame([delta({ role: 'assistant', content: '' })])];
  // Words as deltas, like a real model streaming tokens.
  for (const piece of answer.text.match(/\s*\S+\s*/g) ?? []) events.push(frame([delta({ content: piece })]));
  const call = answer.toolCall;
  if (call) {
    const head = { index: 0, id: call.id, type: 'function', function: { name: call.name, arguments: '' } };
    events.push(frame([delta({ tool_calls: [head] })]));
    events.push(frame([delta({ tool_calls: [{ index: 0, function: { arguments: call.arguments } }] })]));
  }
  events.push(frame([delta({}, FINISH[answer.finish])]));
  if (includeUsage) events.push(frame([], { usage: usage(answer) }));
  return { kind: 'sse', events, terminator: 'data: [DONE]\n\n' };
}

export function startFakeOpenAI(options: TFakeOpenAIOptions = {}): Promise<TFakeServer> {
  const models = options.models ?? ['gpt-4o-mini', 'gpt-4o'];
  return startFakeServer(
    {
      presentedKey: (headers) => /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1],
      errorBody,
      handle(request): TPlan {
        if (request.method === 'GET' && request.path === '/v1/models') {
          const data = models.map((id) => ({
            id,
            object: 'model',
            created: 1_700_000_000,
            owned_by: 'fake',
          }));
          return { kind: 'json', status: 200, body: { object: 'list', data } };
        }
        if (request.method !== 'POST' || request.path !== '/v1/chat/completions') {
          return {
            kind: 'json',
            status: 404,
            body: errorBody(404, `Unknown route ${request.method} ${request.path}`),
          };
        }
        const call = readOpenAICall(request.body);
        if (typeof call === 'string') return { kind: 'json', status: 400, body: errorBody(400, call) };
        const answer = fakeAnswer(call, options.reply);
        const id = `chatcmpl-fake-${request.index}`;
        const body = request.body as { stream?: boolean; stream_options?: { include_usage?: boolean } };
        if (body.stream === true)
          return streamPlan(id, call.model, answer, body.stream_options?.include_usage === true);
        const message = {
          role: 'assistant',
          content: answer.toolCall ? null : answer.text,
          tool_calls: toolCalls(answer),
        };
        const choice = { index: 0, message, finish_reason: FINISH[answer.finish], logprobs: null };
        const created = Math.floor(Date.now() / 1000);
        return {
          kind: 'json',
          status: 200,
          body: {
            id,
            object: 'chat.completion',
            created,
            model: call.model,
            choices: [choice],
            usage: usage(answer),
          },
        };
      },
    },
    options,
  );
}
