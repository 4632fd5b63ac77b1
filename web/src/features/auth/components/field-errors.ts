import { ApiError } from '../../../lib/api.ts';

// better-auth names some refusals by reason instead of field; these belong beside one input.
const REASON_FIELD: Record<string, string> = {
  INVALID_EMAIL: 'email',
  PASSWORD_TOO_SHORT: 'password',
  PASSWORD_TOO_LONG: 'password',
};

const reasonOf = (detail: object): unknown => ('reason' in detail ? detail.reason : undefined);

/**
 * The message of a server validation error for one field, to show beside that input: details[].field is
 * `email` or `body.email`, or details[].reason names the field's problem (INVALID_EMAIL).
 */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const byField = error.details.find((d) => d.field === field || d.field === `body.${field}`);
  if (byField) return byField.message;
  const byReason = error.details.find((d) => REASON_FIELD[String(reasonOf(d))] === field);
  return byReason ? error.message : undefined;
}

/** True when the server refused a sign-in because the address is not confirmed yet. */
export function isEmailNotVerified(error: unknown): boolean {
  return error instanceof ApiError && error.details.some((d) => reasonOf(d) === 'EMAIL_NOT_VERIFIED');
}
