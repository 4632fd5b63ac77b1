export { aiGenerations } from './schema.ts';
