import type { FastifyInstance, onResponseHookHandler, RouteOptions } from 'fastify'
import type { Metrics } from './metrics.js'

/** Observes each answer of one route, whose pattern is known when the hook is made. */
function observer(metrics: Metrics, route: string): onResponseHookHandler {
  return (request, reply, done) => {
    metrics.request(request.method, route, reply.statusCode, reply.elapsedTime / 1000)
    done()
  }
}

/**
 * Counts every answer under its route's pattern, with a hook given each route as it is
 * declared (reading the pattern per request, from `request.routeOptions`, builds a 13-field
 * object every time). Returns the hook for answers no route matched (`unmatched`), which the
 * not-found handler must carry: Fastify declares no route for it.
 */
export function registerRequestMetrics(app: FastifyInstance, metrics: Metrics): onResponseHookHandler {
  app.addHook('onRoute', (route: RouteOptions) => {
    route.onResponse = [...[route.onResponse ?? []].flat(), observer(metrics, route.url)]
  })
  return observer(metrics, 'unmatched')
}
