// Schema plumbing for json-from-schema: local $ref resolution and allOf/anyOf flattening.
export type TSchema = Record<string, unknown>;

function asSchema(value: unknown): TSchema {
  if (value === true || value === undefined) return {};
  if (value === false) throw new Error('The JSON Schema allows no value here (false schema).');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('The JSON Schema contains a subschema that is not an object.');
  }
  return value as TSchema;
}

/** Follows a local reference ('#', '#/definitions/x', '#/$defs/x', any '#/…' pointer) inside `root`. */
export function resolveRef(ref: string, root: TSchema): TSchema {
  if (!ref.startsWith('#')) throw new Error(`Only local $ref is supported by the local model, got "${ref}".`);
  const pointer = ref.slice(1);
  let node: unknown = root;
  if (pointer !== '') {
    for (const raw of pointer.replace(/^\//, '').split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (typeof node !== 'object' || node === null || !(key in node)) {
        throw new Error(`The JSON Schema $ref "${ref}" points nowhere.`);
      }
      node = (node as Record<string, unknown>)[key];
    }
  }
  return asSchema(node);
}

function mergeTwo(a: TSchema, b: TSchema): TSchema {
  const merged: TSchema = { ...a, ...b };
  if (a.properties || b.properties) {
    merged.properties = { ...(a.properties as TSchema), ...(b.properties as TSchema) };
  }
  if (Array.isArray(a.required) || Array.isArray(b.required)) {
    merged.required = [
      ...new Set([...((a.required as string[]) ?? []), ...((b.required as string[]) ?? [])]),
    ];
  }
  return merged;
}

/**
 * One concrete schema to generate from: $ref followed, allOf merged, anyOf/oneOf reduced to the first branch
 * (first is a deterministic choice; for oneOf it is valid as long as branches do not overlap).
 */
export function flatten(input: unknown, root: TSchema, hops = 0): TSchema {
  if (hops > 32) throw new Error('The JSON Schema $ref chain is too deep or circular.');
  let schema = asSchema(input);
  if (typeof schema.$ref === 'string') {
    const { $ref, ...rest } = schema;
    schema = mergeTwo(flatten(resolveRef($ref as string, root), root, hops + 1), rest);
  }
  if (Array.isArray(schema.allOf)) {
    const { allOf, ...rest } = schema;
    schema = (allOf as unknown[]).reduce<TSchema>(
      (acc, part) => mergeTwo(acc, flatten(part, root, hops + 1)),
      rest,
    );
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches) && branches.length > 0) {
      const { [key]: _dropped, ...rest } = schema;
      // Prefer a non-null branch so nullable fields still carry prompt-derived values.
      const branch = branches.find((b) => (b as TSchema)?.type !== 'null') ?? branches[0];
      schema = mergeTwo(rest, flatten(branch, root, hops + 1));
    }
  }
  return schema;
}
