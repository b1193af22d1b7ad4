/**
 * An example service protected by Keyward: GET /invoices needs a key with the permission
 * `invoices.read`, sent as `Authorization: Bearer <key>`, `Authorization: ApiKey <key>` or
 * `x-api-key: <key>`, and answers with the key the middleware verified.
 *
 * @module
 */
import Fastify, { type FastifyInstance } from 'fastify'
// In your own service: `from 'keyward-client'`.
import type { Keyward } from '../../packages/client/src/index.js'

export function invoiceService(keyward: Keyward): FastifyInstance {
  const app = Fastify()
  app.get('/invoices', { onRequest: keyward.fastify({ permissions: 'invoices.read', header: 'x-api-key' }) }, async (request) => ({
    key: keyward.keyOf(request),
  }))
  return app
}
