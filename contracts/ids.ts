const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID: ids that are not one are unknown without asking the database (which would throw). */
export const isUuid = (value: string): boolean => UUID_RE.test(value);
