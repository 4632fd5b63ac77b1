import { z } from 'zod';
import { ORG_ROLES } from '../permissions/index.ts';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from './constants.ts';

/** The claims of a FlashFusion access token (SPEC §2), checked after the signature. */
export const ZAccessTokenClaimsSchema = z
  .object({
    sub: z.uuid(),
    org: z.uuid(),
    role: z.enum(ORG_ROLES),
    permissions: z.array(z.string()),
    scope: z.array(z.string()),
    iat: z.number().int(),
    exp: z.number().int(),
    iss: z.literal(TOKEN_ISSUER),
    aud: z.literal(TOKEN_AUDIENCE),
  })
  .strict();
export type TAccessTokenClaims = z.infer<typeof ZAccessTokenClaimsSchema>;

/** What a membership grants in a token: resolved at issue and again at every refresh. */
export type TTokenGrant = {
  orgRole: TAccessTokenClaims['role'];
  permissions: readonly string[];
  scope: readonly string[];
};
