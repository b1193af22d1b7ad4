import { describe, expect, it } from 'vitest'
import { negotiateLocale } from '../../src/i18n/translate.js'

describe('Accept-Language', () => {
  it('picks the best supported language by quality, else English', () => {
    expect(negotiateLocale(undefined)).toBe('en-US')
    expect(negotiateLocale('ja')).toBe('ja-JP')
    expect(negotiateLocale('ja-JP,ja;q=0.9,en-US;q=0.8')).toBe('ja-JP')
    expect(negotiateLocale('fr-FR,de;q=0.9')).toBe('en-US')
    expect(negotiateLocale('en;q=0.5, ja;q=0.8')).toBe('ja-JP')
    expect(negotiateLocale('ja;q=0, en')).toBe('en-US')
  })
})
