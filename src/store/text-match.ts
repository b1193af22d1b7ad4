import { sql, type RawBuilder, type SqlBool } from 'kysely'
import type { Engine } from './database.js'

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const LOWER = 'abcdefghijklmnopqrstuvwxyz'

/** How a text is matched: as a pattern (`%` and `_` as wildcards) or literally, whole or contained, or negated. */
export interface TextMatch {
  readonly negate: boolean
  readonly contains: boolean
  readonly wildcards: boolean
}

/** A LIKE match of a column against a value. */
export type TextMatcher = (column: RawBuilder<unknown>, value: string, match: TextMatch) => RawBuilder<SqlBool>

/**
 * The engine's LIKE, made to find the same rows on both: SQLite's LIKE ignores the case of
 * ASCII letters only, so PostgreSQL folds A-Z alone (ILIKE would fold every letter).
 */
export function textMatcherFor(engine: Engine): TextMatcher {
  return (column, value, { negate, contains, wildcards }) => {
    // `%` and `_` stay wildcards unless a literal match asks otherwise; the escape character
    // itself is always escaped.
    const escaped = value.replace(wildcards ? /\\/g : /[\\%_]/g, '\\$&')
    const pattern = contains ? `%${escaped}%` : escaped
    const like = sql.raw(negate ? 'not like' : 'like')
    if (engine === 'sqlite') return sql<SqlBool>`${column} ${like} ${pattern} escape '\\'`
    // The folding is spelt in literals, as the search indexes' expression is (migration
    // 2026-12-03-20), so that the planner can match it; the pattern is folded here alike.
    return sql<SqlBool>`translate(${column}, ${sql.lit(UPPER)}, ${sql.lit(LOWER)}) ${like} ${foldAscii(pattern)} escape '\\'`
  }
}

const foldAscii = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase())
