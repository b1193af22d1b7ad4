import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler, RouteOptions } from 'fastify'
import helmet from 'helmet'

type Directives = Record<string, string[]>

const HSTS = 'max-age=31536000; includeSubDomains'

/**
 * The headers a JSON answer needs (OWASP REST Security Cheat Sheet): no MIME sniffing, so a
 * browser never renders the JSON as a page, and never framed (`frame-ancestors`, which every
 * browser with CSP level 2 obeys before `X-Frame-Options`, so that one would only add bytes to
 * every answer; nor `default-src`: a JSON answer that is never rendered loads nothing).
 * `Cache-Control: no-store` comes from the API guard; HSTS only over HTTPS (directly or from a
 * trusted proxy): on plain HTTP it would claim a TLS the operator does not serve. Set as
 * Fastify's headers, not the raw response's: a header set on the raw response sends Node's
 * `writeHead` down its slow path, which sets every other header of the answer one by one again.
 */
const API_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "frame-ancestors 'none'",
}

/** The hooks that give the console's routes helmet's set instead of the API's. */
const consoleHooks = new WeakSet<onRequestHookHandler>()

/** The API's headers on an error answer, which may end a request before its route's hooks ran (a refused credential, a 404). */
export function setApiSecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  void reply.headers(API_HEADERS)
  if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS)
}

/**
 * Every route but the console's gets the few headers above, as constants, from a hook of its
 * own (chosen once, as the route is declared, rather than per request): helmet's full set (the
 * console's Content-Security-Policy and a dozen others) cost a measurable share of a JSON
 * request. `https` says whether a request can come over HTTPS at all (TLS here, or a trusted
 * proxy that says so); if not, no request asks which protocol it came over.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }): void {
  const plain: onRequestHookHandler = (_request, reply, done) => {
    void reply.headers(API_HEADERS)
    done()
  }
  const maybeHttps: onRequestHookHandler = (request, reply, done) => {
    setApiSecurityHeaders(request, reply)
    done()
  }
  const apiHeaders = options.https ? maybeHttps : plain
  app.addHook('onRoute', (route: RouteOptions) => {
    const onRequest = [route.onRequest ?? []].flat()
    if (!onRequest.some((hook) => consoleHooks.has(hook))) route.onRequest = [...onRequest, apiHeaders]
  })
}

/** Helmet's full set with the console's Content-Security-Policy, for the routes that serve the console. */
export function consoleSecurityHeaders(contentSecurityPolicy: Directives): onRequestHookHandler {
  const apply = helmet({ contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy }, strictTransportSecurity: false })
  const hook: onRequestHookHandler = (request, reply, done) => {
    if (request.protocol === 'https') reply.raw.setHeader('strict-transport-security', HSTS)
    apply(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined))
  }
  consoleHooks.add(hook)
  return hook
}
