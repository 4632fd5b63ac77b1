/** The one representation both cache layers hold: a JSON string, produced once when a value comes in. */
export type Serialized = string;

/**
 * Turns a value into its cached form. JSON semantics apply (Dates become strings, Maps become `{}`);
 * `undefined` (and anything JSON cannot represent at the top level) is rejected, because a `get` that
 * returns `undefined` already means "not cached". Store `null` for "known to be empty".
 */
export function serialize(key: string, value: unknown): Serialized {
  const json = value === undefined ? undefined : JSON.stringify(value);
  if (json === undefined) {
    throw new TypeError(`Cache value for "${key}" is not JSON-serialisable (undefined?); store null instead`);
  }
  return json;
}

/** A fresh copy of a cached value, so no two callers ever share a mutable object. */
export function deserialize<T>(serialized: Serialized): T {
  return JSON.parse(serialized) as T;
}
