// OpenAPI request/response pieces every route file uses (one definition, not one per module).

/** `content` of a JSON body or response with this schema. */
export const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });

/** A JSON response with its description. */
export const jsonResponse = <T>(schema: T, description: string) => ({ description, ...json(schema) });

/** A required JSON request body. */
export const jsonBody = <T>(schema: T) => ({ required: true as const, ...json(schema) });
