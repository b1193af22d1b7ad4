/**
 * The Keyward client: a typed method per operation of Keyward's API, and `verify` with a local
 * cache of positive answers.
 *
 * @module
 * @example
 * ```ts
 * const keyward = new Keyward({ baseUrl: 'http://localhost:4119', secretKey: process.env.KEYWARD_SECRET! })
 * const answer = await keyward.verify(secretFromRequest, { permissions: 'invoices.read' })
 * if (!answer.valid) throw new Error(answer.code)
 * ```
 */
import { KeywardOperations, type VerifyApiKeyResponse } from './generated/api.js'
import { KeyChangeStream, type KeyChange, type KeyChangeStreamOptions } from './key-change-stream.js'
import { KeywardError, UNREACHABLE } from './keyward-error.js'
import { expressMiddleware, type ExpressLikeRequest, type ExpressMiddleware } from './middleware/express.js'
import { fastifyHook, type FastifyHook, type FastifyLikeRequest } from './middleware/fastify.js'
import { honoMiddleware, type HonoLikeContext, type HonoMiddleware } from './middleware/hono.js'
import type { ProtectOptions } from './middleware/protect.js'
import type { VerifiedKey, VerifyOptions } from './verified-key.js'
import { VerifyCache, type VerifyCacheOptions } from './verify-cache.js'

export interface KeywardOptions {
  /** Where Keyward listens, e.g. `http://localhost:4119` (the API is under `/api`). */
  baseUrl: string | URL
  /** The secret key the client calls Keyward with; `verify` needs its role to have `canVerifyApiKeys`. */
  secretKey: string
  /** The cache of positive verifications; `false` asks Keyward every time. */
  cache?: VerifyCacheOptions | false
  /**
   * Keyward's stream of key changes, which drops cached answers as keys change; it opens with
   * the first `verify` while the cache is on. `false`: no stream, and every cached answer lives
   * `cache.fallbackAgeMs` only.
   */
  stream?: KeyChangeStreamOptions | false
  /** The fetch to send requests with. Default: the platform's. */
  fetch?: typeof fetch
  /** The clock the cache ages answers by, in ms since epoch. Default `Date.now`. */
  clock?: () => number
}

export class Keyward extends KeywardOperations {
  readonly #base: string
  readonly #secretKey: string
  readonly #fetch: typeof fetch
  readonly #cache: VerifyCache | undefined
  /** The stream of key changes that keeps the cache current (none without a cache). */
  readonly changes: KeyChangeStream | undefined
  /** The key each request passed by a middleware was verified with. */
  readonly #keys = new WeakMap<object, VerifiedKey>()
  readonly #remember = (request: object, key: VerifiedKey) => this.#keys.set(request, key)
  readonly #verify = (secret: string, options: VerifyOptions) => this.verify(secret, options)

