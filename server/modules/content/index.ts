export { CONTENT_STATUSES, contentItems } from './schema.ts';
