/**
 * The format of API secret keys: `kw_<key ID>_<43 base62 characters><6 base62 checksum>`.
 *
 * - 256 random bits from `crypto.randomBytes`, in base62 so a double-click selects the whole
 *   secret and no character needs escaping in a header or a shell.
 * - The key ID inside lets the verifier find the key by primary key.
 * - A CRC-32 of everything before it rejects typos and garbage without any lookup, and lets
 *   secret scanners match with no false positives.
 *
 * @module
 */
import { hash, randomBytes } from 'node:crypto'
import { crc32 } from 'node:zlib'

export const SECRET_PREFIX = 'kw'
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const RANDOM_LENGTH = 43 // ceil(256 / log2(62))
const CHECKSUM_LENGTH = 6 // ceil(32 / log2(62))
const SECRET_PATTERN = new RegExp(`^${SECRET_PREFIX}_([1-9][0-9]{0,9})_([0-9A-Za-z]{${RANDOM_LENGTH}})([0-9A-Za-z]{${CHECKSUM_LENGTH}})$`)
const MAX_KEY_ID = 2_147_483_647

function toBase62(value: bigint, length: number): string {
  let text = ''
  while (value > 0n) {
    text = ALPHABET[Number(value % 62n)] + text
    value /= 62n
  }
  return text.padStart(length, '0')
}

/** CRC-32 in base 62, with plain numbers: it runs on every authenticated request. */
function checksumOf(body: string): string {
  let value = crc32(body)
  let text = ''
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    text = ALPHABET[value % 62] + text
    value = Math.floor(value / 62)
  }
  return text
}

/** Makes a new secret for the API key with this ID. */
export function createSecret(keyId: number): string {
  const random = toBase62(BigInt(`0x${randomBytes(32).toString('hex')}`), RANDOM_LENGTH)
  const body = `${SECRET_PREFIX}_${keyId}_${random}`
  return body + checksumOf(body)
}

const SECRET_LENGTH_AFTER_ID = 1 + RANDOM_LENGTH + CHECKSUM_LENGTH

/**
 * The key ID a secret claims, read as cheaply as possible: the prefix, the digits and the
 * length, nothing else. Enough to find a cached key, whose hash then decides; anything else
 * goes through {@link parseSecret}.
 */
export function claimedKeyId(secret: string): number | undefined {
  if (!secret.startsWith(`${SECRET_PREFIX}_`)) return undefined
  const start = SECRET_PREFIX.length + 1
  const end = secret.length - SECRET_LENGTH_AFTER_ID
  if (end <= start || end > start + 10 || secret.charCodeAt(end) !== 95 /* _ */ || secret.charCodeAt(start) === 48 /* 0 */) return undefined
  let id = 0
  for (let i = start; i < end; i++) {
    const digit = secret.charCodeAt(i) - 48
    if (digit < 0 || digit > 9) return undefined
    id = id * 10 + digit
  }
  return id <= MAX_KEY_ID ? id : undefined
}

/**
 * Reads the key ID out of a secret after checking all of it (alphabet, length, checksum),
 * doing no I/O.
 *
 * @returns the key ID, or undefined when the text is not a well-formed secret or its
 * checksum does not match.
 */
export function parseSecret(secret: string): number | undefined {
  const match = SECRET_PATTERN.exec(secret)
  if (!match) return undefined
  const id = Number(match[1])
  if (id > MAX_KEY_ID) return undefined
  const body = secret.slice(0, secret.length - CHECKSUM_LENGTH)
  return checksumOf(body) === match[3] ? id : undefined
}

/**
 * The stored form of a secret (an API secret key, a console session token): SHA-256, hex. A
 * fast hash is enough because the secret holds 256 random bits; there is nothing to guess
 * that a slow hash would protect.
 */
export function hashSecret(secret: string): string {
  return hash('sha256', secret, 'hex')
}

/**
 * Whether two strings are equal, in time that depends on their length only, not on where they
 * differ. Strings, not `timingSafeEqual` on buffers: it runs on every authenticated request,
 * and a Buffer costs an ArrayBuffer allocation (malloc, sweeping) that was the largest single
 * cost of the hot path.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let difference = 0
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return difference === 0
}

/** Whether a secret hashes to a stored hash, compared in constant time. */
export function secretMatchesHash(secret: string, storedHash: string): boolean {
  return constantTimeEqual(hashSecret(secret), storedHash)
}

const SECRET_ANYWHERE = new RegExp(`${SECRET_PREFIX}_\\d+_[0-9A-Za-z]{8,}`, 'g')

/** Masks anything shaped like a secret in a text bound for a log or a message (a URL, say). */
export function redactSecrets(text: string): string {
  return text.replace(SECRET_ANYWHERE, `${SECRET_PREFIX}_[redacted]`)
}
