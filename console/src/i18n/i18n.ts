/**
 * The console's i18next instance: English and Japanese, typed by the English catalog.
 *
 * @module
 */
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { enUS, type Messages } from './locales/en-US.js'
import { jaJP } from './locales/ja-JP.js'
// The server's list: a language added there is one the console offers (and needs a catalog for).
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../../src/i18n/locale.js'

export { DEFAULT_LOCALE, LOCALES, type Locale }

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Messages }
  }
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** The language to show before anyone signs in: the last one used here, else the browser's. */
export function initialLocale(): Locale {
  const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY)
  if (isLocale(stored)) return stored
  for (const tag of navigator.languages) {
    const match = LOCALES.find((locale) => locale.slice(0, 2) === tag.slice(0, 2).toLowerCase())
    if (match) return match
  }
  return DEFAULT_LOCALE
}

/** Only the language is remembered in the browser, for the sign-in page; never anything secret. */
export const LOCALE_STORAGE_KEY = 'keyward.locale'

/** A catalog per language of the server's list: tsc asks for one when a language is added. */
const CATALOGS: Record<Locale, { translation: Messages }> = { 'en-US': { translation: enUS }, 'ja-JP': { translation: jaJP } }

export const i18n = i18next.createInstance()
void i18n.use(initReactI18next).init({
  resources: CATALOGS,
  lng: initialLocale(),
  fallbackLng: DEFAULT_LOCALE,
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  returnNull: false,
})

/** Switches the console's language at once, everywhere, and remembers it for the sign-in page. */
export function applyLocale(locale: Locale): void {
  window.localStorage.setItem(LOCALE_STORAGE_KEY, locale)
  document.documentElement.lang = locale.slice(0, 2)
  if (i18n.language !== locale) void i18n.changeLanguage(locale)
}
