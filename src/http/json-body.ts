import type { FastifyInstance } from 'fastify'
import secureJson from 'secure-json-parse'
import { KeywardError } from '../errors/keyward-error.js'

/**
 * Parses JSON bodies: an empty body is no body (generated SDKs send `Content-Type:
 * application/json` on POSTs that take none, such as a new secret key), `__proto__` and
 * `constructor.prototype` keys are refused, and so is `\u0000`, which PostgreSQL cannot store.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = (body as string).trim()
    if (text === '') return done(null, undefined)
    if (text.includes('\\u0000')) return done(new KeywardError('request.body_nul_character'), undefined)
    try {
      done(null, secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }))
    } catch (cause) {
      done(new KeywardError('request.body_invalid_json', {}, { cause }), undefined)
    }
  })
}
