import { z } from 'zod';

/** A shared zod schema as an OpenAPI schema object, so /api/docs shows the real contract. */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return json;
}

export function itemsSchema(item: z.ZodType): Record<string, unknown> {
  return openApiSchema(z.object({ items: z.array(item) }));
}
