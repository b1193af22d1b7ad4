import { describe, expect, it } from 'vitest'
import { createSecret, hashSecret, parseSecret, redactSecrets, secretMatchesHash } from '../../src/auth/secret-format.js'

describe('secret format', () => {
  it('carries the key ID, 256 random bits and a checksum', () => {
    const secret = createSecret(42)
    expect(secret).toMatch(/^kw_42_[0-9A-Za-z]{49}$/)
    expect(parseSecret(secret)).toBe(42)
    expect(createSecret(42)).not.toBe(secret)
    const seen = new Set(Array.from({ length: 1000 }, () => createSecret(1)))
    expect(seen.size).toBe(1000)
  })

  it('rejects every single-character change and every truncation', () => {
    const secret = createSecret(7)
    for (let i = 0; i < secret.length; i++) {
      for (const replacement of ['0', 'z', 'Q']) {
        if (secret[i] === replacement) continue
        const changed = secret.slice(0, i) + replacement + secret.slice(i + 1)
        // Changing the ID digit to another valid ID still fails the checksum.
        expect(parseSecret(changed), changed).toBeUndefined()
      }
    }
    for (let n = 0; n < secret.length; n++) expect(parseSecret(secret.slice(0, n))).toBeUndefined()
    expect(parseSecret(`${secret} `)).toBeUndefined()
  })

  it('refuses IDs beyond int32 and leading zeros', () => {
    expect(parseSecret(createSecret(2_147_483_647))).toBe(2_147_483_647)
    expect(parseSecret(createSecret(2_147_483_648))).toBeUndefined()
    expect(parseSecret(createSecret(1).replace('kw_1_', 'kw_01_'))).toBeUndefined()
  })

  it('hashes with SHA-256 and masks secrets in text', () => {
    const secret = createSecret(3)
    expect(hashSecret(secret)).toMatch(/^[0-9a-f]{64}$/)
    expect(redactSecrets(`GET /api/${secret}?x=1`)).toBe('GET /api/kw_[redacted]?x=1')
  })

  it('matches a secret only to its own stored hash, whatever character of the hash differs', () => {
    const secret = createSecret(5)
    const stored = hashSecret(secret)
    expect(secretMatchesHash(secret, stored)).toBe(true)
    expect(secretMatchesHash(createSecret(5), stored)).toBe(false)
    for (let i = 0; i < stored.length; i++) {
      const changed = stored.slice(0, i) + (stored[i] === '0' ? '1' : '0') + stored.slice(i + 1)
      expect(secretMatchesHash(secret, changed), `hash differing at ${i}`).toBe(false)
    }
    for (const other of ['', stored.slice(0, -1), `${stored}0`, stored.toUpperCase()]) expect(secretMatchesHash(secret, other), other).toBe(false)
  })
})

describe('claimed key ID', () => {
  it('reads the ID of a well-shaped secret without checking its checksum, and nothing else', async () => {
    const { claimedKeyId } = await import('../../src/auth/secret-format.js')
    const secret = createSecret(1234)
    expect(claimedKeyId(secret)).toBe(1234)
    expect(claimedKeyId(secret.slice(0, -1) + (secret.endsWith('a') ? 'b' : 'a'))).toBe(1234)
    for (const bad of [
      '',
      'kw_',
      'kw_1_',
      secret.slice(1),
      `${secret}x`,
      secret.replace('kw_1234_', 'kw_01234_'),
      secret.replace('kw_1234_', 'kw_12a4_'),
      secret.replace('kw_', 'KW_'),
    ]) {
      expect(claimedKeyId(bad), bad).toBeUndefined()
    }
    expect(claimedKeyId(createSecret(2_147_483_648))).toBeUndefined()
  })
})
