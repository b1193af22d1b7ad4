import i18next from 'i18next'
import { enUS } from './locales/en-US.js'
import { jaJP } from './locales/ja-JP.js'
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locale.js'

export { DEFAULT_LOCALE, LOCALES, type Locale }

export type MessageParams = Record<string, string | number>

const i18n = i18next.createInstance()
void i18n.init({
  resources: { 'en-US': { translation: enUS }, 'ja-JP': { translation: jaJP } },
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  initAsync: false,
  // Messages go into JSON and logs, never into HTML, so values are not HTML-escaped.
  interpolation: { escapeValue: false },
})

/**
 * Renders the message of an error code (or any catalog key below `errors`) in a language.
 *
 * ### Examples
 * ```ts
 * translate('apikey.name_in_use', 'ja-JP', { name: 'ci' })
 * ```
 */
export function translate(code: string, locale: Locale, params?: MessageParams): string {
  return translateMessage(`errors.${code}`, locale, params)
}

/**
 * Messages without parameters, rendered once: the catalogs never change while Keyward runs,
 * and i18next's lookup cost a verify answer more than all its other work (issue 12). Paths
 * come from the code, never from a client, so this holds at most the catalogs' messages.
 */
const rendered = new Map<string, string>()

/** Renders any message of the catalogs by its path (`verify.VALID`, `errors.auth.key_locked`). */
export function translateMessage(path: string, locale: Locale, params?: MessageParams): string {
  if (params !== undefined && Object.keys(params).length > 0) return i18n.t(path, { ...params, lng: locale })
  const key = `${locale}:${path}`
  let message = rendered.get(key)
  if (message === undefined) rendered.set(key, (message = i18n.t(path, { lng: locale })))
  return message
}

/** Picks the best supported language for an `Accept-Language` header. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...rest] = part.trim().split(';')
      const q = rest.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean)
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q), index }
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  for (const { tag } of ranked) {
    const match = LOCALES.find((locale) => locale.toLowerCase() === tag || locale.slice(0, 2).toLowerCase() === tag.slice(0, 2))
    if (match) return match
  }
  return DEFAULT_LOCALE
}
