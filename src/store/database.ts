import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, PostgresDialect, type LogEvent } from 'kysely'
import pg from 'pg'
import { KeywardSqliteDialect } from './sqlite-driver.js'
import { isLostDatabase, SqliteFile } from './sqlite-file.js'
import { SqliteSearchDialect } from './sqlite-search-worker.js'
import type { Tables } from './tables.js'

export type Engine = 'sqlite' | 'postgres'

export interface Database {
  readonly db: Kysely<Tables>
  /**
   * Where searches run: on SQLite, a read-only connection in a worker thread, so that a costly
   * search never holds the event loop; on PostgreSQL (whose server runs it), `db`.
   */
  readonly searchDb: Kysely<Tables>
  readonly engine: Engine
  /** The connection URL with any password masked, for logs. */
  readonly displayUrl: string
  /** The PostgreSQL connection string (for LISTEN); undefined on SQLite. */
  readonly postgresUrl: string | undefined
  /** The SQLite file, watched; undefined on PostgreSQL and for an in-memory database. */
  readonly sqliteFile: SqliteFile | undefined
  /**
   * SQLite's read connection, for the change feed's poll: a prepared statement run many times a
   * second costs a tenth of the same query built through Kysely. Undefined on PostgreSQL.
   */
  readonly sqliteReader: SqliteDatabase.Database | undefined
  /** The PostgreSQL pool's connections now; undefined on SQLite (two fixed connections, no pool). */
  readonly poolConnections: (() => PoolConnections) | undefined
}

/** A connection pool's state. */
export interface PoolConnections {
  readonly open: number
  readonly idle: number
  /** Queries waiting for a free connection. */
  readonly waiting: number
}

const PG_INT8 = 20

/** Which engine a `KEYWARD_DATABASE_URL` names. */
export function engineOf(url: string): Engine {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgres'
  if (/^(sqlite|file):/i.test(url)) return 'sqlite'
  throw new Error(`KEYWARD_DATABASE_URL must start with sqlite: or postgres:// (got "${maskPassword(url)}")`)
}

export function maskPassword(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@')
}

export interface DatabaseOptions {
  /** Called once per statement, whether it succeeded or failed. */
  readonly onQuery?: (failed: boolean) => void
  /** How long opening a PostgreSQL connection (or waiting for a free one) may take, in ms. */
  readonly databaseConnectTimeoutMs: number
  /** How long one statement may run (PostgreSQL; 0 for no limit) or wait for the write lock (SQLite), in ms. */
  readonly databaseStatementTimeoutMs: number
  /** SQLite's `synchronous`: `full` (the default) keeps a commit through a power cut; `normal` may lose the last ones. */
  readonly sqliteSynchronous: 'full' | 'normal'
}

/** A hung server cannot apply its statement_timeout; the client gives up this much later. */
const CLIENT_TIMEOUT_GRACE_MS = 1000

/** The absolute file a `sqlite:` URL names, or `:memory:`. */
export function sqlitePathOf(url: string): string {
  const file = url.replace(/^(sqlite|file):(\/\/)?/i, '')
  return file === ':memory:' ? file : resolve(file)
}

/**
 * The path of the SQLite database a URL names when that file is missing although Keyward
 * opened one there before (see {@link isLostDatabase}); undefined otherwise and on PostgreSQL.
 */
export function lostSqliteDatabaseOf(url: string): string | undefined {
  if (engineOf(url) !== 'sqlite') return undefined
  const path = sqlitePathOf(url)
  return path !== ':memory:' && isLostDatabase(path) ? path : undefined
}

/**
 * Opens the database a URL names: `sqlite:<file>` (created with its folder, in WAL mode) or
 * `postgres://…` (a pool that returns `bigint` columns as numbers).
 *
 * @throws Error when the URL names neither engine.
 */
export function openDatabase(url: string, options: DatabaseOptions): Database {
  // Kysely calls `log` once per statement, whether it succeeded ('query') or failed ('error').
  const log = options.onQuery && ((event: LogEvent) => options.onQuery!(event.level === 'error'))
  const engine = engineOf(url)
  if (engine === 'postgres') {
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      connectionTimeoutMillis: options.databaseConnectTimeoutMs,
      statement_timeout: options.databaseStatementTimeoutMs || undefined,
      query_timeout: options.databaseStatementTimeoutMs ? options.databaseStatementTimeoutMs + CLIENT_TIMEOUT_GRACE_MS : undefined,
      keepAlive: true,
      // Epoch-ms columns and COUNT(*) are int8; they fit a JS number, so read them as numbers.
      types: { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === PG_INT8 ? Number : pg.types.getTypeParser(oid, format)) },
    })
    // Any connection can die (a server restart, an administrator's pg_terminate_backend): idle
    // ones report it to the pool, checked-out ones to themselves, and an 'error' event without a
    // listener ends the process. The query that was running fails with the cause; pg drops the
    // broken client from the pool when it is released, and the next query opens another.
    pool.on('error', () => {})
    pool.on('connect', (client) => client.on('error', () => {}))
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }), log })
    return {
      db,
      searchDb: db,
      engine,
      displayUrl: maskPassword(url),
      postgresUrl: url,
      sqliteFile: undefined,
      sqliteReader: undefined,
      poolConnections: () => ({ open: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    }
  }
  const path = sqlitePathOf(url)
  if (path !== ':memory:') {
    mkdirSync(dirname(path), { recursive: true })
    // A write-ahead log without its database belongs to a lost one: applied to a new, empty
    // file it would corrupt it.
    if (!existsSync(path)) for (const suffix of ['-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true })
  }
  const writer = new SqliteDatabase(path)
  // Opening may wait for another process's lock (turning WAL on, say): nothing is served yet.
  writer.pragma(`busy_timeout = ${options.databaseStatementTimeoutMs}`)
  writer.pragma('journal_mode = WAL')
  writer.pragma(`synchronous = ${options.sqliteSynchronous}`)
  writer.pragma('foreign_keys = ON')
  // From now on a lock wait must not block the event loop: see KeywardSqliteDialect.
  writer.pragma('busy_timeout = 0')
  // An in-memory database exists once per connection, so it has one connection for both.
  const reader = path === ':memory:' ? writer : new SqliteDatabase(path, { readonly: true })
  const sqliteFile = path === ':memory:' ? undefined : new SqliteFile(path)
  const db = new Kysely<Tables>({
    dialect: new KeywardSqliteDialect({
      writer,
      reader,
      file: sqliteFile,
      lockTimeoutMs: options.databaseStatementTimeoutMs,
    }),
    log,
  })
  return {
    db,
    // A worker cannot share an in-memory database.
    searchDb: path === ':memory:' ? db : new Kysely<Tables>({ dialect: new SqliteSearchDialect(path), log }),
    engine,
    displayUrl: `sqlite:${path}`,
    postgresUrl: undefined,
    poolConnections: undefined,
    sqliteFile,
    sqliteReader: reader,
  }
}
