import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus, HARNESS_ADMIN_PASSWORD, Harness, type RequestOptions } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

/** The attributes of the session cookie set by a sign-in, lower-cased, and its value. */
function sessionCookie(setCookie: string | string[] | number | undefined): { value: string; attributes: Map<string, string> } {
  const header = Array.isArray(setCookie) ? setCookie.find((c) => c.startsWith('keyward_session=')) : String(setCookie ?? '')
  if (!header?.startsWith('keyward_session=')) throw new Error(`no session cookie in ${String(setCookie)}`)
  const [pair, ...rest] = header.split(';').map((part) => part.trim())
  const attributes = new Map(
    rest.map((part) => {
      const [name, ...value] = part.split('=')
      return [name!.toLowerCase(), value.join('=')] as [string, string]
    }),
  )
  return { value: pair!.slice('keyward_session='.length), attributes }
}

describe(`${testEngine()}: session cookie attributes`, () => {
  let h: Harness
  let behindProxy: Harness
  beforeAll(async () => {
    h = await Harness.start()
    behindProxy = await Harness.start({ trustProxy: '127.0.0.1' })
  })
  afterAll(async () => {
    await behindProxy.close()
    await h.close()
  })

  const signIn = (harness: Harness, options: RequestOptions = {}) =>
    harness.post('/api/session', { ...options, body: { username: 'admin', password: HARNESS_ADMIN_PASSWORD } })

  it('is HttpOnly, SameSite=Strict, for the whole site, and lasts the maximum session duration (12 h)', async () => {
    const res = await signIn(h)
    expectStatus(res, 200)
    const cookie = sessionCookie(res.headers['set-cookie'])
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(cookie.attributes.has('httponly')).toBe(true)
    expect(cookie.attributes.get('samesite')).toBe('Strict')
    expect(cookie.attributes.get('path')).toBe('/')
    expect(cookie.attributes.get('max-age')).toBe(String(12 * 3600))
    expect(cookie.attributes.has('domain')).toBe(false)
    // The response body holds the CSRF token, never the session token.
    expect(res.text).not.toContain(cookie.value)
  })

  it('is not Secure over plain HTTP, nor when an untrusted client claims X-Forwarded-Proto: https', async () => {
    expect(sessionCookie((await signIn(h)).headers['set-cookie']).attributes.has('secure')).toBe(false)
    expect(sessionCookie((await signIn(h, { headers: { 'x-forwarded-proto': 'https' } })).headers['set-cookie']).attributes.has('secure')).toBe(false)
  })

  it('is Secure behind a trusted TLS proxy (trustProxy and X-Forwarded-Proto: https), and not for its plain HTTP', async () => {
    expect(sessionCookie((await signIn(behindProxy, { headers: { 'x-forwarded-proto': 'https' } })).headers['set-cookie']).attributes.has('secure')).toBe(true)
    expect(sessionCookie((await signIn(behindProxy, { headers: { 'x-forwarded-proto': 'http' } })).headers['set-cookie']).attributes.has('secure')).toBe(false)
  })

  it('sets no cookie when the sign-in fails', async () => {
    const res = await h.post('/api/session', { body: { username: 'admin', password: 'Wrong-passw0rd' } })
    expectStatus(res, 401)
    expect(res.headers['set-cookie']).toBeUndefined()
  })
})
