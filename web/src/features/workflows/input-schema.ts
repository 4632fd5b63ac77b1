// The run input's JSON Schema seen as a flat list of fields, for the editor's input list and the run form.

export type TInputField = {
  name: string;
  type: string;
  required: boolean;
  /** The property's other keywords (default, minLength, items…), kept as they were. */
  extra: Record<string, unknown>;
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The top-level properties of an object schema. */
export function inputFields(schema: Record<string, unknown> | undefined): TInputField[] {
  if (!schema || !isObject(schema.properties)) return [];
  const required = Array.isArray(schema.required) ? schema.required : [];
  return Object.entries(schema.properties).map(([name, raw]) => {
    const { type, ...extra } = isObject(raw) ? raw : {};
    return {
      name,
      type: typeof type === 'string' ? type : 'string',
      required: required.includes(name),
      extra,
    };
  });
}

/** Writes the fields back into the schema, keeping its other keywords; no fields and nothing else → no schema. */
export function toInputSchema(
  schema: Record<string, unknown> | undefined,
  fields: readonly TInputField[],
): Record<string, unknown> | undefined {
  const { properties: _p, required: _r, type: _t, ...rest } = schema ?? {};
  if (fields.length === 0 && Object.keys(rest).length === 0) return undefined;
  const required = fields.filter((f) => f.required).map((f) => f.name);
  return {
    ...rest,
    type: 'object',
    properties: Object.fromEntries(fields.map((f) => [f.name, { ...f.extra, type: f.type }])),
    ...(required.length > 0 ? { required } : {}),
  };
}

/** Turns the run form's texts into typed values; a message per field that does not parse. */
export function parseInputValues(
  fields: readonly TInputField[],
  texts: Record<string, string>,
): { input: Record<string, unknown> } | { errors: Record<string, string> } {
  const input: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const text = texts[field.name] ?? '';
    if (text === '' && field.type !== 'boolean') continue;
    if (field.type === 'string') input[field.name] = text;
    else if (field.type === 'boolean') input[field.name] = text === 'true';
    else if (field.type === 'number' || field.type === 'integer') {
      const n = Number(text);
      if (Number.isNaN(n)) errors[field.name] = 'Not a number';
      else input[field.name] = n;
    } else {
      try {
        input[field.name] = JSON.parse(text);
      } catch {
        errors[field.name] = `Not valid JSON (${field.type})`;
      }
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { input };
}
