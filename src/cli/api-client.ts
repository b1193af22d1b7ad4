/**
 * The CLI's transport to a running Keyward: its REST API over HTTP(S), with an API key's
 * secret, and the API's `{message, code}` errors turned into {@link ApiError}.
 *
 * @module
 */

const API_VERSION = 'v1'
/** A request that takes longer than this is given up (not a follow: it reads its stream on its own). */
const REQUEST_TIMEOUT_MS = 30_000

/**
 * Keyward refused: its status, code and message (in the key's language). Through the API, or
 * from its services on the database, which refuse the same way.
 */
export class ApiError extends Error {
  readonly status: number
  readonly code: string | undefined
  constructor(status: number, code: string | undefined, message: string) {
    super(message)
    this.status = status
    this.code = code
  }
}

/** No answer came: a wrong URL, a server that is down, a TLS certificate not trusted. */
export class UnreachableError extends Error {}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  if (cause && typeof cause === 'object')
    return [cause.code, cause.message].filter((text, i, all) => text && all.indexOf(text) === i).join(': ') || String(error)
  return error instanceof Error ? error.message : String(error)
}

export class ApiClient {
  readonly #base: string
  readonly #secretKey: string

  /** @param url Keyward's address, e.g. `https://keys.example.com` (a trailing `/api` is allowed). */
  constructor(url: string, secretKey: string) {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      throw new Error(`the URL "${url}" is not one: give Keyward's address, e.g. http://localhost:4119`)
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`the URL "${url}" must start with http:// or https://`)
    this.#base = `${parsed.origin}${parsed.pathname.replace(/\/+$/, '').replace(/\/api$/, '')}/api`
    this.#secretKey = secretKey
  }

  get(path: string): Promise<any> {
    return this.request('GET', path)
  }

  post(path: string, body: unknown = {}): Promise<any> {
    return this.request('POST', path, body)
  }

  delete(path: string): Promise<any> {
    return this.request('DELETE', path)
  }

  /**
   * One call; the parsed JSON answer (undefined for an empty one).
   *
   * @throws ApiError for an error answer, UnreachableError when none came.
   */
  async request(method: string, path: string, body?: unknown): Promise<any> {
    const response = await this.#send(method, path, body, AbortSignal.timeout(REQUEST_TIMEOUT_MS))
    const parsed = parseJson(await response.text())
    if (!response.ok) throw errorOf(response.status, parsed)
    if (parsed === NOT_JSON) throw new UnreachableError(`${this.#base}${path} did not answer JSON: is this Keyward's address?`)
    return parsed
  }

  async #send(method: string, path: string, body: unknown, signal: AbortSignal): Promise<Response> {
    const headers: Record<string, string> = { 'api-version': API_VERSION, 'api-secret-key': this.#secretKey, accept: 'application/json' }
    if (body !== undefined) headers['content-type'] = 'application/json'
    try {
      return await fetch(`${this.#base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal })
    } catch (error) {
      throw new UnreachableError(`cannot reach Keyward at ${this.#base.replace(/\/api$/, '')}: ${causeOf(error)}`)
    }
  }
}

const NOT_JSON = Symbol('not JSON')

function parseJson(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return NOT_JSON
  }
}

function errorOf(status: number, body: unknown): ApiError {
  const { message, code } = (typeof body === 'object' && body !== null ? body : {}) as { message?: unknown; code?: unknown }
  return new ApiError(status, typeof code === 'string' ? code : undefined, typeof message === 'string' ? message : `the server answered HTTP ${status}`)
}
