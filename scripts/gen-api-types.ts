// `npm run gen:api`: regenerates web/src/lib/api-schema.gen.ts from the server's OpenAPI document, so the web
// client's types follow every API change (scripts/openapi/api-types.test.ts fails while the file is stale).
import { writeFile } from 'node:fs/promises';
import { API_TYPES_FILE } from './openapi/api-types-file.ts';
import { loadOpenApiDocument } from './openapi/load-openapi-document.ts';
import { renderApiTypes } from './openapi/render-api-types.ts';

await writeFile(API_TYPES_FILE, await renderApiTypes(await loadOpenApiDocument()));
console.log(`wrote ${API_TYPES_FILE}`);
process.exit(0);
