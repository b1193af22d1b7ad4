import type { FastifyInstance } from 'fastify'
import { KeywardError } from '../errors/keyward-error.js'

export const API_VERSION = 'v1'

/**
 * Requires `api-version: v1` on every route of the scope, as the model API does. A custom
 * header also keeps cross-site forms out: a browser cannot send one without a CORS preflight,
 * which Keyward never grants.
 */
export function registerApiVersionCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.unversioned) return
    const version = request.headers['api-version']
    if (version === undefined || version === '') throw new KeywardError('request.api_version_missing')
    if (version !== API_VERSION) throw new KeywardError('request.api_version_unsupported', { version: String(version).slice(0, 20) })
  })
}
