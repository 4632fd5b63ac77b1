// The collaboration module's public face (SPEC §8): Yjs documents over authenticated WebSockets.

export {
  COLLAB_MAX_PAYLOAD,
  type Collaboration,
  createCollaboration,
  type TParticipant,
} from './create-collaboration.ts';
export { COLLAB_DOCUMENT_KINDS, collabDocuments, collabUpdates } from './schema.ts';
export { COLLAB_PATH } from './server/attach.ts';
export { parseDocumentName, type TDocumentRef } from './server/document-name.ts';
