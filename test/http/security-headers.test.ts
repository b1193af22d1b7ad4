import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: security headers`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it('sends a strict Content-Security-Policy and helmet\'s headers on API answers, health checks and errors alike', async () => {
    for (const res of [
      await h.get('/api/apikeys/current', { secret: h.keys.fullAccess.secret }),
      await h.get('/healthz', { apiVersion: null }),
      await h.get('/api/apikeys'),
    ]) {
      const csp = String(res.headers['content-security-policy'])
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).not.toContain("script-src 'self' 'unsafe-inline'")
      expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN', 'referrer-policy': 'no-referrer' })
    }
  })
})
