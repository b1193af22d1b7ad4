import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify'
import { KeywardError } from '../errors/keyward-error.js'
import { negotiateLocale, translate } from '../i18n/translate.js'
import { redactSecrets } from '../auth/secret-format.js'
import { databaseOutageOf } from '../store/database-errors.js'
import { setApiSecurityHeaders } from './security-headers.js'
import { toValidationError } from './validation.js'

/** How long a client is asked to wait when the database is out (`Retry-After`). */
export const DATABASE_RETRY_AFTER_SECONDS = 5

/** How long a client is asked to wait when this server is shutting down (`Retry-After`): a restart. */
const SHUTDOWN_RETRY_AFTER_SECONDS = 5

/**
 * Maps anything thrown while serving a request to the one error a client sees. Client errors
 * keep their code; a database outage becomes `server.database_unavailable` (503, `Retry-After`);
 * everything else becomes `server.internal`, whose text says nothing of the cause (the log has
 * it, under the request ID).
 */
export function toKeywardError(error: FastifyError, request: FastifyRequest): KeywardError {
  if (error instanceof KeywardError) return error
  if (error.validation) return toValidationError(error.validation as never, error.validationContext ?? 'body')
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new KeywardError('request.body_too_large', { limit: request.routeOptions.bodyLimit ?? 0 })
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new KeywardError('request.media_type_unsupported', { type: String(request.headers['content-type'] ?? '') })
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new KeywardError('request.body_invalid_json')
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return new KeywardError('request.malformed', {}, { cause: error })
  }
  if (databaseOutageOf(error)) {
    const seconds = DATABASE_RETRY_AFTER_SECONDS
    return new KeywardError('server.database_unavailable', { seconds }, { cause: error, retryAfterSeconds: seconds })
  }
  return new KeywardError('server.internal', { requestId: String(request.id) }, { cause: error })
}

/** Renders an error in the caller's language: the principal's (or the refused key's), else `Accept-Language`. */
export function sendError(error: KeywardError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const locale = request.principal?.locale ?? error.locale ?? negotiateLocale(request.headers['accept-language'])
  setApiSecurityHeaders(request, reply)
  if (error.retryAfterSeconds !== undefined) void reply.header('retry-after', String(error.retryAfterSeconds))
  if (error.status === 401) void reply.header('www-authenticate', 'ApiKey realm="keyward"')
  return reply
    .code(error.status)
    .type('application/json; charset=utf-8')
    .send({ message: translate(error.code, locale, error.params), code: error.code })
}

export function registerErrorHandling(app: FastifyInstance, hooks: { onUnmatchedSend?: onSendHookHandler } = {}): void {
  // Requests that reach an open connection once closing began get Keyward's 503, not Fastify's
  // (return503OnClosing, whose body is not `{message, code}`); Fastify adds `Connection: close`.
  let closing = false
  app.addHook('preClose', (done) => {
    closing = true
    done()
  })
  // A callback hook, not an async one: every request passes it, and a promise costs a microtask.
  app.addHook('onRequest', (request, reply, done) => {
    if (!closing) return done()
    const seconds = SHUTDOWN_RETRY_AFTER_SECONDS
    sendError(new KeywardError('server.shutting_down', { seconds }, { retryAfterSeconds: seconds }), request, reply)
  })
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let keywardError: KeywardError
    try {
      keywardError = toKeywardError(error, request)
    } catch (mappingError) {
      // A bug in the mapping itself must still end in Keyward's own 500, never Fastify's.
      request.log.error({ err: mappingError, original: error }, 'could not map an error')
      keywardError = new KeywardError('server.internal', { requestId: String(request.id) }, { cause: error })
    }
    const outage = databaseOutageOf(error)
    if (outage) request.log.error({ err: error, outage }, `request failed: database unavailable (${outage.kind}: ${outage.cause})`)
    else if (keywardError.status >= 500) request.log.error({ err: error }, 'request failed')
    else request.log.info({ code: keywardError.code, status: keywardError.status }, keywardError.message)
    return sendError(keywardError, request, reply)
  })
  // In a scope of its own, so that `onUnmatchedSend` runs for the requests no route matched, and for them only.
  void app.register(async (unmatched) => {
    if (hooks.onUnmatchedSend) unmatched.addHook('onSend', hooks.onUnmatchedSend)
    unmatched.setNotFoundHandler((request, reply) =>
      sendError(new KeywardError('request.route_not_found', { method: request.method, url: redactSecrets(request.url.split('?')[0] ?? '') }), request, reply),
    )
  })
}
