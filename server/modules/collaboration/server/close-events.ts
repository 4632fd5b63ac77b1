// Why a collaboration connection is refused, as WebSocket close events. The codes follow @hocuspocus/common's
// CloseEvents (4401 Unauthorized, 4403 Forbidden), so stock providers react to them; the reason says which case.
import { Forbidden, Unauthorized } from '@hocuspocus/common';

export type TCloseEvent = { code: number; reason: string };

/** Thrown from hooks: Hocuspocus reads `code` and `reason` from what it catches. */
export class CollabRefusal extends Error {
  readonly code: number;
  readonly reason: string;
  constructor(event: TCloseEvent, reason: string) {
    super(reason);
    this.code = event.code;
    this.reason = reason;
  }
}

export const unauthenticated = (why = 'authentication-required') => new CollabRefusal(Unauthorized, why);
/** Unknown documents and another organization's answer the same, so ids cannot be probed. */
export const documentNotFound = () => new CollabRefusal(Forbidden, 'document-not-found');
export const forbidden = (why = 'permission-denied') => new CollabRefusal(Forbidden, why);
