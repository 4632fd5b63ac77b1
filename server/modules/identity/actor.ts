import type { TAppEnv } from '../../platform/http/index.ts';
import type { TActor } from './permissions/index.ts';

/** Who is calling: a user acting in one organization, and how they proved it. */
export type TActorContext = TActor & {
  authMethod: 'session' | 'jwt' | 'api_key';
  /** Set when authenticated by API key. */
  apiKeyId?: string;
};

/** The authenticated person, whether or not they act in an organization yet (onboarding). */
export type TUser = {
  id: string;
  email: string;
  authMethod: TActorContext['authMethod'];
  sessionId?: string;
};

/** Hono env of routes that run after authentication: `c.get('actor')` is always set. */
export type TIdentityEnv = {
  Variables: TAppEnv['Variables'] & { actor: TActorContext; user: TUser };
};

/** Hono env of routes for a signed-in user who may not belong to any organization yet. */
export type TUserEnv = {
  Variables: TAppEnv['Variables'] & { user: TUser; actor?: TActorContext };
};
