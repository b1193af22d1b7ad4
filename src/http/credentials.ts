import { KeywardError } from '../errors/keyward-error.js'

/**
 * Finds the API secret key in a request's headers: `api-secret-key: <secret>` (the model
 * API's legacy scheme) or `Authorization: ApiKey <secret>` (also `Bearer`).
 *
 * @returns the secret, or undefined when the request carries none.
 * @throws KeywardError `auth.scheme_unsupported` for another Authorization scheme.
 */
export function extractSecret(headers: Record<string, string | string[] | undefined>): string | undefined {
  const legacy = headers['api-secret-key']
  if (typeof legacy === 'string' && legacy.trim() !== '') return legacy.trim()
  const authorization = headers.authorization
  if (typeof authorization !== 'string' || authorization.trim() === '') return undefined
  const match = /^\s*(\S+)\s+(\S+)\s*$/.exec(authorization)
  const scheme = match?.[1]?.toLowerCase()
  if (!match || (scheme !== 'apikey' && scheme !== 'bearer')) {
    // Only a scheme-like first word is echoed: a header without a scheme may be all secret.
    const first = authorization.trim().split(/\s+/)[0] ?? ''
    throw new KeywardError('auth.scheme_unsupported', { scheme: match && /^[A-Za-z][\w-]{0,19}$/.test(first) ? first : '…' })
  }
  return match[2]
}
