import { ApiError } from './api-error.js'

/**
 * Which form field an API error is about, so the form shows it there: by code where the code
 * names one (`apikey.name_in_use` → `keyName`), else by the field the request-validation
 * message names in quotes (`'timeZone'`, or an entry of it: `'ipAllowList[1]'`,
 * `'rateLimits[0].name'`), which it does in every language.
 */
export function fieldOfError(error: unknown, fields: readonly string[], byCode: Readonly<Record<string, string>> = {}): string | undefined {
  if (!(error instanceof ApiError)) return undefined
  const coded = byCode[error.code]
  if (coded !== undefined) return coded
  if (!error.code.startsWith('request.')) return undefined
  for (const match of error.message.matchAll(/'([A-Za-z][A-Za-z0-9]*)(?:[[.][^']*)?'/g)) {
    const field = match[1]
    if (field !== undefined && fields.includes(field)) return field
  }
  return undefined
}
