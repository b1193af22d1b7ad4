import type { FastifyInstance, onRequestHookHandler, onSendHookHandler, RouteOptions } from 'fastify'
import type { Metrics } from './metrics.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** `performance.now()` when the request was routed: where its duration in the metrics starts. */
    routedAt: number
  }
}

/** Observes each answer of one route, whose pattern is known when the hook is made. */
function observer(metrics: Metrics, route: string): onSendHookHandler {
  return (request, reply, payload, done) => {
    metrics.request(request.method, route, reply.statusCode, (performance.now() - request.routedAt) / 1000)
    done(null, payload)
  }
}

/**
 * Counts every answer under its route's pattern, with a hook given each route as it is
 * declared (reading the pattern per request, from `request.routeOptions`, builds a 13-field
 * object every time). Returns the hook for answers no route matched (`unmatched`), which the
 * not-found handler must carry: Fastify declares no route for it.
 *
 * The answer is observed as it is sent (`onSend`), not once written (`onResponse`): an
 * `onResponse` hook makes Fastify put two listeners on every response. So the duration runs
 * from routing to the answer handed to Node, and a hijacked answer (the key-change stream) is
 * not counted.
 */
export function registerRequestMetrics(app: FastifyInstance, metrics: Metrics): onSendHookHandler {
  app.decorateRequest('routedAt', 0)
  const start: onRequestHookHandler = (request, _reply, done) => {
    request.routedAt = performance.now()
    done()
  }
  app.addHook('onRequest', start)
  app.addHook('onRoute', (route: RouteOptions) => {
    route.onSend = [...[route.onSend ?? []].flat(), observer(metrics, route.url)]
  })
  return observer(metrics, 'unmatched')
}
