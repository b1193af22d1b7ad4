/**
 * Time-based one-time passwords (RFC 6238, as authenticator apps use them) and recovery codes
 * for the administrators' second factor.
 *
 * @module
 */
import { createHash, randomBytes } from 'node:crypto'
import { generateSecret, generateURI, verify } from 'otplib'

const PERIOD_SECONDS = 30
/** Codes from the step before and after are accepted too, for clocks that drift a little. */
const TOLERANCE_SECONDS = 30

export function createTotpSecret(): string {
  return generateSecret()
}

export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: 'Keyward', label: username, secret })
}

/**
 * Checks a six-digit code against a secret at a time.
 *
 * @returns the time step the code belongs to (to refuse its reuse), or undefined.
 */
export async function verifyTotp(secret: string, code: string, nowMs: number): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined
  const result = await verify({ secret, token: code, epoch: Math.floor(nowMs / 1000), epochTolerance: TOLERANCE_SECONDS })
  if (!result.valid) return undefined
  return Math.floor(Math.floor(nowMs / 1000) / PERIOD_SECONDS) + (result.delta ?? 0)
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/** Ten one-time recovery codes like `k7m2-x9pq-4tr8`, shown once; only their hashes are kept. */
export function createRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = [...randomBytes(12)].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('')
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`
  })
}

/** The stored form of a recovery code: spaces, dashes and case do not matter when typed. */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.toLowerCase().replace(/[\s-]/g, '')).digest('hex')
}
