import { ApiError } from '../../../lib/api.ts';

/**
 * The server's validation message for one field of a form: details[].field is `name`, `body.name`, or a
 * path below it (`capabilities.2`), which belongs to the same control.
 */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const matches = (path: string | undefined) => {
    const bare = path?.replace(/^(body|json)\./, '');
    return bare === field || bare?.startsWith(`${field}.`);
  };
  const detail = error.details.find((d) => matches(d.field));
  return detail ? detail.message : undefined;
}
