import { setTimeout as sleep } from 'node:timers/promises'
import { sql, type Transaction } from 'kysely'
import pg from 'pg'
import { ChangeFeed, type Change } from './change-feed.js'
import type { Tables } from './tables.js'

const CHANNEL = 'keyward_changes'

/**
 * How long to wait before each retry when reconnecting fails: the first retry at once, then a
 * delay that doubles from `firstDelayMs` up to `maxDelayMs`, of which a random half is
 * waived, so that processes that lost PostgreSQL together do not all knock at the same instant.
 */
export interface ReconnectOptions {
  readonly firstDelayMs: number
  readonly maxDelayMs: number
  /** Waits `ms` unless aborted (then rejects); tests pass one they control. */
  readonly wait: (ms: number, signal: AbortSignal) => Promise<unknown>
  /** A number in [0, 1), for the jitter. */
  readonly random: () => number
}

const RECONNECT: ReconnectOptions = {
  firstDelayMs: 100,
  maxDelayMs: 10_000,
  wait: (ms, signal) => sleep(ms, undefined, { signal, ref: false }),
  random: Math.random,
}

/** The delay before retry `failures + 1`, after `failures` failed attempts (the first retry is not delayed). */
export function reconnectDelay(failures: number, options: Pick<ReconnectOptions, 'firstDelayMs' | 'maxDelayMs' | 'random'>): number {
  if (failures === 0) return 0
  const ceiling = Math.min(options.maxDelayMs, options.firstDelayMs * 2 ** (failures - 1))
  return ceiling / 2 + (ceiling / 2) * options.random()
}

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
 * changes of other processes unheard for the whole delay; later retries back off
 * ({@link ReconnectOptions}), so a PostgreSQL that is down is not hammered.
 */
export class PostgresChangeFeed extends ChangeFeed {
  readonly #url: string
  readonly #backoff: ReconnectOptions
  #client: pg.Client | undefined
  #stopped = false
  /** Ends a wait between attempts when the feed stops. */
  #stopping = new AbortController()
  /** Resolves when a connection is listening; `start()` waits for the first one. */
  #ready: Promise<void> | undefined

  constructor(url: string, reconnect: Partial<ReconnectOptions> = {}) {
    super()
    this.#url = url
    this.#backoff = { ...RECONNECT, ...reconnect }
  }

  override async record(trx: Transaction<Tables>, changes: readonly Change[]): Promise<void> {
    const payload: Payload = { o: this.origin, c: changes.map((c) => [c.resource, c.id]), t: Date.now() }
    await sql`select pg_notify(${CHANNEL}, ${JSON.stringify(payload)})`.execute(trx)
  }

  override async start(): Promise<void> {
    this.#stopped = false
    this.#stopping = new AbortController()
    this.#ready = this.#connect()
    await this.#ready
  }

  override async stop(): Promise<void> {
    this.#stopped = true
    this.#stopping.abort()
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
    void this.#reconnectWithBackoff()
  }

  async #reconnectWithBackoff(): Promise<void> {
    const signal = this.#stopping.signal
    for (let failures = 0; !this.#stopped; failures++) {
      const delay = reconnectDelay(failures, this.#backoff)
      if (
        delay > 0 &&
        !(await this.#backoff.wait(delay, signal).then(
          () => true,
          () => false,
        ))
      )
        return
      if (this.#stopped) return
      try {
        await this.#connect()
        return
      } catch {
        // Still unreachable: the next attempt waits longer.
      }
    }
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
