import type { FastifyInstance } from 'fastify'
import { KeywardError } from '../errors/keyward-error.js'
import type { Store } from '../store/store.js'

/** `/healthz`: the process answers. `/readyz`: and its database does too. Neither needs credentials. */
export function registerHealthRoutes(app: FastifyInstance, store: Store): void {
  const hide = { hide: true }
  app.get('/healthz', { schema: hide }, async () => ({ status: 'ok' }))
  app.get('/readyz', { schema: hide }, async () => {
    if (!(await store.isReachable())) throw new KeywardError('server.unavailable', { reason: 'the database does not answer' })
    return { status: 'ready', database: store.engine }
  })
}
