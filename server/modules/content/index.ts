export { contentItemResource } from './content-item-resource.ts';
export { CONTENT_STATUSES, contentItems } from './schema.ts';
