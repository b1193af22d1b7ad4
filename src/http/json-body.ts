import type { FastifyInstance } from 'fastify'
import secureJson from 'secure-json-parse'
import { KeywardError } from '../errors/keyward-error.js'

/** Deepest nesting of objects and arrays a body may have; real requests nest 4 levels at most. */
export const MAX_BODY_DEPTH = 64

const QUOTE = 0x22
const BACKSLASH = 0x5c
const [OPEN_ARRAY, CLOSE_ARRAY, OPEN_OBJECT, CLOSE_OBJECT] = [0x5b, 0x5d, 0x7b, 0x7d]

/** Whether the quote at `index` is escaped: preceded by an odd run of backslashes. */
function isEscaped(text: string, index: number): boolean {
  let start = index
  while (start > 0 && text.charCodeAt(start - 1) === BACKSLASH) start--
  return (index - start) % 2 === 1
}

/**
 * Whether JSON text nests objects and arrays deeper than `limit`, read in one pass over the
 * text: before parsing, so that a megabyte of brackets costs a scan, and so that the walks
 * after parsing (NUL check, validation) are never deeper than the limit. Strings are skipped
 * whole; their brackets are text.
 */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      do i = text.indexOf('"', i + 1)
      while (i !== -1 && isEscaped(text, i))
      if (i === -1) return false
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > limit) return true
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) depth--
  }
  return false
}

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
 * are a NUL character in any string, which PostgreSQL cannot store, and nesting deeper than
 * {@link MAX_BODY_DEPTH}.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = (body as string).trim()
    if (text === '') return done(null, undefined)
    if (nestsDeeperThan(text, MAX_BODY_DEPTH)) return done(new KeywardError('request.body_too_deep', { limit: MAX_BODY_DEPTH }), undefined)
    // Nearly every body has no backslash, so no escape: no NUL can be in it (JSON allows none
    // unescaped) and no key is spelled other than as written, so one look for the two names
    // does what secure-json-parse's and the NUL check's passes over the parsed value do.
    const plain = !text.includes('\\') && !text.includes('"__proto__"') && !text.includes('"constructor"')
    let parsed: unknown
    try {
      parsed = plain ? JSON.parse(text) : secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' })
    } catch (cause) {
      return done(new KeywardError('request.body_invalid_json', {}, { cause }), undefined)
    }
    if (!plain && hasNul(parsed)) return done(new KeywardError('request.body_nul_character'), undefined)
    done(null, parsed)
  })
}
