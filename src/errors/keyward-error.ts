import { ERROR_STATUS, type ErrorCode } from './error-codes.js'
import { translate, type MessageParams } from '../i18n/translate.js'

export interface KeywardErrorOptions {
  cause?: unknown
  /** Seconds the client should wait; sent as `Retry-After`. */
  retryAfterSeconds?: number
}

/**
 * An error a client caused or may see: a registered code, its parameters and its status.
 *
 * `message` is the English text, for logs; the HTTP layer renders the code again in the
 * principal's language. Parameters are shown to clients, so they never hold a secret.
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

  constructor(code: ErrorCode, params: MessageParams = {}, options: KeywardErrorOptions = {}) {
    super(translate(code, 'en-US', params), { cause: options.cause })
    this.name = 'KeywardError'
    this.code = code
    this.params = params
    this.status = ERROR_STATUS[code]
    this.retryAfterSeconds = options.retryAfterSeconds
  }
}
