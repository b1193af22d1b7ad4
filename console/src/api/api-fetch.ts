import { ApiError, NETWORK_ERROR } from './api-error.js'

export type HttpMethod = 'GET' | 'POST' | 'DELETE'

export interface ApiRequest {
  readonly method: HttpMethod
  /** A path below `/api`, e.g. `/apikeys/search`. */
  readonly path: string
  readonly body?: unknown
}

export interface ApiRequestContext {
  /** The session's CSRF token, sent on every request that may change something. */
  readonly csrfToken?: string
  /** The console's language, for answers to requests made before signing in. */
  readonly locale: string
  /** Message for a request that got no answer, in the console's language. */
  readonly networkMessage: string
  /** Message for an error answer without a body, in the console's language. */
  readonly unexpectedMessage: (status: number) => string
}

export interface ApiResponse<T> {
  readonly data: T
  readonly headers: Headers
}

/**
 * One call to Keyward's public API with the session cookie: `api-version: v1`,
 * `Accept-Language`, JSON, and `X-CSRF-Token` on writes.
 *
 * @throws ApiError for an error answer (with the server's localised message) or no answer.
 */
export async function apiFetch<T>(request: ApiRequest, context: ApiRequestContext): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { 'api-version': 'v1', accept: 'application/json', 'accept-language': context.locale }
  if (request.method !== 'GET' && context.csrfToken) headers['x-csrf-token'] = context.csrfToken
  let body: string | undefined
  if (request.body !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(request.body)
  }
  let response: Response
  try {
    response = await fetch(`/api${request.path}`, { method: request.method, headers, body, credentials: 'same-origin', cache: 'no-store' })
  } catch {
    throw new ApiError(0, NETWORK_ERROR, context.networkMessage)
  }
  const text = await response.text()
  let parsed: unknown
  if (text !== '') {
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = undefined
    }
  }
  if (!response.ok) {
    const error = parsed as { message?: unknown; code?: unknown } | undefined
    const message = typeof error?.message === 'string' ? error.message : context.unexpectedMessage(response.status)
    const code = typeof error?.code === 'string' ? error.code : `http.${response.status}`
    throw new ApiError(response.status, code, message)
  }
  return { data: parsed as T, headers: response.headers }
}
