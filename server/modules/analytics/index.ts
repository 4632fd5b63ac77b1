export { usageMetrics } from './schema.ts';
