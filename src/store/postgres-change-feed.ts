import { sql, type Transaction } from 'kysely'
import pg from 'pg'
import { ChangeFeed, type Change } from './change-feed.js'
import type { Tables } from './tables.js'

const CHANNEL = 'keyward_changes'
/** Between failed attempts to reconnect; the first attempt is made at once. */
const RECONNECT_DELAY_MS = 1000

interface Payload {
  o: string
  c: [Change['resource'], number][]
  /** When the change was recorded (epoch ms), for the lag metric. */
  t?: number
}

/**
 * The change feed of PostgreSQL: `pg_notify` inside the writing transaction (delivered when it
 * commits) and one dedicated connection per process that `LISTEN`s. When that connection is
 * lost, listeners hear `'deaf'`; notifications may be lost until it is back, so on every
 * (re)connect they hear `'all'`. The first reconnection is tried at once: a connection killed
 * on a healthy server (`pg_terminate_backend`, a pooler's recycling) would otherwise leave
 * changes of other processes unheard for the whole delay.
 */
export class PostgresChangeFeed extends ChangeFeed {
  readonly #url: string
  readonly #reconnectDelayMs: number
  #client: pg.Client | undefined
  #stopped = false
  #retry: NodeJS.Timeout | undefined
  /** Resolves when a connection is listening; `start()` waits for the first one. */
  #ready: Promise<void> | undefined

  constructor(url: string, reconnectDelayMs = RECONNECT_DELAY_MS) {
    super()
    this.#url = url
    this.#reconnectDelayMs = reconnectDelayMs
  }

  override async record(trx: Transaction<Tables>, changes: readonly Change[]): Promise<void> {
    const payload: Payload = { o: this.origin, c: changes.map((c) => [c.resource, c.id]), t: Date.now() }
    await sql`select pg_notify(${CHANNEL}, ${JSON.stringify(payload)})`.execute(trx)
  }

  override async start(): Promise<void> {
    this.#stopped = false
    this.#ready = this.#connect()
    await this.#ready
  }

  override async stop(): Promise<void> {
    this.#stopped = true
    clearTimeout(this.#retry)
    const client = this.#client
    this.#client = undefined
    await client?.end().catch(() => {})
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#url })
    client.on('notification', (message) => this.#receive(message.payload))
    client.on('error', () => this.#reconnect(client))
    client.on('end', () => this.#reconnect(client))
    await client.connect()
    await client.query(`LISTEN ${CHANNEL}`)
    if (this.#stopped) {
      await client.end()
      return
    }
    this.#client = client
    this.announce('all')
  }

  #reconnect(client: pg.Client): void {
    if (this.#stopped || this.#client !== client) return
    this.#client = undefined
    this.announce('deaf')
    const attempt = (): void => {
      if (this.#stopped) return
      this.#connect().catch(() => {
        this.#retry = setTimeout(attempt, this.#reconnectDelayMs)
        this.#retry.unref()
      })
    }
    attempt()
  }

  #receive(raw: string | undefined): void {
    let payload: Payload
    try {
      payload = JSON.parse(raw ?? '') as Payload
    } catch {
      this.announce('all')
      return
    }
    if (payload.o === this.origin) return
    if (payload.t !== undefined) this.heard(payload.t)
    for (const [resource, id] of payload.c) this.announce({ resource, id })
  }
}
