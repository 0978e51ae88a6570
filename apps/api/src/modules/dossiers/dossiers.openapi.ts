import { z } from 'zod';

/** A shared zod schema as an OpenAPI schema object, so /api/docs shows the real contract. */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return json;
}

/** The multipart body of an attachment upload. */
export const attachmentUploadSchema = {
  type: 'object',
  required: ['documentCode', 'file'],
  properties: {
    documentCode: { type: 'string', description: 'A required document code of the procedure; send it before the file' },
    file: { type: 'string', format: 'binary', description: 'PDF, JPEG or PNG (recognised by content)' },
  },
};

export const pdfResponse = {
  description: 'A PDF document',
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
};
