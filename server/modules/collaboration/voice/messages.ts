import { z } from 'zod';

/** The longest signalling message accepted: an SDP with many candidates is ~10 KiB; 64 KiB leaves room. */
export const MAX_SIGNAL_BYTES = 64 * 1024;

// A peer is one connection (a socket id), not a user: the same person may join from two devices.
const ZPeerIdSchema = z.string().min(1).max(64);
const ZSdpSchema = z.string().min(1).max(MAX_SIGNAL_BYTES);

/** What a client may send on a project room (SPEC §8 voice rooms). */
export const ZVoiceClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('voice_start') }).strict(),
  z.object({ type: z.literal('offer'), to: ZPeerIdSchema, sdp: ZSdpSchema }).strict(),
  z.object({ type: z.literal('answer'), to: ZPeerIdSchema, sdp: ZSdpSchema }).strict(),
  z
    .object({
      type: z.literal('ice_candidate'),
      to: ZPeerIdSchema,
      // RTCIceCandidateInit; null candidate = end of candidates.
      candidate: z
        .object({
          candidate: z.string().max(4096),
          sdpMid: z.string().max(64).nullish(),
          sdpMLineIndex: z.number().int().min(0).max(1024).nullish(),
          usernameFragment: z.string().max(256).nullish(),
        })
        .strict()
        .nullable(),
    })
    .strict(),
  z.object({ type: z.literal('leave') }).strict(),
]);
export type TVoiceClientMessage = z.infer<typeof ZVoiceClientMessageSchema>;

/** A member of a voice room as the others see them (names and colours come from awareness). */
export type TVoicePeer = { peerId: string; userId: string };

export const VOICE_ERROR_CODES = [
  'INVALID_MESSAGE',
  'MESSAGE_TOO_LARGE',
  'NOT_A_MEMBER',
  'NOT_IN_ROOM',
  'PEER_NOT_FOUND',
] as const;
export type TVoiceErrorCode = (typeof VOICE_ERROR_CODES)[number];

/** What the server sends: the room's roster changes, relayed signals (stamped with the sender), refusals. */
export type TVoiceServerMessage =
  | { type: 'voice_peers'; self: string; peers: TVoicePeer[] }
  | { type: 'voice_joined'; peer: TVoicePeer }
  | { type: 'voice_left'; peerId: string }
  | { type: 'offer' | 'answer'; from: string; fromUserId: string; sdp: string }
  | {
      type: 'ice_candidate';
      from: string;
      fromUserId: string;
      candidate: Extract<TVoiceClientMessage, { type: 'ice_candidate' }>['candidate'];
    }
  | { type: 'voice_error'; code: TVoiceErrorCode; message: string };

/** Parses one inbound stateless payload; the error says what was wrong without echoing the payload. */
export function parseVoiceMessage(
  payload: string,
): { ok: true; message: TVoiceClientMessage } | { ok: false; code: TVoiceErrorCode; message: string } {
  if (Buffer.byteLength(payload, 'utf8') > MAX_SIGNAL_BYTES) {
    return {
      ok: false,
      code: 'MESSAGE_TOO_LARGE',
      message: `Signalling messages are limited to ${MAX_SIGNAL_BYTES} bytes`,
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(payload);
  } catch {
    return { ok: false, code: 'INVALID_MESSAGE', message: 'Signalling messages must be JSON' };
  }
  const parsed = ZVoiceClientMessageSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return {
      ok: false,
      code: 'INVALID_MESSAGE',
      message: `Invalid signalling message: ${where}${issue?.message ?? 'invalid'}`,
    };
  }
  return { ok: true, message: parsed.data };
}
