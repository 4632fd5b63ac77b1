import type { TAppEnv } from '../../platform/http/index.ts';
import type { TActor } from './permissions/index.ts';

/** Who is calling: a user acting in one organization, and how they proved it. */
export type TActorContext = TActor & {
  authMethod: 'session' | 'jwt' | 'api_key';
  /** Set when authenticated by API key. */
  apiKeyId?: string;
};

/** Hono env of routes that run after authentication: `c.get('actor')` is always set. */
export type TIdentityEnv = {
  Variables: TAppEnv['Variables'] & { actor: TActorContext };
};
