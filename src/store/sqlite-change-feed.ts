import type SqliteDatabase from 'better-sqlite3'
import type { Kysely, Transaction } from 'kysely'
import { ChangeFeed, type Change } from './change-feed.js'
import { isBusy } from './sqlite-driver.js'
import type { Tables } from './tables.js'

/** Rows older than this are pruned; a process that misses them flushes its whole cache. */
const KEEP_MS = 60_000

interface ChangeRow {
  seq: number
  resource: string
  entity_id: number
  origin: string
  created: number
}

/**
 * The change feed of SQLite: changes are rows of the `changes` table, written in the same
 * transaction as the change, and every process polls for rows of other processes. Writers are
 * serialised by SQLite, so `seq` grows in commit order and a gap means rows were pruned unseen.
 */
export class SqliteChangeFeed extends ChangeFeed {
  readonly #db: Kysely<Tables>
  readonly #reader: SqliteDatabase.Database
  readonly #pollIntervalMs: number
  #lastSeq = 0
  #timer: NodeJS.Timeout | undefined
  /** The poll's query, prepared once: it runs 20 times a second, mostly finding nothing. */
  #newer: SqliteDatabase.Statement<[number], ChangeRow> | undefined
  #writes = 0
  #isDeaf = false

  /** `reader` is `db`'s read connection, on which the poll runs synchronously. */
  constructor(db: Kysely<Tables>, reader: SqliteDatabase.Database, pollIntervalMs: number) {
    super()
    this.#db = db
    this.#reader = reader
    this.#pollIntervalMs = pollIntervalMs
  }

  override async record(trx: Transaction<Tables>, changes: readonly Change[]): Promise<void> {
    const created = Date.now()
    await trx
      .insertInto('changes')
      .values(changes.map((c) => ({ resource: c.resource, entity_id: c.id, origin: this.origin, created })))
      .execute()
    if (++this.#writes % 100 === 0)
      await trx
        .deleteFrom('changes')
        .where('created', '<', created - KEEP_MS)
        .execute()
  }

  override async start(): Promise<void> {
    const row = await this.#db
      .selectFrom('changes')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst()
    this.#lastSeq = Number(row?.seq ?? 0)
    this.#newer = this.#reader.prepare('select seq, resource, entity_id, origin, created from changes where seq > ? order by seq limit 1000')
    this.#timer = setInterval(() => this.#poll(), this.#pollIntervalMs)
    this.#timer.unref()
  }

  override async stop(): Promise<void> {
    clearInterval(this.#timer)
  }

  #poll(): void {
    let rows: ChangeRow[] | undefined
    try {
      rows = this.#newer!.all(this.#lastSeq)
    } catch (error) {
      // Another process recovering the WAL: nothing was missed, look again at the next tick.
      if (isBusy(error)) return
      // Else the database is closing or unreadable: deaf until a poll succeeds again.
    }
    if (rows === undefined) {
      if (!this.#isDeaf) this.announce('deaf')
      this.#isDeaf = true
      return
    }
    if (this.#isDeaf) {
      this.#isDeaf = false
      this.announce('all')
    }
    if (rows.length === 0) return
    if (rows[0]!.seq !== this.#lastSeq + 1 && this.#lastSeq !== 0) this.announce('all')
    for (const row of rows) {
      if (row.origin === this.origin) continue
      this.heard(row.created)
      this.announce({ resource: row.resource as Change['resource'], id: row.entity_id })
    }
    this.#lastSeq = rows[rows.length - 1]!.seq
  }
}
