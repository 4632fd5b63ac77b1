// The collaboration module's public face (SPEC §8): Yjs documents over authenticated WebSockets.
export { COLLAB_DOCUMENT_KINDS, collabDocuments, collabUpdates } from './schema.ts';
