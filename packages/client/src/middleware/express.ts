/**
 * The Express middleware: `app.get(path, keyward.express({ permissions }), handler)`. Typed
 * structurally on Node's request and response, so the package needs no Express types.
 *
 * @module
 */
import type { VerifiedKey } from '../verified-key.js'
import { addressOf, first, protect, secretOf, verifyOptionsOf, type ProtectOptions, type Verify } from './protect.js'

/** The parts of an Express request the middleware reads. */
export interface ExpressLikeRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly ip?: string | undefined
  readonly socket?: { readonly remoteAddress?: string | undefined }
}

/** The parts of an Express response it answers a refusal with (Node's own). */
export interface ExpressLikeResponse {
  statusCode: number
  setHeader(name: string, value: string): unknown
  end(body: string): unknown
  readonly locals?: Record<string, unknown>
}

export type ExpressMiddleware = (request: ExpressLikeRequest, response: ExpressLikeResponse, next: (error?: unknown) => void) => void

export function expressMiddleware(
  verify: Verify,
  remember: (request: object, key: VerifiedKey) => void,
  options: ProtectOptions<ExpressLikeRequest>,
): ExpressMiddleware {
  const verifyOptions = verifyOptionsOf(options)
  return (request, response, next) => {
    const secret = secretOf((name) => first(request.headers[name]), options.header)
    const address = addressOf(request, options.address, (r) => r.ip ?? r.socket?.remoteAddress)
    protect(verify, secret, address, verifyOptions).then((outcome) => {
      if ('key' in outcome) {
        remember(request, outcome.key)
        if (response.locals) response.locals.apiKey = outcome.key
        next()
        return
      }
      response.statusCode = outcome.refusal.status
      for (const [name, value] of Object.entries(outcome.refusal.headers)) response.setHeader(name, value)
      response.setHeader('content-type', 'application/json; charset=utf-8')
      response.end(JSON.stringify(outcome.refusal.body))
    }, next)
  }
}
