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
import { KeywardOperations, type VerifyApiKeyRequest, type VerifyApiKeyResponse } from './generated/api.js'
import { KeywardError, UNREACHABLE } from './keyward-error.js'
import { VerifyCache, type VerifyCacheOptions } from './verify-cache.js'

export interface KeywardOptions {
  /** Where Keyward listens, e.g. `http://localhost:4119` (the API is under `/api`). */
  baseUrl: string | URL
  /** The secret key the client calls Keyward with; `verify` needs its role to have `canVerifyApiKeys`. */
  secretKey: string
  /** The cache of positive verifications; `false` asks Keyward every time. */
  cache?: VerifyCacheOptions | false
  /** The fetch to send requests with. Default: the platform's. */
  fetch?: typeof fetch
  /** The clock the cache ages answers by, in ms since epoch. Default `Date.now`. */
  clock?: () => number
}

/** What a request to protect needs of its key; all optional (see {@link Keyward.verify}). */
export type VerifyOptions = Omit<VerifyApiKeyRequest, 'secretKey'>

export class Keyward extends KeywardOperations {
  readonly #base: string
  readonly #secretKey: string
  readonly #fetch: typeof fetch
  readonly #cache: VerifyCache | undefined

  constructor(options: KeywardOptions) {
    super()
    this.#base = `${String(options.baseUrl).replace(/\/+$/, '')}/api`
    this.#secretKey = options.secretKey
    this.#fetch = options.fetch ?? globalThis.fetch
    this.#cache = options.cache === false ? undefined : new VerifyCache(options.cache ?? {}, options.clock ?? Date.now)
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
    const hash = this.#cache ? VerifyCache.hashOf({ secretKey, permissions: options.permissions, address: options.address }) : undefined
    if (hash !== undefined) {
      const cached = this.#cache!.get(hash, undefined)
      if (cached) return cached
    }
    const answer = await this.verifyApiKey({ ...options, secretKey })
    if (hash !== undefined) this.#cache!.set(hash, answer)
    return answer
  }

  protected async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { 'api-version': 'v1', authorization: `ApiKey ${this.#secretKey}`, accept: 'application/json' }
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
    throw new KeywardError(res.status, typeof refusal.code === 'string' ? refusal.code : `http.${res.status}`, typeof refusal.message === 'string' ? refusal.message : res.statusText, {
      retryAfter: Number.isFinite(retryAfter) ? retryAfter : undefined,
    })
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
