/**
 * Permission queries of the verify operation: `invoices.read AND (reports.read OR admin)`.
 *
 * ```
 * query := or
 * or    := and ("OR" and)*
 * and   := term ("AND" term)*
 * term  := permission | "(" or ")"
 * ```
 * `AND` binds tighter than `OR`; the operators are upper-case words. Permissions follow the
 * grammar of `permission.ts`. At most {@link QUERY_MAX_TERMS} permissions and
 * {@link QUERY_MAX_DEPTH} levels of parentheses, so a query costs little to parse and check.
 *
 * @module
 */
import { KeywardError } from '../errors/keyward-error.js'
import { isPermission, type PermissionSet } from './permission.js'

export const QUERY_MAX_LENGTH = 1000
export const QUERY_MAX_TERMS = 100
export const QUERY_MAX_DEPTH = 10

/** A parsed query: a permission, or all (`and`) or any (`or`) of its parts. */
export type PermissionQuery = string | { readonly and: readonly PermissionQuery[] } | { readonly or: readonly PermissionQuery[] }

interface Token {
  readonly text: string
  /** 1-based character position in the query, for the error message. */
  readonly position: number
}

function tokenize(query: string): Token[] {
  const tokens: Token[] = []
  const pattern = /\s*([()]|[^\s()]+)/gy
  let match: RegExpExecArray | null
  while ((match = pattern.exec(query)) !== null) {
    tokens.push({ text: match[1]!, position: match.index + match[0].length - match[1]!.length + 1 })
  }
  return tokens
}

/**
 * Parses a permission query.
 *
 * @throws KeywardError `permission.query_unexpected` (naming the token and its position),
 * `permission.query_incomplete`, `permission.query_too_complex`.
 */
export function parsePermissionQuery(query: string): PermissionQuery {
  const tokens = tokenize(query)
  let index = 0
  let terms = 0
  const peek = () => tokens[index]
  const unexpected = (token: Token) => new KeywardError('permission.query_unexpected', { token: token.text, position: token.position })

  /** Parts joined by one operator: `and` parts joined by OR, terms joined by AND. */
  const joined =
    (operator: 'AND' | 'OR', parsePart: (depth: number) => PermissionQuery) =>
    (depth: number): PermissionQuery => {
      const parts = [parsePart(depth)]
      while (peek()?.text === operator) {
        index++
        parts.push(parsePart(depth))
      }
      if (parts.length === 1) return parts[0]!
      return operator === 'AND' ? { and: parts } : { or: parts }
    }
  const parseAnd = joined('AND', (depth) => parseTerm(depth))
  const parseOr = joined('OR', parseAnd)
  const parseTerm = (depth: number): PermissionQuery => {
    const token = tokens[index++]
    if (!token) throw new KeywardError('permission.query_incomplete')
    if (token.text === '(') {
      if (depth >= QUERY_MAX_DEPTH) throw new KeywardError('permission.query_too_complex', { terms: QUERY_MAX_TERMS, depth: QUERY_MAX_DEPTH })
      const inner = parseOr(depth + 1)
      const close = tokens[index++]
      if (!close) throw new KeywardError('permission.query_incomplete')
      if (close.text !== ')') throw unexpected(close)
      return inner
    }
    if (token.text === ')' || token.text === 'AND' || token.text === 'OR' || !isPermission(token.text)) throw unexpected(token)
    if (++terms > QUERY_MAX_TERMS) throw new KeywardError('permission.query_too_complex', { terms: QUERY_MAX_TERMS, depth: QUERY_MAX_DEPTH })
    return token.text
  }

  if (tokens.length === 0) throw new KeywardError('permission.query_incomplete')
  const parsed = parseOr(0)
  const rest = peek()
  if (rest) throw unexpected(rest)
  return parsed
}

/** Whether held permissions satisfy a parsed query. */
export function satisfies(held: PermissionSet, query: PermissionQuery): boolean {
  if (typeof query === 'string') return held.has(query)
  if ('and' in query) return query.and.every((part) => satisfies(held, part))
  return query.or.some((part) => satisfies(held, part))
}
