import type { TAction } from '../../../../contracts/permissions/actions.ts';
import { AppError } from '../../../platform/http/index.ts';
import { can, type TActor, type TResource } from './can.ts';

/**
 * Throws unless the actor may act: INSUFFICIENT_PERMISSIONS (403) normally, but RESOURCE_NOT_FOUND (404)
 * for another tenant's resource, so ids of other organizations cannot be probed.
 */
export function assertCan(actor: TActor, action: TAction, resource?: TResource): void {
  const decision = can(actor, action, resource);
  if (decision.allowed) return;
  if (decision.reason === 'cross_tenant') throw new AppError('RESOURCE_NOT_FOUND', 'Resource not found');
  throw new AppError('INSUFFICIENT_PERMISSIONS', `Not allowed to ${action}`, {
    details: [{ message: decision.reason, action }],
  });
}
