import { sql, type RawBuilder, type SqlBool } from 'kysely'
import type { Engine } from './database.js'

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const LOWER = 'abcdefghijklmnopqrstuvwxyz'

/** How a text is matched: as a pattern (`%` and `_` as wildcards) or literally, whole or contained, or negated. */
export interface TextMatch {
  readonly negate: boolean
  readonly contains: boolean
  readonly wildcards: boolean
  /** The column's trigram index, where it has one (`SearchField.trigrams`). */
  readonly trigrams?: TrigramIndex
}

/** An SQLite FTS5 trigram table over a column: its `column` holds the column's text, its rowid is the row's `idColumn`. */
export interface TrigramIndex {
  readonly table: string
  readonly column: string
  readonly idColumn: string
}

/** A LIKE match of a column against a value. */
export type TextMatcher = (column: RawBuilder<unknown>, value: string, match: TextMatch) => RawBuilder<SqlBool>

/**
 * The engine's LIKE, made to find the same rows on both: SQLite's LIKE ignores the case of
 * ASCII letters only, so PostgreSQL folds A-Z alone (ILIKE would fold every letter).
 */
export function textMatcherFor(engine: Engine): TextMatcher {
  return (column, value, { negate, contains, wildcards, trigrams }) => {
    // `%` and `_` stay wildcards unless a literal match asks otherwise; the escape character
    // itself is always escaped.
    const escaped = value.replace(wildcards ? /\\/g : /[\\%_]/g, '\\$&')
    const pattern = contains ? `%${escaped}%` : escaped
    const like = sql.raw(negate ? 'not like' : 'like')
    if (engine === 'sqlite') {
      const matches = sql<SqlBool>`${column} ${like} ${pattern} escape '\\'`
      // FTS5 reads a LIKE off its trigrams when the pattern has three characters in a row. It
      // takes no ESCAPE and folds more than ASCII case, so it finds a superset: the LIKE above
      // then keeps exactly what it alone would.
      if (!trigrams || negate || !contains || !/[^%_]{3}/.test(value)) return matches
      const candidates = sql`select rowid from ${sql.table(trigrams.table)} where ${sql.ref(trigrams.column)} like ${`%${value}%`}`
      return sql<SqlBool>`(${sql.ref(trigrams.idColumn)} in (${candidates}) and ${matches})`
    }
    // The folding is spelt in literals, as the search indexes' expression is (migration
    // 2026-12-05-20-folded-name-in-c), so that the planner can match it; the pattern is folded
    // here alike. LIKE matches alike in every deterministic collation; C is the one indexed.
    const folded = sql`(translate(${column}, ${sql.lit(UPPER)}, ${sql.lit(LOWER)}) collate "C")`
    // A plain prefix is the range of the texts it begins in C's order, which is exact there: the
    // planner estimates a range from the histogram, where it took 1 % for any prefix's LIKE.
    const range = negate || !wildcards ? undefined : prefixRange(foldAscii(pattern))
    if (range) return sql<SqlBool>`(${folded} >= ${range.from} and ${folded} < ${range.to})`
    return sql<SqlBool>`${folded} ${like} ${foldAscii(pattern)} escape '\\'`
  }
}

/** The texts a pattern of literal characters then one `%` matches: from its prefix to the prefix with its last character's successor. */
function prefixRange(pattern: string): { from: string; to: string } | undefined {
  if (!/^[^%_\\]+%$/.test(pattern)) return undefined
  const characters = [...pattern.slice(0, -1)]
  const last = characters.pop()!.codePointAt(0)!
  if (last >= 0x10ffff) return undefined
  // No text holds a lone surrogate: past U+D7FF comes U+E000.
  const next = last + 1 >= 0xd800 && last + 1 <= 0xdfff ? 0xe000 : last + 1
  return { from: pattern.slice(0, -1), to: characters.join('') + String.fromCodePoint(next) }
}

const foldAscii = (text: string) => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase())
