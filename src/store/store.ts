import { sql, type Kysely, type Transaction } from 'kysely'
import type { Change, ChangeFeed } from './change-feed.js'
import { databaseOutageOf, type DatabaseOutage } from './database-errors.js'
import { openDatabase, type Database, type DatabaseOptions, type Engine } from './database.js'
import { isMigrated, migrateToLatest, UnmigratedDatabaseError } from './migrate.js'
import { PostgresChangeFeed } from './postgres-change-feed.js'
import { SqliteChangeFeed } from './sqlite-change-feed.js'
import type { SqliteFile } from './sqlite-file.js'
import type { Tables } from './tables.js'

export type Trx = Transaction<Tables>

/** What `Store.open` needs to know; the app's `Config` has all of it. */
export interface StoreOptions extends Omit<DatabaseOptions, 'onQuery'> {
  readonly changePollIntervalMs: number
}

/** Collects the changes a transaction makes, to publish them when it commits. */
export type ChangeSink = (change: Change) => void

/**
 * The one database of a process, with its change feed. Resource stores (`apikeys/store.ts`, …)
 * are built on it; they are the only code that runs SQL.
 */
export class Store {
  readonly db: Kysely<Tables>
  /** Where searches run (see {@link Database.searchDb}): read-only. */
  readonly searchDb: Kysely<Tables>
  readonly engine: Engine
  readonly feed: ChangeFeed
  readonly displayUrl: string
  readonly #counter: { queries: number; failures: number }
  readonly #sqliteFile: SqliteFile | undefined

  private constructor(database: Database, feed: ChangeFeed, counter: { queries: number; failures: number }) {
    this.#counter = counter
    this.#sqliteFile = database.sqliteFile
    this.db = database.db
    this.searchDb = database.searchDb
    this.engine = database.engine
    this.displayUrl = database.displayUrl
    this.feed = feed
  }

  /**
   * Opens the database, migrates it to the latest schema and starts the change feed.
   * `mustBeMigrated` refuses a database Keyward never migrated instead of creating its schema.
   *
   * @throws when the database cannot be reached or a migration fails;
   * {@link UnmigratedDatabaseError} for an unmigrated database that `mustBeMigrated`.
   */
  static async open(url: string, options: StoreOptions, opening: { mustBeMigrated?: boolean } = {}): Promise<Store> {
    const counter = { queries: 0, failures: 0 }
    const database = openDatabase(url, {
      ...options,
      onQuery: (failed) => {
        counter.queries++
        if (failed) counter.failures++
      },
    })
    try {
      if (opening.mustBeMigrated && !(await isMigrated(database))) throw new UnmigratedDatabaseError()
      await migrateToLatest(database)
      const feed =
        database.engine === 'postgres'
          ? new PostgresChangeFeed(database.postgresUrl!)
          : new SqliteChangeFeed(database.db, options.changePollIntervalMs)
      await feed.start()
      return new Store(database, feed, counter)
    } catch (error) {
      await database.db.destroy()
      throw error
    }
  }

  /**
   * Runs `work` in a transaction. Changes it reports through `changed` are recorded in the
   * same transaction and, once it commits, announced to this process at once.
   */
  async transaction<T>(work: (trx: Trx, changed: ChangeSink) => Promise<T>): Promise<T> {
    const changes: Change[] = []
    const result = await this.db.transaction().execute(async (trx) => {
      const value = await work(trx, (change) => changes.push(change))
      if (changes.length > 0) await this.feed.record(trx, changes)
      return value
    })
    for (const change of changes) this.feed.announce(change)
    return result
  }

  /** How many SQL statements this process has run (failed ones too): the hot path must not add to it. */
  get queryCount(): number {
    return this.#counter.queries
  }

  /** How many SQL statements failed in this process (lost connection, timeout, constraint…). */
  get failedStatementCount(): number {
    return this.#counter.failures
  }

  /**
   * Why the database cannot serve now, or undefined when it can; answers within `deadlineMs`.
   * SQLite: its file deleted or replaced, read-only, its disk full. PostgreSQL: the server
   * down, hung (no answer in time) or read-only. Never throws.
   */
  async outage(deadlineMs: number): Promise<DatabaseOutage | undefined> {
    const fileProblem = this.#sqliteFile?.problem()
    if (fileProblem) return fileProblem
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<DatabaseOutage>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'timeout', cause: `no answer within ${deadlineMs} ms` }), deadlineMs)
    })
    try {
      return await Promise.race([this.#probe(), late])
    } finally {
      clearTimeout(timer)
    }
  }

  async #probe(): Promise<DatabaseOutage | undefined> {
    try {
      if (this.engine === 'sqlite') {
        await this.db.selectFrom('roles').select('id').limit(1).execute()
        return undefined
      }
      const { rows } = await sql<{ readOnly: string }>`select current_setting('transaction_read_only') as "readOnly"`.execute(this.db)
      return rows[0]?.readOnly === 'on' ? { kind: 'read_only', cause: '25006: the PostgreSQL server only accepts reads' } : undefined
    } catch (error) {
      return databaseOutageOf(error) ?? { kind: 'down', cause: error instanceof Error ? error.message : String(error) }
    }
  }

  async close(): Promise<void> {
    await this.feed.stop()
    if (this.searchDb !== this.db) await this.searchDb.destroy()
    await this.db.destroy()
  }
}
