import { AppError } from '../../../platform/http/index.ts';
import { resolveTarget, type TTargetPolicy } from '../../../platform/net/index.ts';

/**
 * Refuses a base URL that points at loopback, private, link-local or metadata addresses (VALIDATION_ERROR),
 * unless the operator allows them (ALLOW_PRIVATE_AI_PROVIDERS). A host that does not resolve yet is accepted:
 * DNS may lag behind the configuration, and every call is checked again before it connects.
 */
export async function checkBaseUrl(baseUrl: string, network: TTargetPolicy): Promise<void> {
  const resolved = await resolveTarget(new URL(baseUrl).hostname, network);
  if (resolved.ok || resolved.reason === 'unresolvable') return;
  throw new AppError('VALIDATION_ERROR', 'The base URL points at a private or local network address', {
    details: [
      {
        field: 'json.baseUrl',
        message: `${resolved.error}; an operator can allow local model servers with ALLOW_PRIVATE_AI_PROVIDERS=true`,
      },
    ],
  });
}
