import type { FastifyInstance, onRequestHookHandler } from 'fastify'
import helmet from 'helmet'

type Directives = Record<string, string[]>

const HSTS = 'max-age=31536000; includeSubDomains'

/**
 * The headers a JSON answer needs (OWASP REST Security Cheat Sheet): no MIME sniffing, never
 * framed, nothing loadable from it. `Cache-Control: no-store` comes from the API guard; HSTS
 * only over HTTPS (directly or from a trusted proxy): on plain HTTP it would claim a TLS
 * the operator does not serve. Set as Fastify's headers, not the raw response's: a header set
 * on the raw response sends Node's `writeHead` down its slow path, which sets every other
 * header of the answer one by one again.
 */
const API_HEADERS: [string, string][] = [
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'DENY'],
  ['content-security-policy', "default-src 'none'; frame-ancestors 'none'"],
]

/**
 * Every answer gets the few headers above, as constants: helmet's full set (the console's
 * Content-Security-Policy and a dozen others) cost a measurable share of a JSON request.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    for (const [name, value] of API_HEADERS) void reply.header(name, value)
    if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS)
    done()
  })
}

/** Helmet's full set with the console's Content-Security-Policy, for the routes that serve the console. */
export function consoleSecurityHeaders(contentSecurityPolicy: Directives): onRequestHookHandler {
  const apply = helmet({ contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy }, strictTransportSecurity: false })
  return (request, reply, done) => {
    // Fastify's headers would override helmet's (set on the raw response) at send time.
    for (const [name] of API_HEADERS) void reply.removeHeader(name)
    if (request.protocol === 'https') reply.raw.setHeader('strict-transport-security', HSTS)
    apply(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined))
  }
}
