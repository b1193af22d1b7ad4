/**
 * The Hono middleware: `app.get(path, keyward.hono({ permissions }), handler)`. Typed
 * structurally on the Fetch API, so the package needs no Hono types; on Node (@hono/node-server)
 * the client's address comes from the incoming socket.
 *
 * @module
 */
import type { VerifiedKey } from '../verified-key.js'
import { addressOf, protect, secretOf, verifyOptionsOf, type ProtectOptions, type Verify } from './protect.js'

/** The parts of a Hono context the middleware reads. */
export interface HonoLikeContext {
  readonly req: { header(name: string): string | undefined }
  /** On @hono/node-server: `{ incoming }`, Node's request. */
  readonly env?: unknown
  /** Hono's `c.set`: the verified key is also `c.get('apiKey')`. */
  readonly set?: unknown
}

export type HonoMiddleware = (context: HonoLikeContext, next: () => Promise<void>) => Promise<Response | undefined>

function nodeAddressOf(context: HonoLikeContext): string | undefined {
  const env = context.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined
  return env?.incoming?.socket?.remoteAddress
}

export function honoMiddleware(
  verify: Verify,
  remember: (request: object, key: VerifiedKey) => void,
  options: ProtectOptions<HonoLikeContext>,
): HonoMiddleware {
  const verifyOptions = verifyOptionsOf(options)
  return async (context, next) => {
    const secret = secretOf((name) => context.req.header(name), options.header)
    const address = addressOf(context, options.address, nodeAddressOf)
    const outcome = await protect(verify, secret, address, verifyOptions)
    if ('key' in outcome) {
      remember(context, outcome.key)
      if (typeof context.set === 'function') (context.set as (key: string, value: unknown) => void)('apiKey', outcome.key)
      await next()
      return undefined
    }
    return new Response(JSON.stringify(outcome.refusal.body), {
      status: outcome.refusal.status,
      headers: { ...outcome.refusal.headers, 'content-type': 'application/json; charset=utf-8' },
    })
  }
}
