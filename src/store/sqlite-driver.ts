import type BetterSqlite3 from 'better-sqlite3'
import {
  type CompiledQuery,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely'
import { DatabaseUnavailableError } from './database-errors.js'
import type { SqliteFile } from './sqlite-file.js'

const FIRST_RETRY_MS = 2
const LONGEST_RETRY_MS = 50
/** Prepared statements kept per connection: Kysely's SQL differs only by list lengths, so few. */
const STATEMENTS_KEPT = 256

/** SQLite refused a lock another connection holds; waiting and trying again is safe. */
export function isBusy(error: unknown): boolean {
  return typeof (error as { code?: unknown })?.code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test((error as { code: string }).code)
}

/** One holder at a time, in arrival order: this process's writers. */
class Mutex {
  #tail: Promise<void> = Promise.resolve()

  async lock(): Promise<() => void> {
    let release!: () => void
    const previous = this.#tail
    this.#tail = new Promise((resolve) => (release = resolve))
    await previous
    return release
  }
}

export interface SqliteConnections {
  /** Runs every write and every transaction. */
  readonly writer: BetterSqlite3.Database
  /** Runs reads outside transactions: in WAL mode they never wait for a writer. */
  readonly reader: BetterSqlite3.Database
  readonly file: SqliteFile | undefined
  /** How long a write may wait for another process's write lock, in ms. */
  readonly lockTimeoutMs: number
}

class SqliteConnection implements DatabaseConnection {
  readonly #driver: KeywardSqliteDriver
  /** Set while this connection holds the write lock for a transaction. */
  release: (() => void) | undefined

  constructor(driver: KeywardSqliteDriver) {
    this.#driver = driver
  }

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.#driver.execute<R>(this, query)
  }

  // biome-ignore lint/correctness/useYield: a generator that refuses before it yields
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Keyward does not stream SQLite queries')
  }
}

/**
 * A connection's prepared statements by SQL text, the oldest dropped first once full: preparing
 * (parsing and planning) costs more than running most of Keyward's statements. A cached one is
 * never stale: SQLite prepares it again on its next run when the schema changed, whichever
 * connection or process changed it, and its rows take the new columns.
 */
class Statements {
  readonly #connection: BetterSqlite3.Database
  readonly #bySql = new Map<string, BetterSqlite3.Statement>()

  constructor(connection: BetterSqlite3.Database) {
    this.#connection = connection
  }

  get(text: string): BetterSqlite3.Statement {
    let statement = this.#bySql.get(text)
    if (statement === undefined) {
      statement = this.#connection.prepare(text)
      if (this.#bySql.size >= STATEMENTS_KEPT) this.#bySql.delete(this.#bySql.keys().next().value!)
      this.#bySql.set(text, statement)
    }
    return statement
  }
}

function run<R>(statement: BetterSqlite3.Statement, query: CompiledQuery): QueryResult<R> {
  const parameters = query.parameters as unknown[]
  if (statement.reader) return { rows: statement.all(parameters) as R[] }
  const { changes, lastInsertRowid } = statement.run(parameters)
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] }
}

/**
 * better-sqlite3 is synchronous: with a busy timeout, waiting for another process's write lock
 * (the CLI, a second server, a backup's `BEGIN IMMEDIATE`) would stop the event loop, and with
 * it `/healthz` and cached-key authentication. So the busy timeout is 0 and a write that finds
 * the lock taken is retried from a timer until `lockTimeoutMs`; reads use a second connection
 * and never wait (WAL). Transactions begin IMMEDIATE, so a lock conflict can only happen at
 * their first statement, where a retry is safe; this process's own writers queue on a mutex.
 */
class KeywardSqliteDriver implements Driver {
  readonly #connections: SqliteConnections
  readonly #writers = new Mutex()
  readonly #written: Statements
  readonly #read: Statements

  constructor(connections: SqliteConnections) {
    this.#connections = connections
    this.#written = new Statements(connections.writer)
    this.#read = connections.reader === connections.writer ? this.#written : new Statements(connections.reader)
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new SqliteConnection(this)
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const release = await this.#writers.lock()
    try {
      this.#connections.file?.assertPresent()
      await this.#retryWhileBusy(() => this.#connections.writer.exec('BEGIN IMMEDIATE'))
      ;(connection as SqliteConnection).release = release
    } catch (error) {
      release()
      throw error
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    // A failed COMMIT (disk full) leaves the transaction open: Kysely rolls it back next.
    this.#connections.writer.exec('COMMIT')
    this.#endTransaction(connection as SqliteConnection)
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      // SQLite has already rolled back after some errors (SQLITE_FULL, SQLITE_IOERR); a second
      // ROLLBACK would fail with "no transaction is active" and hide the real cause.
      if (this.#connections.writer.inTransaction) this.#connections.writer.exec('ROLLBACK')
    } finally {
      this.#endTransaction(connection as SqliteConnection)
    }
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    if (this.#connections.reader !== this.#connections.writer) this.#connections.reader.close()
    this.#connections.writer.close()
  }

  async execute<R>(connection: SqliteConnection, query: CompiledQuery): Promise<QueryResult<R>> {
    if (connection.release) return run<R>(this.#written.get(query.sql), query)
    const read = this.#read.get(query.sql)
    if (read.readonly) return this.#retryWhileBusy(() => run<R>(read, query))
    const release = await this.#writers.lock()
    try {
      this.#connections.file?.assertPresent()
      return await this.#retryWhileBusy(() => run<R>(this.#written.get(query.sql), query))
    } finally {
      release()
    }
  }

  #endTransaction(connection: SqliteConnection): void {
    const release = connection.release
    connection.release = undefined
    release?.()
  }

  async #retryWhileBusy<T>(work: () => T): Promise<T> {
    const deadline = Date.now() + this.#connections.lockTimeoutMs
    for (let wait = FIRST_RETRY_MS; ; wait = Math.min(wait * 2, LONGEST_RETRY_MS)) {
      try {
        return work()
      } catch (error) {
        if (!isBusy(error)) throw error
        if (Date.now() + wait > deadline) {
          throw new DatabaseUnavailableError(
            { kind: 'busy', cause: (error as { code: string }).code },
            `another connection held the SQLite write lock for more than ${this.#connections.lockTimeoutMs} ms`,
            { cause: error },
          )
        }
      }
      await new Promise((resolve) => setTimeout(resolve, wait))
    }
  }
}

/** Kysely's SQLite dialect with Keyward's driver: see {@link KeywardSqliteDriver}. */
export class KeywardSqliteDialect implements Dialect {
  readonly #connections: SqliteConnections

  constructor(connections: SqliteConnections) {
    this.#connections = connections
  }

  createDriver(): Driver {
    return new KeywardSqliteDriver(this.#connections)
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler()
  }

  createAdapter(): DialectAdapter {
    return new SqliteAdapter()
  }

  // biome-ignore lint/suspicious/noExplicitAny: Kysely's dialect interface takes any schema
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db)
  }
}
