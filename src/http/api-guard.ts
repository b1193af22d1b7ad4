import { parseCookie } from 'cookie'
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction, onRequestHookHandler, RouteOptions } from 'fastify'
import type { FailureThrottle } from '../auth/failure-throttle.js'
import { constantTimeEqual } from '../auth/secret-format.js'
import type { Principal } from '../auth/principal.js'
import type { Verifier } from '../auth/verifier.js'
import { KeywardError } from '../errors/keyward-error.js'
import type { UsageLimits } from '../limits/usage-limits.js'
import type { AuthenticationMethod, Metrics } from '../metrics/metrics.js'
import type { SessionService } from '../sessions/service.js'
import { extractSecret } from './credentials.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** Who sent the request; set on every authenticated route before the body is read. */
    principal: Principal | undefined
  }
  interface FastifyContextConfig {
    /** The route needs no credentials (sign-in, the OpenAPI document). */
    public?: boolean
    /** The route needs no api-version header (the OpenAPI document). */
    unversioned?: boolean
  }
}

export const API_VERSION = 'v1'
export const SESSION_COOKIE = 'keyward_session'
export const CSRF_HEADER = 'x-csrf-token'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The principal of an authenticated route (the guard has run, so it is there). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error(`route ${request.routeOptions.url} ran without a principal`)
  return request.principal
}

/**
 * The session cookie's value from a `Cookie` header, read only by a request without an API
 * key: parsing every request's cookies costs requests that send none. RFC 6265 lets a value be
 * quoted, and cookie@1 keeps the quotes.
 */
export function sessionTokenOf(header: string | undefined): string | undefined {
  return header ? parseCookie(header)[SESSION_COOKIE]?.replace(/^"(.*)"$/, '$1') : undefined
}

/**
 * Requires `api-version: v1`, as the model API does. A custom header also keeps cross-site
 * forms out: a browser cannot send one without a CORS preflight, which Keyward never grants.
 */
function checkApiVersion(request: FastifyRequest): void {
  const version = request.headers['api-version']
  if (version === undefined || version === '') throw new KeywardError('request.api_version_missing')
  // Echo the value only when it looks like a version: a client may have put a secret here.
  if (version !== API_VERSION)
    throw new KeywardError('request.api_version_unsupported', { version: /^[\w.-]{1,12}$/.test(String(version)) ? String(version) : '…' })
}

/**
 * Guards every route of the `/api` scope, attached to each route as it is declared (so a
 * request pays for no hook that does not apply to it):
 *
 * 1. `Cache-Control: no-store` on every answer (some carry secrets).
 * 2. The api-version check (except the OpenAPI document).
 * 3. Authentication, before the body is read or validated (except sign-in and the document):
 *    a refusal from an address that failed too often is a 429 instead of a 401;
 *    an API secret key (header) wins over a console session (cookie); a session must also send
 *    its CSRF token on every request that may change something. A cached valid key is
 *    verified synchronously, without a promise.
 * 4. The key's rate limits (429 with Retry-After beyond), synchronously while this process
 *    holds a lease of them.
 * 5. A POST without a body gets an empty object: searches take no criteria, a new secret takes
 *    nothing, and a create names the fields it misses.
 */
export function registerApiGuard(
  api: FastifyInstance,
  deps: { verifier: Verifier; sessions: SessionService; throttle: FailureThrottle; limits: UsageLimits; metrics: Metrics },
): void {
  api.decorateRequest('principal', undefined)

  const accept = (request: FastifyRequest, principal: Principal, method: AuthenticationMethod): void | Promise<void> => {
    request.principal = principal
    const session = principal.kind === 'session' ? principal.session : undefined
    const sent = request.headers[CSRF_HEADER]
    if (session && !SAFE_METHODS.has(request.method) && !(typeof sent === 'string' && constantTimeEqual(sent, session.csrfToken))) {
      throw new KeywardError('auth.csrf_invalid')
    }
    deps.metrics.authentication(method, 'ok')
    return deps.limits.admitApiCall(principal)
  }
  const acceptThenDone = (request: FastifyRequest, principal: Principal, method: AuthenticationMethod, done: HookHandlerDoneFunction): void => {
    const admitted = accept(request, principal, method)
    if (admitted) admitted.then(() => done(), done)
    else done()
  }
  // The throttle applies to failures only: a valid credential is never refused because
  // another client behind the same address (a proxy, a NAT) keeps failing.
  const refuse = (request: FastifyRequest, error: unknown, method: AuthenticationMethod | undefined): unknown => {
    if (method !== undefined && !(error instanceof KeywardError && error.code === 'request.rate_limited')) {
      deps.metrics.authentication(method, error instanceof KeywardError ? error.code : 'error')
    }
    if (!(error instanceof KeywardError && error.status === 401)) return error
    try {
      deps.throttle.check(request.ip)
    } catch (tooMany) {
      return tooMany
    }
    deps.throttle.recordFailure(request.ip)
    return error
  }

  const authenticated = (versioned: boolean): onRequestHookHandler =>
    function guard(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
      void reply.header('cache-control', 'no-store')
      let method: AuthenticationMethod | undefined
      try {
        if (versioned) checkApiVersion(request)
        const secret = extractSecret(request.headers)
        const sessionToken = secret === undefined ? sessionTokenOf(request.headers.cookie) : undefined
        if (secret === undefined && !sessionToken) throw new KeywardError('auth.credentials_missing')
        const address = request.ip
        method = secret !== undefined ? 'apikey' : 'session'
        const result = secret !== undefined ? deps.verifier.verify(secret, address) : deps.sessions.authenticate(sessionToken!, address)
        if (result instanceof Promise) {
          result.then(
            (principal) => {
              try {
                acceptThenDone(request, principal, method!, done)
              } catch (error) {
                done(refuse(request, error, method) as Error)
              }
            },
            (error: unknown) => done(refuse(request, error, method) as Error),
          )
          return
        }
        acceptThenDone(request, result, method, done)
      } catch (error) {
        done(refuse(request, error, method) as Error)
      }
    }

  const open = (versioned: boolean): onRequestHookHandler =>
    function guard(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
      void reply.header('cache-control', 'no-store')
      try {
        if (versioned) checkApiVersion(request)
        done()
      } catch (error) {
        done(error as Error)
      }
    }

  const emptyBody = (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    if (request.body === undefined) request.body = {}
    done()
  }

  api.addHook('onRoute', (route: RouteOptions) => {
    const versioned = !route.config?.unversioned
    const guard = route.config?.public ? open(versioned) : authenticated(versioned)
    route.onRequest = [guard, ...[route.onRequest ?? []].flat()]
    const methods = [route.method].flat()
    if (methods.includes('POST')) route.preValidation = [emptyBody, ...[route.preValidation ?? []].flat()]
  })
}
