// The OpenAI-compatible gateway (SPEC §2): the official `openai` client works by changing its baseURL to /v1.
export { chatCompletionsRoute } from './chat-completions-route.ts';
export { modelsRoute, type TListedModel } from './models-route.ts';
export { ROUTE_MODEL_PREFIX } from './to-gateway-request.ts';
