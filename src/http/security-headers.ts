import type { FastifyInstance } from 'fastify'
import helmet from 'helmet'

type Directives = Record<string, string[]>

/**
 * Helmet's security headers on every answer. The middleware is built once: @fastify/helmet
 * builds it again for every request (parsing the Content-Security-Policy each time), which
 * cost about a sixth of a trivial request's CPU.
 */
export function registerSecurityHeaders(app: FastifyInstance, contentSecurityPolicy: Directives): void {
  const apply = helmet({ contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy } })
  app.addHook('onRequest', (request, reply, done) => {
    apply(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined))
  })
}