  constructor(options: KeywardOptions) {
    super()
    this.#base = `${String(options.baseUrl).replace(/\/+$/, '')}/api`
    this.#secretKey = options.secretKey
    this.#fetch = options.fetch ?? globalThis.fetch
    const clock = options.clock ?? Date.now
    this.#cache = options.cache === false ? undefined : new VerifyCache(options.cache ?? {}, clock)
    if (this.#cache && options.stream !== false) {
      this.changes = new KeyChangeStream({ url: `${this.#base}/apikeys/changes`, headers: this.#headers(), fetch: this.#fetch, clock }, options.stream)
      this.changes.subscribe((event) => {
        // Answers cached before the stream first connected are not covered by it.
        if (event.type === 'connected' && !event.isResumed) this.#cache!.clear()
        if (event.type === 'change') this.#forget(event.change)
      })
    }
  }

  /** Closes the stream of key changes (the client still works, its cached answers for `cache.fallbackAgeMs` only). */
  async close(): Promise<void> {
    await this.changes?.close()
  }

  /**
   * Verifies a secret key your service received: Keyward's answer (`valid`, `code`, and the
   * key's ID, name, permissions, meta and externalID when the secret is right). A positive
   * answer without rate limits or credits is cached, so the same request again costs no round
   * trip; answers for keys with limits or credits always come from Keyward.
   *
   * @throws KeywardError 400 for a malformed permission query, 401/403 when the client's own
   * key is refused, 503 (`keyward.unreachable`) when Keyward cannot be reached and no usable
   * cached answer exists.
   */
  async verify(secretKey: string, options: VerifyOptions = {}): Promise<VerifyApiKeyResponse> {
    if (!this.#cache) return this.verifyApiKey({ ...options, secretKey })
    this.changes?.start()
    const hash = VerifyCache.hashOf({ secretKey, permissions: options.permissions, address: options.address })
    const cached = this.#cache.get(hash, this.#vouched())
    if (cached) return cached
    const generation = this.changes?.generation
    const answer = await this.verifyApiKey({ ...options, secretKey })
    // A change that arrived while Keyward was answering may postdate the answer: not cached.
    if (this.changes?.generation === generation) this.#cache.set(hash, answer)
    return answer
  }

  /**
   * A Fastify `onRequest` hook that lets a request through only with a key that passes:
   * `app.get('/invoices', { onRequest: keyward.fastify({ permissions: 'invoices.read' }) }, handler)`.
   * A refusal is answered 401, 403, 429 (with `Retry-After`) or 503 (Keyward unreachable) with
   * `{ code, message }`; the handler reads the key with {@link Keyward.keyOf}.
   */
  fastify(options: ProtectOptions<FastifyLikeRequest> = {}): FastifyHook {
    return fastifyHook(this.#verify, this.#remember, options)
  }

  /** The same for Express: `app.get('/invoices', keyward.express({ permissions }), handler)`; the key is also `res.locals.apiKey`. */
  express(options: ProtectOptions<ExpressLikeRequest> = {}): ExpressMiddleware {
    return expressMiddleware(this.#verify, this.#remember, options)
  }

  /** The same for Hono: `app.get('/invoices', keyward.hono({ permissions }), handler)`; the key is also `c.get('apiKey')`. */
  hono(options: ProtectOptions<HonoLikeContext> = {}): HonoMiddleware {
    return honoMiddleware(this.#verify, this.#remember, options)
  }

  /** The key a middleware verified a request with (Fastify's request, Express's req, Hono's context). */
  keyOf(request: object): VerifiedKey | undefined {
    return this.#keys.get(request)
  }

  /** What the stream vouches for: every change while connected, else up to when it was lost. */
  #vouched(): 'live' | number | undefined {
    if (!this.changes) return undefined
    return this.changes.isConnected ? 'live' : this.changes.lostAt
  }

  #forget(change: KeyChange): void {
    if (change.roleID !== undefined) this.#cache!.dropRole(change.roleID)
    if (change.keyID !== undefined) this.#cache!.dropKey(change.keyID)
  }

  #headers(): Record<string, string> {
    return { 'api-version': 'v1', authorization: `ApiKey ${this.#secretKey}` }
  }

  protected async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { ...this.#headers(), accept: 'application/json' }
    if (body !== undefined) headers['content-type'] = 'application/json'
    let res: Response
    let text: string
    try {
      res = await this.#fetch(`${this.#base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
      text = await res.text()
    } catch (error) {
      throw new KeywardError(503, UNREACHABLE, `Keyward at ${this.#base} could not be reached`, { cause: error })
    }
    const parsed = text === '' ? undefined : parseJson(text)
    if (res.ok) return parsed as T
    const retryAfter = Number(res.headers.get('retry-after') ?? Number.NaN)
    const refusal = (parsed ?? {}) as { code?: unknown; message?: unknown }
    throw new KeywardError(
      res.status,
      typeof refusal.code === 'string' ? refusal.code : `http.${res.status}`,
      typeof refusal.message === 'string' ? refusal.message : res.statusText,
      {
        retryAfter: Number.isFinite(retryAfter) ? retryAfter : undefined,
      },
    )
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
