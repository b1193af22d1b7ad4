/**
 * The Fastify hook: `onRequest: keyward.fastify({ permissions })`. Typed structurally, so the
 * package needs no Fastify types (any Fastify 4 or 5 request and reply fit).
 *
 * @module
 */
import type { VerifiedKey } from '../verified-key.js'
import { addressOf, first, protect, secretOf, verifyOptionsOf, type ProtectOptions, type Verify } from './protect.js'

/** The parts of a Fastify request the hook reads. */
export interface FastifyLikeRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly ip: string
}

/** The parts of a Fastify reply the hook answers a refusal with. */
export interface FastifyLikeReply {
  code(statusCode: number): FastifyLikeReply
  header(key: string, value: string): FastifyLikeReply
  send(payload?: unknown): FastifyLikeReply
}

export type FastifyHook = (request: FastifyLikeRequest, reply: FastifyLikeReply) => Promise<FastifyLikeReply | undefined>

export function fastifyHook(verify: Verify, remember: (request: object, key: VerifiedKey) => void, options: ProtectOptions<FastifyLikeRequest>): FastifyHook {
  const verifyOptions = verifyOptionsOf(options)
  return async (request, reply) => {
    const secret = secretOf((name) => first(request.headers[name]), options.header)
    const address = addressOf(request, options.address, (r) => r.ip)
    const outcome = await protect(verify, secret, address, verifyOptions)
    if ('key' in outcome) {
      remember(request, outcome.key)
      return undefined
    }
    reply.code(outcome.refusal.status)
    for (const [name, value] of Object.entries(outcome.refusal.headers)) reply.header(name, value)
    // An async hook that answered returns the reply, so Fastify runs no handler.
    return reply.send(outcome.refusal.body)
  }
}
