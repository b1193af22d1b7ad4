import type { ServerResponse } from 'node:http'
import type { KeywardApp } from '../app.js'

/** After the drain, how long flushing usage and closing the app may take before Keyward exits anyway. */
const CLOSE_GRACE_MS = 5000

/**
 * Shuts a listening app down without cutting what it already answers: it stops accepting
 * connections, answers new requests on open ones with 503 and `Connection: close` (see
 * `registerErrorHandling`), lets the responses in flight finish until the drain deadline, then
 * writes batched usage and closes the app. Tracks responses from construction on, so build it
 * when the app starts listening.
 */
export class GracefulShutdown {
  readonly #app: KeywardApp
  readonly #drainMs: number
  #inFlight = 0
  #drained: (() => void) | undefined

  constructor(app: KeywardApp, drainMs: number) {
    this.#app = app
    this.#drainMs = drainMs
    const server = app.fastify.server
    const closeIdleConnections = server.closeIdleConnections.bind(server)
    // Node counts a connection as idle once its response has ended, even while megabytes of it
    // still wait in the socket for a slow client: server.close() (and so Fastify's close) would
    // destroy it and cut the answer (issue 11, case 5). Idle connections are closed once no
    // answer is in flight.
    server.closeIdleConnections = () => {
      if (this.#inFlight === 0) closeIdleConnections()
    }
    // One listener shared by every response (not a closure and a `once` wrapper per request):
    // 'close' comes once, when the whole body is handed to the system or the client has gone.
    const finished = () => {
      this.#inFlight--
      if (this.#drained === undefined || this.#inFlight > 0) return
      closeIdleConnections()
      this.#drained()
    }
    server.on('request', (_request, response: ServerResponse) => {
      this.#inFlight++
      response.on('close', finished)
    })
  }

  /**
   * Drains, closes the app, then runs `afterClose` (closing the store). Resolves true when every response finished in time, false when the
   * deadline cut some (their connections are destroyed) or closing the app took too long.
   */
  async run(afterClose: () => Promise<void> = async () => {}): Promise<boolean> {
    const log = this.#app.fastify.log
    const drained = new Promise<void>((resolve) => {
      this.#drained = resolve
      if (this.#inFlight === 0) resolve()
    })
    const closing = this.#app.close().then(afterClose)
    const cut = await waitUntil(drained, this.#drainMs)
    if (cut) {
      log.error(`shutdown: the drain deadline (${this.#drainMs} ms) cut ${this.#inFlight} response(s) short`)
      this.#app.fastify.server.closeAllConnections()
    }
    const stuck = await waitUntil(
      closing.catch((err: unknown) => log.error({ err }, 'shutdown: closing failed')),
      CLOSE_GRACE_MS,
    )
    if (stuck) log.error(`shutdown: writing pending usage and closing took more than ${CLOSE_GRACE_MS} ms`)
    return !cut && !stuck
  }
}

/** Resolves true when `ms` passed before `promise` settled. */
async function waitUntil(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), ms)))
  try {
    return await Promise.race([promise.then(() => false), late])
  } finally {
    clearTimeout(timer)
  }
}
