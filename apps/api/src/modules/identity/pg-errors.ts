/** The PostgreSQL error code and constraint behind a failed query (TypeORM wraps the driver's error). */
export function pgError(e: unknown): { code?: string; constraint?: string } {
  if (typeof e !== 'object' || e === null) return {};
  const driver = (e as { driverError?: unknown }).driverError;
  const src = (typeof driver === 'object' && driver !== null ? driver : e) as { code?: unknown; constraint?: unknown };
  return {
    code: typeof src.code === 'string' ? src.code : undefined,
    constraint: typeof src.constraint === 'string' ? src.constraint : undefined,
  };
}

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';
