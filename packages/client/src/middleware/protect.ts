/**
 * What the three middlewares share: reading the secret from a request, verifying it, and the
 * answer to send when the key is refused.
 *
 * @module
 */
import type { VerifyApiKeyResponse } from '../generated/api.js'
import type { VerifiedKey, VerifyOptions } from '../verified-key.js'

/** What a route needs of its key, and where the middleware finds it. */
export interface ProtectOptions<Request> extends Omit<VerifyOptions, 'address'> {
  /**
   * A header to read the secret from (e.g. `x-api-key`), besides `Authorization: Bearer <secret>`
   * and `Authorization: ApiKey <secret>`, which are always read.
   */
  header?: string
  /**
   * The end client's address, checked against the key's IP allow-list: by default the
   * framework's idea of it; `false` sends none (a key with an allow-list is then refused).
   */
  address?: false | ((request: Request) => string | undefined)
}

/** A refusal, as the middleware answers it: a status, headers and a `{ code, message }` JSON body. */
export interface Refusal {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: { readonly code: string; readonly message: string }
}

const STATUS_OF: Readonly<Record<string, number>> = {
  NOT_FOUND: 401,
  LOCKED: 401,
  EXPIRED: 401,
  DISABLED_ROLE: 401,
  IP_NOT_ALLOWED: 403,
  INSUFFICIENT_PERMISSIONS: 403,
  RATE_LIMITED: 429,
  USAGE_EXCEEDED: 429,
}

const MISSING: Refusal = {
  status: 401,
  headers: { 'www-authenticate': 'Bearer' },
  body: { code: 'MISSING_KEY', message: 'An API key is required: send it as Authorization: Bearer <key>.' },
}

/** A Node header's value (the first, when it came more than once). */
export function first(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : value?.[0]
}

/** The secret a request carries: `Authorization: Bearer|ApiKey <secret>`, else the configured header. */
export function secretOf(header: (name: string) => string | undefined, own: string | undefined): string | undefined {
  const authorization = /^(?:Bearer|ApiKey)\s+(\S+)\s*$/i.exec(header('authorization') ?? '')
  if (authorization) return authorization[1]
  const value = own === undefined ? undefined : header(own.toLowerCase())?.trim()
  return value === '' ? undefined : value
}

function keyOf(answer: VerifyApiKeyResponse): VerifiedKey {
  return {
    keyID: answer.keyID!,
    keyName: answer.keyName!,
    roleID: answer.roleID!,
    permissions: answer.permissions ?? [],
    ...(answer.meta === undefined ? {} : { meta: answer.meta }),
    ...(answer.externalID === undefined ? {} : { externalID: answer.externalID }),
    ...(answer.expiryDate === undefined ? {} : { expiryDate: answer.expiryDate }),
  }
}

export type Verify = (secret: string, options: VerifyOptions) => Promise<VerifyApiKeyResponse>

/** What a middleware concludes of a request: its key, or the refusal to answer with. */
export type Outcome = { readonly key: VerifiedKey } | { readonly refusal: Refusal }

/**
 * Verifies a request's secret. Keyward down (or refusing the service's own key) is a 503,
 * never a pass.
 */
export async function protect(verify: Verify, secret: string | undefined, address: string | undefined, options: VerifyOptions): Promise<Outcome> {
  if (secret === undefined) return { refusal: MISSING }
  let answer: VerifyApiKeyResponse
  try {
    answer = await verify(secret, { ...options, ...(address === undefined ? {} : { address }) })
  } catch {
    return { refusal: { status: 503, headers: {}, body: { code: 'KEYWARD_UNAVAILABLE', message: 'The API key could not be verified now; try again later.' } } }
  }
  if (answer.valid) return { key: keyOf(answer) }
  const status = STATUS_OF[answer.code] ?? 401
  const headers: Record<string, string> = status === 401 ? { 'www-authenticate': 'Bearer' } : {}
  if (answer.retryAfter !== undefined) headers['retry-after'] = String(answer.retryAfter)
  return { refusal: { status, headers, body: { code: answer.code, message: answer.message } } }
}

/** The end client's address a middleware sends: none when `option` is `false`, else the option's, else the framework's (`byDefault`). */
export function addressOf<Request>(
  request: Request,
  option: ProtectOptions<Request>['address'],
  byDefault: (request: Request) => string | undefined,
): string | undefined {
  if (option === false) return undefined
  return option ? option(request) : byDefault(request)
}

/** The verify options of a middleware's options (what is left once its own are taken out). */
export function verifyOptionsOf<Request>(options: ProtectOptions<Request>): VerifyOptions {
  const { header: _header, address: _address, ...verify } = options
  return verify
}
