import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: security headers`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  // OWASP's REST guidance: a JSON answer needs nosniff, no framing and nothing loadable from
  // it; the console's fuller set (helmet's) would only cost time there.
  it('sends the few headers a JSON answer needs on API answers, health checks and errors alike', async () => {
    for (const res of [
      await h.get('/api/apikeys/current', { secret: h.keys.fullAccess.secret }),
      await h.get('/healthz', { apiVersion: null }),
      await h.get('/api/apikeys'),
      await h.request('POST', '/no-such-path', { apiVersion: null }),
    ]) {
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      })
      expect(res.headers['strict-transport-security']).toBeUndefined()
    }
  })

  it("sends the console's strict Content-Security-Policy and helmet's headers on its pages", async () => {
    const res = await h.get('/apikeys/12', { apiVersion: null, headers: { accept: 'text/html' } })
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain("script-src 'self' 'unsafe-inline'")
    expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN', 'referrer-policy': 'no-referrer' })
  })
})
