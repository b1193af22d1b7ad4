/**
 * What a failed call to Keyward throws: Keyward's own refusal (`status` and `code` from its
 * answer, `message` in the caller's language), or `keyward.unreachable` (status 503) when no
 * answer came at all.
 *
 * @module
 */
export class KeywardError extends Error {
  override readonly name = 'KeywardError'
  /** The HTTP status Keyward answered, or 503 when it could not be reached. */
  readonly status: number
  /** Keyward's error code (e.g. `apikey.not_found`), or `keyward.unreachable`. */
  readonly code: string
  /** Seconds to wait, when Keyward answered 429 with `Retry-After`. */
  readonly retryAfter: number | undefined

  constructor(status: number, code: string, message: string, options: { retryAfter?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause })
    this.status = status
    this.code = code
    this.retryAfter = options.retryAfter
  }
}

/** The code of a {@link KeywardError} thrown when Keyward gave no answer (down, refused, cut off). */
export const UNREACHABLE = 'keyward.unreachable'
