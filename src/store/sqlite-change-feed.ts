import type { Kysely, Transaction } from 'kysely'
import { ChangeFeed, type Change } from './change-feed.js'
import type { Tables } from './tables.js'

/** Rows older than this are pruned; a process that misses them flushes its whole cache. */
const KEEP_MS = 60_000

/**
 * The change feed of SQLite: changes are rows of the `changes` table, written in the same
 * transaction as the change, and every process polls for rows of other processes. Writers are
 * serialised by SQLite, so `seq` grows in commit order and a gap means rows were pruned unseen.
 */
export class SqliteChangeFeed extends ChangeFeed {
  readonly #db: Kysely<Tables>
  readonly #pollIntervalMs: number
  #lastSeq = 0
  #timer: NodeJS.Timeout | undefined
  #polling: Promise<void> | undefined
  #writes = 0
  #isDeaf = false

  constructor(db: Kysely<Tables>, pollIntervalMs: number) {
    super()
    this.#db = db
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
    this.#timer = setInterval(() => {
      this.#polling ??= this.#poll().finally(() => (this.#polling = undefined))
    }, this.#pollIntervalMs)
    this.#timer.unref()
  }

  override async stop(): Promise<void> {
    clearInterval(this.#timer)
    await this.#polling
  }

  async #poll(): Promise<void> {
    // Undefined when the database is closing or unreadable: try again at the next tick.
    const rows = await this.#db
      .selectFrom('changes')
      .select(['seq', 'resource', 'entity_id', 'origin', 'created'])
      .where('seq', '>', this.#lastSeq)
      .orderBy('seq')
      .limit(1000)
      .execute()
      .catch(() => undefined)
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
