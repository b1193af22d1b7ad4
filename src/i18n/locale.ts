/**
 * Languages Keyward speaks, as the model API names them (`locale` fields). Plain data, so the
 * console imports this very list for its own catalogs and language choices.
 *
 * @module
 */

export const LOCALES = ['en-US', 'ja-JP'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'en-US'
