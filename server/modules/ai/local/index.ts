// Public face of the built-in offline model.
export { createLocalModel, LOCAL_MODEL_ID } from './create-local-model.ts';
export { hintsFrom, jsonFromSchema } from './json-from-schema.ts';
export { countTokens, tokenize, truncateTokens } from './tokenize.ts';
