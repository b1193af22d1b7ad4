import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ERROR_CODES, ERROR_STATUS } from '../../src/errors/error-codes.js'
import { KeywardError } from '../../src/errors/keyward-error.js'
import { enUS } from '../../src/i18n/locales/en-US.js'
import { jaJP } from '../../src/i18n/locales/ja-JP.js'
import { ERRORS_DOC_PATH, renderErrorsDoc } from '../../scripts/errors-doc.js'

function leafPaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix]
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}.${key}` : key))
}

describe('error registry', () => {
  // Pinned by hand, not derived from the registry: adding or removing a code must be a
  // deliberate edit here too (a retired code stays in the registry, so the count never drops).
  it('holds exactly the registered number of codes', () => {
    expect(ERROR_CODES).toHaveLength(112)
  })

  it('has a status for every code, each a 4xx or 5xx', () => {
    for (const code of ERROR_CODES) expect(ERROR_STATUS[code], code).toBeGreaterThanOrEqual(400)
  })

  it('has an English message for every code and no message without a code', () => {
    expect(leafPaths(enUS.errors).sort()).toEqual([...ERROR_CODES].sort())
  })

  it('has a Japanese message for every English one and no other', () => {
    expect(leafPaths(jaJP).sort()).toEqual(leafPaths(enUS).sort())
  })

  it('uses the same parameters in every language', () => {
    const params = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
    for (const code of ERROR_CODES) {
      const [group, name] = code.split('.') as [keyof typeof enUS.errors, string]
      const en = (enUS.errors[group] as Record<string, string>)[name]!
      const ja = (jaJP.errors[group] as Record<string, string>)[name]!
      expect(params(ja), code).toEqual(params(en))
    }
  })

  it('is documented in docs/errors.md, which is current', () => {
    expect(readFileSync(ERRORS_DOC_PATH, 'utf8')).toBe(renderErrorsDoc())
  })

  it('renders messages with their parameters and takes its status from the table', () => {
    const error = new KeywardError('apikey.name_in_use', { name: 'ci' })
    expect(error).toMatchObject({ status: 409, message: "An API key named 'ci' already exists." })
  })
})
