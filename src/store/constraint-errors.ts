import type { ErrorCode } from '../errors/error-codes.js'
import { KeywardError } from '../errors/keyward-error.js'

const codeOf = (error: unknown): unknown => (error as { code?: unknown } | null)?.code

/**
 * Whether a database error is a unique-constraint violation, on either engine
 * (PostgreSQL SQLSTATE 23505, SQLite SQLITE_CONSTRAINT_UNIQUE).
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error)
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE'
}

/**
 * Whether a database error is a foreign-key violation: PostgreSQL 23503, or 23001 for an
 * `ON DELETE RESTRICT` (PostgreSQL 15 and later report it apart); SQLite
 * SQLITE_CONSTRAINT_FOREIGNKEY, or SQLITE_CONSTRAINT_TRIGGER for an `ON DELETE RESTRICT`
 * (which SQLite enforces like a trigger) with its "FOREIGN KEY constraint failed" message.
 */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = codeOf(error)
  if (code === '23503' || code === '23001' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return true
  return code === 'SQLITE_CONSTRAINT_TRIGGER' && error instanceof Error && error.message.startsWith('FOREIGN KEY constraint failed')
}

/**
 * Rethrows a unique-constraint violation on a name as the resource's 409 naming it; any other
 * error as it is.
 */
export function rethrowNameInUse(error: unknown, code: ErrorCode, name: string | undefined): never {
  if (name !== undefined && isUniqueViolation(error)) throw new KeywardError(code, { name }, { cause: error })
  throw error
}
