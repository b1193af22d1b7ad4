/**
 * Keyward's stream of key changes (`GET /api/apikeys/changes`, Server-Sent Events), followed
 * over `fetch`: every event ID is remembered and sent back as `Last-Event-ID` on reconnect, so
 * no change is lost across a dropped connection or a Keyward restart.
 *
 * @module
 */

import type { StreamApiKeyChangesEvent } from './generated/api.js'

/** One change that can make a cached verification wrong, as Keyward sends it (typed from Keyward's OpenAPI document). */
export type KeyChange = StreamApiKeyChangesEvent

export type KeyChangeStreamEvent =
  /** `isResumed`: the stream went on after the last event received before (nothing was missed). */
  | { readonly type: 'connected'; readonly resumedAfter: number; readonly isResumed: boolean }
  | { readonly type: 'change'; readonly change: KeyChange }
  | { readonly type: 'disconnected'; readonly error: unknown }

export interface KeyChangeStreamOptions {
  /** First wait before reconnecting, in ms; doubled after each failed try. Default: what Keyward says (`retry:`, 1 s). */
  reconnectDelayMs?: number
  /** Longest wait between tries, in ms. Default 30 s. */
  maxReconnectDelayMs?: number
  /** A connection that brings nothing (Keyward sends a heartbeat every 15 s) for this long is dropped and made again, in ms. Default 35 s. */
  idleTimeoutMs?: number
}

interface Connection {
  readonly url: string
  readonly headers: Record<string, string>
  readonly fetch: typeof fetch
  readonly clock: () => number
}

/** One Server-Sent Event as parsed. */
interface ServerEvent {
  id: string | undefined
  event: string
  data: string[]
}

export class KeyChangeStream {
  readonly #connection: Connection
  readonly #options: KeyChangeStreamOptions
  readonly #listeners = new Set<(event: KeyChangeStreamEvent) => void>()
  #lastEventId: number | undefined
  #isConnected = false
  #lostAt: number | undefined
  #serverRetryMs: number | undefined
  #running: Promise<void> | undefined
  #abort: AbortController | undefined
  #isClosed = false
  #generation = 0

  constructor(connection: Connection, options: KeyChangeStreamOptions = {}) {
    this.#connection = connection
    this.#options = options
  }

  /** Whether a connection is open and Keyward has acknowledged it (its `ready` event came). */
  get isConnected(): boolean {
    return this.#isConnected
  }

  /** When the last connection was lost (ms since epoch), while there is none. */
  get lostAt(): number | undefined {
    return this.#isConnected ? undefined : this.#lostAt
  }

  /** The ID of the last event received: where the next connection resumes. */
  get lastEventId(): number | undefined {
    return this.#lastEventId
  }

  /**
   * Goes up with every change, and with every connection that does not resume the last: an
   * answer fetched while it moved may predate what it stands for, and is not to be cached.
   */
  get generation(): number {
    return this.#generation
  }

  /** Hears every event from now on; returns the function that stops hearing them. */
  subscribe(listener: (event: KeyChangeStreamEvent) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Starts following the stream (once; later calls do nothing). */
  start(): void {
    if (this.#running || this.#isClosed) return
    this.#running = this.#follow()
  }

  /** Stops following the stream and closes its connection. */
  async close(): Promise<void> {
    this.#isClosed = true
    this.#abort?.abort()
    await this.#running
  }

  async #follow(): Promise<void> {
    let failures = 0
    while (!this.#isClosed) {
      let error: unknown = new Error('Keyward ended the stream of key changes')
      try {
        await this.#connect(() => (failures = 0))
      } catch (thrown) {
        error = thrown
      }
      if (this.#isConnected) this.#lostAt = this.#connection.clock()
      this.#isConnected = false
      if (this.#isClosed) return
      this.#emit({ type: 'disconnected', error })
      const first = this.#options.reconnectDelayMs ?? this.#serverRetryMs ?? 1000
      await this.#wait(Math.min(first * 2 ** failures, this.#options.maxReconnectDelayMs ?? 30_000))
      failures++
    }
  }

  async #connect(onReady: () => void): Promise<void> {
    const abort = new AbortController()
    this.#abort = abort
    const headers: Record<string, string> = { ...this.#connection.headers, accept: 'text/event-stream' }
    if (this.#lastEventId !== undefined) headers['last-event-id'] = String(this.#lastEventId)
    const idleMs = this.#options.idleTimeoutMs ?? 35_000
    let idle = setTimeout(() => abort.abort(), idleMs)
    try {
      const res = await this.#connection.fetch(this.#connection.url, { headers, signal: abort.signal })
      if (!res.ok || !res.body) throw new Error(`Keyward answered ${res.status} to the stream of key changes`)
      const decoder = new TextDecoder()
      let buffered = ''
      let event: ServerEvent = { id: undefined, event: 'message', data: [] }
      const reader = res.body.getReader()
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return
        clearTimeout(idle)
        idle = setTimeout(() => abort.abort(), idleMs)
        buffered += decoder.decode(value, { stream: true })
        const lines = buffered.split(/\r\n|\r|\n/)
        buffered = lines.pop() ?? ''
        for (const line of lines) {
          if (line === '') {
            if (event.data.length > 0) this.#dispatch(event, onReady)
            event = { id: undefined, event: 'message', data: [] }
            continue
          }
          const colon = line.indexOf(':')
          if (colon === 0) continue
          const field = colon < 0 ? line : line.slice(0, colon)
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
          if (field === 'id') event.id = value
          else if (field === 'event') event.event = value
          else if (field === 'data') event.data.push(value)
          else if (field === 'retry' && /^\d+$/.test(value)) this.#serverRetryMs = Number(value)
        }
      }
    } finally {
      clearTimeout(idle)
      abort.abort()
    }
  }

  #dispatch(event: ServerEvent, onReady: () => void): void {
    const id = event.id !== undefined && /^\d+$/.test(event.id) ? Number(event.id) : undefined
    if (event.event === 'ready') {
      const resumedAfter = id ?? 0
      const isResumed = this.#lastEventId !== undefined
      if (!isResumed) this.#generation++
      this.#lastEventId = resumedAfter
      this.#isConnected = true
      onReady()
      this.#emit({ type: 'connected', resumedAfter, isResumed })
      return
    }
    let change: KeyChange
    try {
      change = JSON.parse(event.data.join('\n')) as KeyChange
    } catch {
      return
    }
    if (id !== undefined) this.#lastEventId = id
    this.#generation++
    this.#emit({ type: 'change', change })
  }

  #emit(event: KeyChangeStreamEvent): void {
    for (const listener of this.#listeners) listener(event)
  }

  #wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms)
      const abort = new AbortController()
      this.#abort = abort
      abort.signal.addEventListener('abort', () => {
        clearTimeout(timer)
        resolve()
      })
    })
  }
}
