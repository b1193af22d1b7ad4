import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { FailureThrottle } from '../auth/failure-throttle.js'
import type { Principal } from '../auth/principal.js'
import type { Verifier } from '../auth/verifier.js'
import { KeywardError } from '../errors/keyward-error.js'
import { extractSecret } from './credentials.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** Who sent the request; set on every authenticated route before validation. */
    principal: Principal | undefined
  }
  interface FastifyContextConfig {
    /** The route needs no credentials (health checks, the OpenAPI document). */
    public?: boolean
  }
}

/** The principal of an authenticated route (the hook has run, so it is there). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error(`route ${request.routeOptions.url} ran without a principal`)
  return request.principal
}

/**
 * Authenticates every non-public route of the scope it is registered in, on `onRequest`, so
 * an unauthenticated client costs no body parsing or validation.
 */
export function registerAuthentication(app: FastifyInstance, deps: { verifier: Verifier; throttle: FailureThrottle }): void {
  app.decorateRequest('principal', undefined)
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.public) return
    const secret = extractSecret(request.headers)
    if (secret === undefined) throw new KeywardError('auth.credentials_missing')
    deps.throttle.check(request.ip)
    try {
      request.principal = await deps.verifier.verify(secret, request.ip)
    } catch (error) {
      if (error instanceof KeywardError && error.status === 401) deps.throttle.recordFailure(request.ip)
      throw error
    }
  })
}
