import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QUICK_PASSWORD, quickAdministrator } from '../helpers/quick-administrator.js'
import { Harness, type TestAdministrator } from '../helpers/harness.js'
import { listenOnLoopback, type RealRequest, type RealResponse } from '../helpers/real-http.js'
import { administratorRow } from '../helpers/stored-rows.js'
import { testEngine } from '../helpers/test-database.js'
import { enrolMfa, totpCode } from '../helpers/totp-code.js'

const THRESHOLD = 5
const PER_MINUTE = 20

function countBy(responses: RealResponse[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const res of responses) {
    const key = `${res.status} ${res.body?.code ?? ''}`
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

/**
 * Issue 9, finding 1: guessing must stay bounded under concurrency. Attempts are reserved
 * before the password is checked, so parallel guesses through real sockets cannot all pass a
 * check made before any of them is counted; and scrypt work is queued with a cap.
 */
describe(`${testEngine()}: sign-in guessing under concurrency`, () => {
  let h: Harness
  let send: (req: RealRequest) => Promise<RealResponse>
  beforeAll(async () => {
    h = await Harness.start({ lockoutThreshold: THRESHOLD, authFailuresPerMinute: PER_MINUTE })
    send = await listenOnLoopback(h)
  })
  afterAll(() => h.close())

  const signIn = (body: object, from: string) => send({ method: 'POST', path: '/api/session', body, from })

  it(`checks at most ${THRESHOLD} of 80 parallel wrong passwords for one administrator from one address`, async () => {
    const admin = await quickAdministrator(h)
    const responses = await Promise.all(
      Array.from({ length: 80 }, (_, i) => signIn({ username: admin.username, password: `Wrong-${i}-passw0rd` }, '127.0.0.2')),
    )
    const counts = countBy(responses)
    expect(counts['401 auth.sign_in_failed'] ?? 0, JSON.stringify(counts)).toBeLessThanOrEqual(THRESHOLD)
    expect((counts['401 auth.administrator_locked'] ?? 0) + (counts['429 request.too_many_failures'] ?? 0), JSON.stringify(counts)).toBe(
      80 - (counts['401 auth.sign_in_failed'] ?? 0),
    )
    expect((await administratorRow(h, admin.id))?.unsuccessful_sign_in_attempts).toBeLessThanOrEqual(THRESHOLD)
    // The right password from that address is refused too; from another, it signs in.
    expect((await signIn({ username: admin.username, password: QUICK_PASSWORD }, '127.0.0.2')).body.code).toMatch(
      /^(auth.administrator_locked|request.too_many_failures)$/,
    )
    expect((await signIn({ username: admin.username, password: QUICK_PASSWORD }, '127.0.0.3')).status).toBe(200)
  })

  it(`checks at most ${PER_MINUTE} of 60 parallel guesses at different usernames from one address (429 with Retry-After)`, async () => {
    const responses = await Promise.all(Array.from({ length: 60 }, (_, i) => signIn({ username: `sprayed-${i}`, password: 'Spring-2026' }, '127.0.0.4')))
    const counts = countBy(responses)
    expect(counts['401 auth.sign_in_failed'] ?? 0, JSON.stringify(counts)).toBeLessThanOrEqual(PER_MINUTE)
    expect(counts['429 request.too_many_failures'] ?? 0, JSON.stringify(counts)).toBeGreaterThanOrEqual(60 - PER_MINUTE)
    for (const res of responses.filter((r) => r.status === 429)) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
  })

  it('bounds scrypt work: a flood from many addresses is refused with 503 and Retry-After beyond the queue, and a real sign-in still gets through', async () => {
    const admin = await quickAdministrator(h)
    const flood = Array.from({ length: 100 }, (_, i) => signIn({ username: `flood-${i}`, password: 'Wrong-passw0rd' }, `127.0.1.${i + 1}`))
    const real = signIn({ username: admin.username, password: QUICK_PASSWORD }, '127.0.0.5')
    const responses = await Promise.all(flood)
    const counts = countBy(responses)
    expect(counts['503 server.busy'] ?? 0, JSON.stringify(counts)).toBeGreaterThan(0)
    expect((counts['503 server.busy'] ?? 0) + (counts['401 auth.sign_in_failed'] ?? 0), JSON.stringify(counts)).toBe(100)
    for (const res of responses.filter((r) => r.status === 503)) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
    let answer = await real
    if (answer.status === 503) answer = await signIn({ username: admin.username, password: QUICK_PASSWORD }, '127.0.0.5')
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
  })

  describe('the second factor', () => {
    let admin: TestAdministrator
    let secret: string
    beforeAll(async () => {
      admin = await quickAdministrator(h)
      const session = await h.signIn(admin.username, QUICK_PASSWORD)
      secret = await enrolMfa(h, session, QUICK_PASSWORD)
    })

    it(`checks at most ${THRESHOLD} of 40 parallel wrong codes, and a right code after the lock-out gets no session`, async () => {
      const before = (await administratorRow(h, admin.id))!.unsuccessful_sign_in_attempts
      const responses = await Promise.all(
        Array.from({ length: 40 }, (_, i) => signIn({ username: admin.username, password: QUICK_PASSWORD, mfaCode: String(100000 + i) }, '127.0.0.6')),
      )
      const counts = countBy(responses)
      expect(counts['401 auth.mfa_invalid'] ?? 0, JSON.stringify(counts)).toBeLessThanOrEqual(THRESHOLD)
      expect((await administratorRow(h, admin.id))!.unsuccessful_sign_in_attempts - before).toBeLessThanOrEqual(THRESHOLD)
      const late = await signIn({ username: admin.username, password: QUICK_PASSWORD, mfaCode: await totpCode(h, secret) }, '127.0.0.6')
      expect([401, 429], JSON.stringify(late.body)).toContain(late.status)
      expect(late.body.code).toMatch(/^(auth.administrator_locked|request.too_many_failures)$/)
      expect(late.headers['set-cookie']).toBeUndefined()
    })
  })
})
