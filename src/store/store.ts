import { sql, type Kysely, type Transaction } from 'kysely'
import type { AuditRecord } from '../audit/audit-record.js'
import type { ErrorCode } from '../errors/error-codes.js'
import { insertAuditEvent } from './audit-log.js'
import type { Change, ChangeFeed } from './change-feed.js'
import { rethrowNameInUse } from './constraint-errors.js'
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
  /** Where a search's count stops (see {@link Store.searchCountLimit}); none counts every match. */
  readonly searchCountLimit?: number
}

/**
 * Migrates the database a store opens. On PostgreSQL, through a pool of its own without the
 * statement timeout requests run under: an upgrade's index over every key takes minutes on a
 * large table, and a lock held by a running process may hold it up.
 */
async function migrate(url: string, database: Database, options: StoreOptions): Promise<void> {
  if (database.engine !== 'postgres') {
    await migrateToLatest(database)
    return
  }
  const unlimited = openDatabase(url, { ...options, databaseStatementTimeoutMs: 0 })
  try {
    await migrateToLatest(unlimited)
  } finally {
    await unlimited.db.destroy()
  }
}

/** Collects the changes a transaction makes, to publish them when it commits. */
export type ChangeSink = (change: Change) => void

/** What a write does beside its own rows (see {@link Store.write}). */
export interface WriteEffects<Written> {
  /** Its audit entry (whose `resourceId` defaults to the written row's), or one made from what was written; none when undefined. */
  readonly audit?: AuditRecord | ((written: Written) => AuditRecord | undefined)
  /** The cached resource it changes: every process drops the written row from its caches. */
  readonly notify?: Change['resource']
  /** The name it gives, whose unique-constraint violation becomes this 409 naming it. */
  readonly nameInUse?: { readonly code: ErrorCode; readonly name: string | undefined }
}

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
  /** A search's count stops past this many matches, so it costs no more than reading them; undefined for none. */
  readonly searchCountLimit: number | undefined
  readonly #counter: { queries: number; failures: number }
  readonly #sqliteFile: SqliteFile | undefined
  /** See {@link Database.poolConnections}. */
  readonly poolConnections: Database['poolConnections']

  private constructor(database: Database, feed: ChangeFeed, counter: { queries: number; failures: number }, searchCountLimit: number | undefined) {
    this.#counter = counter
    this.searchCountLimit = searchCountLimit
    this.#sqliteFile = database.sqliteFile
    this.poolConnections = database.poolConnections
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
      await migrate(url, database, options)
      const feed =
        database.engine === 'postgres'
          ? new PostgresChangeFeed(database.postgresUrl!)
          : new SqliteChangeFeed(database.db, database.sqliteReader!, options.changePollIntervalMs)
      await feed.start()
      return new Store(database, feed, counter, options.searchCountLimit)
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

  /**
   * The one audited write path: runs `work` (the SQL of a change, returning what it wrote, or
   * undefined when nothing was there to change), then its audit entry and its change notice,
   * all in one transaction; a change is never without its entry, and caches never keep a row
   * that changed. Without `work`, it writes the entry of an event that changes no row (a
   * refused sign-in).
   *
   * @throws KeywardError `effects.nameInUse.code` (409) when the name is taken.
   */
  async write(effects: { readonly audit: AuditRecord }): Promise<void>
  async write<Written extends { readonly id: number } | undefined>(
    effects: WriteEffects<NonNullable<Written>>,
    work: (trx: Trx) => Promise<Written>,
  ): Promise<Written>
  async write<Written extends { readonly id: number } | undefined>(
    effects: WriteEffects<NonNullable<Written>>,
    work?: (trx: Trx) => Promise<Written>,
  ): Promise<Written | undefined> {
    try {
      return await this.transaction(async (trx, changed) => {
        const written = work && (await work(trx))
        if (work && written === undefined) return written
        if (written && effects.notify) changed({ resource: effects.notify, id: written.id })
        const audit = typeof effects.audit === 'function' ? written && effects.audit(written) : effects.audit
        if (audit) await insertAuditEvent(trx, { ...audit, resourceId: audit.resourceId ?? written?.id })
        return written
      })
    } catch (error) {
      if (effects.nameInUse) rethrowNameInUse(error, effects.nameInUse.code, effects.nameInUse.name)
      throw error
    }
  }

  /**
   * The query, locking the rows it reads until its transaction ends. On PostgreSQL that is
   * `FOR UPDATE`; SQLite needs nothing, as its transactions begin IMMEDIATE and so hold the
   * only write lock of the database.
   */
  forUpdate<Query extends { forUpdate(): Query }>(query: Query): Query {
    return this.engine === 'postgres' ? query.forUpdate() : query
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
