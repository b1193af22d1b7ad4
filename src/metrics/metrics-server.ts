import Fastify, { type FastifyInstance } from 'fastify'
import type { Metrics } from './metrics.js'

/**
 * The metrics listener: `GET /metrics` in Prometheus text format, on its own address
 * (`KEYWARD_METRICS_LISTEN`), apart from the API. What it tells (traffic, failures, lock-outs)
 * is for operators only, so it is protected the way Prometheus expects: by where it listens
 * (loopback or a private interface), not by a credential a scraper would need.
 */
export function buildMetricsServer(metrics: Metrics): FastifyInstance {
  const server = Fastify({ logger: false })
  server.get('/metrics', async (_request, reply) => {
    void reply.type(metrics.registry.contentType)
    return metrics.render()
  })
  return server
}
