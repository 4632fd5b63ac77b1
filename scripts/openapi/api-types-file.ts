import { fileURLToPath } from 'node:url';

/** Where the web app's generated API types live (imported by web/src/lib/api-client.ts). */
export const API_TYPES_FILE = fileURLToPath(new URL('../../web/src/lib/api-schema.gen.ts', import.meta.url));
