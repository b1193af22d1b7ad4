import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: security headers`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  // OWASP's REST guidance: a JSON answer needs nosniff and no framing; the console's fuller set
  // (helmet's) would only cost time there, and so would X-Frame-Options beside frame-ancestors.
  it('sends the few headers a JSON answer needs on API answers, health checks and errors alike', async () => {
    for (const res of [
      await h.get('/api/apikeys/current', { secret: h.keys.fullAccess.secret }),
      await h.get('/healthz', { apiVersion: null }),
      await h.get('/api/apikeys'),
      await h.request('POST', '/no-such-path', { apiVersion: null }),
    ]) {
      expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'content-security-policy': "frame-ancestors 'none'" })
      expect(res.headers['x-frame-options']).toBeUndefined()
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

  // The API reference page runs Swagger UI from Keyward's own files: its policy allows this
  // origin's scripts, styles and calls, and nothing inline.
  it('serves the API reference page and its files with a Content-Security-Policy that allows only this origin', async () => {
    const page = await h.get('/api/docs', { apiVersion: null, headers: { accept: 'text/html' } })
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toContain('text/html')
    const files = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!)
    expect(files).toEqual(['/api/docs/swagger-ui.css', '/api/docs/keyward.css', '/api/docs/swagger-ui-bundle.js', '/api/docs/start.js'])
    for (const res of [page, ...(await Promise.all(files.map((file) => h.get(file, { apiVersion: null }))))]) {
      expect(res.status).toBe(200)
      expect(res.headers['content-security-policy']).toBe(
        "default-src 'none';base-uri 'none';script-src 'self';style-src 'self';img-src 'self' data:;connect-src 'self';form-action 'none';frame-ancestors 'none'",
      )
    }
  })
})
