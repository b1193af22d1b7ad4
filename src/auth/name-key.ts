/**
 * The form of a name (username, key name) that decides whether two names are the same: NFKC
 * (fullwidth `ａｄｍｉｎ` is `admin`) and case-folded (`Admin` is `admin`, `STRASSE` is
 * `straße`), so look-alikes made of compatibility characters or case cannot pass for another.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC')
}

/** Characters no one can see or that reorder what is shown: controls, format characters (zero-width, BOM, bidirectional marks and embeddings), line and paragraph separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u

/** The scripts told apart; a letter in none of them counts as one other script. */
const SCRIPTS = ['Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Georgian', 'Han', 'Hiragana', 'Katakana', 'Bopomofo', 'Hangul'].map(
  (name) => [name, new RegExp(`\\p{Script=${name}}`, 'u')] as const,
)

/** UTS #39's "highly restrictive" mixes: Latin with the scripts written beside it in Japanese, Chinese and Korean. */
const ALLOWED_MIXES = [
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Bopomofo'],
  ['Latin', 'Han', 'Hangul'],
].map((mix) => new Set(mix))

const scriptOf = (letter: string): string => SCRIPTS.find(([, pattern]) => pattern.test(letter))?.[0] ?? 'Other'

/** Whether one word mixes scripts beyond UTS #39's highly restrictive level, as Cyrillic `а` in Latin `аdmin` does. */
function mixesScripts(word: string): boolean {
  const scripts = new Set(Array.from(word, scriptOf))
  return scripts.size > 1 && !ALLOWED_MIXES.some((mix) => [...scripts].every((script) => mix.has(script)))
}

/**
 * What makes a name unfit to tell its holder apart: invisible or bidirectional characters, or a
 * word that mixes scripts (a look-alike of a Latin name). Names in one script, such as `Иван`
 * or `管理者`, are fit.
 */
export function nameFault(name: string): 'invisible' | 'mixed-script' | undefined {
  if (INVISIBLE.test(name)) return 'invisible'
  // Words are runs of letters (with their marks); digits and punctuation belong to every script.
  if (name.split(/[^\p{L}\p{M}]+/u).some((word) => mixesScripts(word.replace(/\p{M}/gu, '')))) return 'mixed-script'
  return undefined
}
