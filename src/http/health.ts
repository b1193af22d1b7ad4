import type { FastifyInstance } from 'fastify'
import { negotiateLocale, translate } from '../i18n/translate.js'
import type { Store } from '../store/store.js'
import { DATABASE_RETRY_AFTER_SECONDS } from './error-handler.js'

/** `/readyz` answers within this, whatever the database does (a hung server included). */
const READY_DEADLINE_MS = 900

/**
 * `/healthz`: the process answers. `/readyz`: and its database can serve, reads and writes
 * (see `Store.outage`); else 503 with the kind of problem, its cause in the log. Neither needs
 * credentials, so the answer names no file and no server.
 */
export function registerHealthRoutes(app: FastifyInstance, store: Store): void {
  const hide = { hide: true }
  // A plain function: Fastify sends its value without a promise and a microtask.
  app.get('/healthz', { schema: hide }, () => ({ status: 'ok' }))
  app.get('/readyz', { schema: hide }, async (request, reply) => {
    const outage = await store.outage(READY_DEADLINE_MS)
    if (!outage) return { status: 'ready', database: store.engine }
    request.log.warn({ outage }, `not ready: database ${outage.kind} (${outage.cause})`)
    const seconds = DATABASE_RETRY_AFTER_SECONDS
    return reply
      .code(503)
      .header('retry-after', String(seconds))
      .send({
        status: 'unavailable',
        database: store.engine,
        problem: outage.kind,
        code: 'server.database_unavailable',
        message: translate('server.database_unavailable', negotiateLocale(request.headers['accept-language']), { seconds }),
      })
  })
}
