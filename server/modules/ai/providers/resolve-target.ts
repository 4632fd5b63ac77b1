import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModelV4 } from '@ai-sdk/provider';
import type { Secrets } from '../../../platform/crypto/index.ts';
import type { Database } from '../../../platform/db/index.ts';
import { withTenant } from '../../../platform/db/tenant/index.ts';
import { AppError } from '../../../platform/http/index.ts';
import { createGuardedFetch, type TTargetPolicy } from '../../../platform/net/index.ts';
import type { Catalogue } from '../catalogue/find-model.ts';
import { createLocalModel } from '../local/index.ts';
import { LOCAL_PROVIDER, type TProviderKind, type TResolvedTarget, type TTarget } from '../types.ts';
import { loadProvider } from './load-provider.ts';
import { providerBaseUrl } from './provider-base-url.ts';

/**
 * Makes a target callable: loads the organization's provider (RESOURCE_NOT_FOUND for an unknown id or
 * another organization's), opens its key and builds the AI SDK model, whose every request goes through the
 * SSRF-guarded fetch (the base URL is the organization's choice); prices come from the catalogue (0 when the
 * model is not listed). A model the catalogue marks disabled is MODEL_UNAVAILABLE.
 */
export async function resolveTarget({
  db,
  secrets,
  organizationId,
  target,
  catalogue,
  network,
}: {
  db: Database;
  secrets: Secrets;
  organizationId: string;
  target: TTarget;
  catalogue: Catalogue;
  /** Which addresses providers may be reached at (ALLOW_PRIVATE_AI_PROVIDERS). */
  network: TTargetPolicy;
}): Promise<TResolvedTarget> {
  let providerKind: TProviderKind;
  let languageModel: LanguageModelV4;
  if (target.provider === LOCAL_PROVIDER) {
    providerKind = 'local';
    languageModel = createLocalModel();
  } else {
    const row = await withTenant(db, organizationId, (tx) =>
      loadProvider(tx, organizationId, target.provider),
    );
    const apiKey = row.apiKeySealed ? await secrets.decrypt(row.organizationId, row.apiKeySealed) : undefined;
    const baseURL = providerBaseUrl(row);
    const fetch = createGuardedFetch(network);
    providerKind = row.kind;
    if (row.kind === 'openai') languageModel = createOpenAI({ apiKey, baseURL, fetch }).chat(target.model);
    else if (row.kind === 'anthropic')
      languageModel = createAnthropic({ apiKey, baseURL, fetch })(target.model);
    else {
      languageModel = createOpenAICompatible({
        name: row.name,
        baseURL,
        apiKey,
        fetch,
        includeUsage: true,
      }).chatModel(target.model);
    }
  }
  const entry = await catalogue.findModel({
    organizationId,
    providerKind,
    providerId: providerKind === 'local' ? null : target.provider,
    model: target.model,
  });
  if (entry?.status === 'disabled') {
    throw new AppError('MODEL_UNAVAILABLE', `Model ${target.model} is disabled in the catalogue`, {
      details: [{ field: 'model', message: 'Disabled', provider: target.provider, model: target.model }],
    });
  }
  return {
    key: `${target.provider}:${target.model}`,
    provider: target.provider,
    providerKind,
    model: target.model,
    languageModel,
    inputPricePer1k: providerKind === 'local' ? 0 : (entry?.inputPricePer1k ?? 0),
    outputPricePer1k: providerKind === 'local' ? 0 : (entry?.outputPricePer1k ?? 0),
  };
}
