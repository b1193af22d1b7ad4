import { ERROR_STATUS, type ErrorCode } from './error-codes.js'
import { redactSecrets } from '../auth/secret-format.js'
import { translate, type Locale, type MessageParams } from '../i18n/translate.js'

/** Longest text of a client's own input echoed back in a message. */
const MAX_ECHO = 100

/** Parameters as they may be shown and logged: anything shaped like a secret masked, long text cut. */
function sanitize(params: MessageParams): MessageParams {
  const safe: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(params)) {
    safe[name] = typeof value === 'string' ? redactSecrets(value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}…` : value) : value
  }
  return safe
}

export interface KeywardErrorOptions {
  cause?: unknown
  /** Seconds the client should wait; sent as `Retry-After`. */
  retryAfterSeconds?: number
  /** The language to answer in when the request has no principal yet, e.g. a refused key's. */
  locale?: Locale
  /**
   * false: no stack trace, for refusals a client can repeat at will (a bad secret): capturing
   * one costs more than the rest of the error, and a 4xx is logged without it.
   */
  stack?: boolean
}

/**
 * An error a client caused or may see: a registered code, its parameters and its status.
 *
 * `message` is the English text, for logs; the HTTP layer renders the code again in the
 * principal's language. Parameters are shown to clients and logged, so anything in them
 * shaped like a secret is masked here, whatever the caller passed.
 *
 * ### Examples
 * ```ts
 * throw new KeywardError('apikey.name_in_use', { name: 'ci-reader' })
 * ```
 */
export class KeywardError extends Error {
  readonly code: ErrorCode
  readonly params: MessageParams
  readonly status: number
  readonly retryAfterSeconds: number | undefined
  readonly locale: Locale | undefined

  constructor(code: ErrorCode, params: MessageParams = {}, options: KeywardErrorOptions = {}) {
    const safe = sanitize(params)
    const stackTraceLimit = Error.stackTraceLimit
    if (options.stack === false) Error.stackTraceLimit = 0
    try {
      super(translate(code, 'en-US', safe), { cause: options.cause })
    } finally {
      Error.stackTraceLimit = stackTraceLimit
    }
    this.name = 'KeywardError'
    this.code = code
    this.params = safe
    this.status = ERROR_STATUS[code]
    this.retryAfterSeconds = options.retryAfterSeconds
    this.locale = options.locale
  }
}
