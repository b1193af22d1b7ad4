/**
 * An error answer of the API, `{message, code}`, or a request that never got one. The
 * message is already in the administrator's language: the console shows it as it is and
 * branches on `code` only.
 */
export class ApiError extends Error {
  readonly status: number
  readonly code: string

  constructor(status: number, code: string, message: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
  }
}

/** The code of a request that could not reach Keyward at all. */
export const NETWORK_ERROR = 'console.network'
