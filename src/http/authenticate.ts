import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { FailureThrottle } from '../auth/failure-throttle.js'
import type { Principal } from '../auth/principal.js'
import type { Verifier } from '../auth/verifier.js'
import { KeywardError } from '../errors/keyward-error.js'
import type { SessionService } from '../sessions/service.js'
import { extractSecret } from './credentials.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** Who sent the request; set on every authenticated route before validation. */
    principal: Principal | undefined
  }
  interface FastifyContextConfig {
    /** The route needs no credentials (sign-in, the OpenAPI document). */
    public?: boolean
    /** The route needs no api-version header (the OpenAPI document). */
    unversioned?: boolean
  }
}

export const SESSION_COOKIE = 'keyward_session'
export const CSRF_HEADER = 'x-csrf-token'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The principal of an authenticated route (the hook has run, so it is there). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error(`route ${request.routeOptions.url} ran without a principal`)
  return request.principal
}

function sameToken(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string') return false
  const a = Buffer.from(sent)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Authenticates every non-public route of the scope it is registered in, on `onRequest`, so
 * an unauthenticated client costs no body parsing or validation. An API secret key (header)
 * wins over a console session (cookie); a session must also send its CSRF token on every
 * request that may change something.
 */
export function registerAuthentication(app: FastifyInstance, deps: { verifier: Verifier; sessions: SessionService; throttle: FailureThrottle }): void {
  app.decorateRequest('principal', undefined)
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.public) return
    const secret = extractSecret(request.headers)
    const sessionToken = secret === undefined ? request.cookies[SESSION_COOKIE] : undefined
    if (secret === undefined && !sessionToken) throw new KeywardError('auth.credentials_missing')
    deps.throttle.check(request.ip)
    try {
      request.principal = secret !== undefined ? await deps.verifier.verify(secret, request.ip) : await deps.sessions.authenticate(sessionToken!, request.ip)
    } catch (error) {
      if (error instanceof KeywardError && error.status === 401) deps.throttle.recordFailure(request.ip)
      throw error
    }
    const session = request.principal.session
    if (session && !SAFE_METHODS.has(request.method) && !sameToken(request.headers[CSRF_HEADER], session.csrfToken)) {
      throw new KeywardError('auth.csrf_invalid')
    }
  })
}
