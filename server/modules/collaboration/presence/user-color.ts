import { createHash } from 'node:crypto';

// Twelve hues far enough apart to tell cursors apart on a light or a dark editor background.
const PALETTE = [
  '#e6194b',
  '#3cb44b',
  '#4363d8',
  '#f58231',
  '#911eb4',
  '#42d4f4',
  '#f032e6',
  '#469990',
  '#9a6324',
  '#800000',
  '#808000',
  '#000075',
] as const;

/**
 * The colour of a user's cursor and avatar ring: the same user gets the same colour in every document, on
 * every process and after every restart, so it is derived from the id rather than assigned on arrival.
 */
export function colorForUser(userId: string): string {
  const digest = createHash('sha256').update(userId).digest();
  return PALETTE[digest.readUInt32BE(0) % PALETTE.length] as string;
}
