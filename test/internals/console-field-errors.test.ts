/**
 * The console shows a request's refusal at the field it names: also when it names an entry of
 * a list (`tags[1]`) or a property inside one (`rateLimits[0].name`), so a new list setting of an
 * API key needs no code-by-code mapping to show its entries' errors.
 */
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../console/src/api/api-error.js'
import { fieldOfError } from '../../console/src/api/field-errors.js'
import { translate } from '../../src/i18n/translate.js'

const FIELDS = ['keyName', 'rateLimits', 'ipAllowList']

function refusal(code: Parameters<typeof translate>[0], params: Record<string, string | number>, locale: 'en-US' | 'ja-JP' = 'en-US') {
  return new ApiError(400, code, translate(code, locale, params))
}

describe('console: the field of a refusal', () => {
  it('is the field the message names, whole or by an entry, in either language', () => {
    expect(fieldOfError(refusal('request.field_too_long', { field: 'keyName', limit: 255 }), FIELDS)).toBe('keyName')
    expect(fieldOfError(refusal('request.ip_range_invalid', { field: 'ipAllowList[1]', value: '300.1.2.3' }), FIELDS)).toBe('ipAllowList')
    expect(fieldOfError(refusal('request.field_too_long', { field: 'rateLimits[0].name', limit: 64 }, 'ja-JP'), FIELDS)).toBe('rateLimits')
  })

  it('is none when the message names a field the form does not have, or the code is not about the request', () => {
    expect(fieldOfError(refusal('request.field_too_long', { field: 'description', limit: 2000 }), FIELDS)).toBeUndefined()
    expect(fieldOfError(new ApiError(409, 'apikey.name_in_use', "'keyName'"), FIELDS)).toBeUndefined()
  })
})
