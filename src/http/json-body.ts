import type { FastifyInstance } from 'fastify'
import secureJson from 'secure-json-parse'
import { KeywardError } from '../errors/keyward-error.js'

/** Whether a parsed JSON value holds a NUL character in any string, key or value. */
function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000')
  if (Array.isArray(value)) return value.some(hasNul)
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([key, child]) => key.includes('\u0000') || hasNul(child))
  return false
}

/**
 * Makes JSON the only body Keyward reads (Fastify would also take text/plain). An empty body
 * is no body (generated SDKs send `Content-Type: application/json` on POSTs that take none,
 * such as a new secret key); `__proto__` and `constructor.prototype` keys are refused, and so
 * is a NUL character in any string, which PostgreSQL cannot store.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = (body as string).trim()
    if (text === '') return done(null, undefined)
    let parsed: unknown
    try {
      parsed = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' })
    } catch (cause) {
      return done(new KeywardError('request.body_invalid_json', {}, { cause }), undefined)
    }
    if (hasNul(parsed)) return done(new KeywardError('request.body_nul_character'), undefined)
    done(null, parsed)
  })
}
