/**
 * Tells a database outage (the server is down, hung, full, read-only, its file gone) from
 * every other error, for both engines, and names its real cause for the logs.
 *
 * @module
 */

/** What kind of outage: what `/readyz` and the logs report. */
export type OutageKind = 'down' | 'timeout' | 'busy' | 'disk_full' | 'read_only' | 'file_gone'

export interface DatabaseOutage {
  readonly kind: OutageKind
  /** The engine's own name for the cause: `SQLITE_FULL`, `57P01`, `ECONNREFUSED`, … */
  readonly cause: string
}

/**
 * An outage Keyward detects itself rather than hears from a driver: the SQLite file replaced
 * or deleted, a lock held past the deadline, a query past its deadline.
 */
export class DatabaseUnavailableError extends Error {
  readonly outage: DatabaseOutage

  constructor(outage: DatabaseOutage, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'DatabaseUnavailableError'
    this.outage = outage
  }
}

const SQLITE_KINDS: [RegExp, OutageKind][] = [
  [/^SQLITE_(BUSY|LOCKED)/, 'busy'],
  [/^SQLITE_FULL/, 'disk_full'],
  [/^SQLITE_READONLY/, 'read_only'],
  [/^SQLITE_(IOERR|CANTOPEN|NOTADB|CORRUPT)/, 'down'],
]

/** SQLSTATE classes and codes of PostgreSQL that say the server cannot serve, not that the query is wrong. */
const POSTGRES_KINDS: [RegExp, OutageKind][] = [
  [/^08/, 'down'], // connection exception
  [/^57P0[1-4]$/, 'down'], // admin/crash shutdown, cannot connect now, database dropped
  [/^57014$/, 'timeout'], // statement_timeout (query_canceled)
  [/^55P03$/, 'busy'], // lock_not_available
  [/^53100$/, 'disk_full'],
  [/^53/, 'down'], // insufficient resources: out of memory, too many connections
  [/^25006$/, 'read_only'], // read_only_sql_transaction
  [/^58/, 'down'], // system error (I/O)
]

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'])

/** The messages of `pg` (it gives them no code) for a connection that broke or never came. */
const PG_CLIENT_MESSAGES: [RegExp, OutageKind][] = [
  [/timeout exceeded when trying to connect|connection timeout|Query read timeout/i, 'timeout'],
  [/Connection terminated|not queryable|Connection ended|the database system is (starting up|shutting down)/i, 'down'],
]

/**
 * The outage an error stands for, or undefined when it is another error (a bug, a constraint).
 * Looks through `cause` chains, where Kysely and Keyward wrap driver errors.
 */
export function databaseOutageOf(error: unknown): DatabaseOutage | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof DatabaseUnavailableError) return current.outage
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') {
      const kinds = code.startsWith('SQLITE_') ? SQLITE_KINDS : /^[0-9A-Z]{5}$/.test(code) ? POSTGRES_KINDS : []
      for (const [pattern, kind] of kinds) if (pattern.test(code)) return { kind, cause: code }
      if (NETWORK_CODES.has(code)) return { kind: 'down', cause: code }
    }
    for (const [pattern, kind] of PG_CLIENT_MESSAGES) if (pattern.test(current.message)) return { kind, cause: current.message }
  }
  return undefined
}
