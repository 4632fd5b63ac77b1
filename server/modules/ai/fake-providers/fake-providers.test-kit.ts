// Public face of the AI test kit: fake provider servers with scripted faults.
export { startFakeAnthropic, type TFakeAnthropicOptions } from './fake-anthropic.ts';
export { startFakeOpenAI, type TFakeOpenAIOptions } from './fake-openai.ts';
export type { TFakeServer } from './fake-server.ts';
export type { TFault, TFaultScript, TRecordedRequest } from './fault-script.ts';
