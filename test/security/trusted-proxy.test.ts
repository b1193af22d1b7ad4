import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

/**
 * Issue 9, finding 10 (proxies): `X-Forwarded-For` decides the address that throttles and
 * lock-outs count against, so only named proxies may set it; HSTS only over HTTPS.
 */
describe('KEYWARD_TRUST_PROXY', () => {
  it('refuses true (any client could choose its address), naming the setting', () => {
    expect(() => loadConfig({ KEYWARD_TRUST_PROXY: 'true' })).toThrow(/KEYWARD_TRUST_PROXY/)
  })

  it('takes the proxies’ addresses or CIDRs, or a hop count', () => {
    expect(loadConfig({ KEYWARD_TRUST_PROXY: '10.0.0.5,10.1.0.0/16' }).trustProxy).toBe('10.0.0.5,10.1.0.0/16')
    expect(loadConfig({ KEYWARD_TRUST_PROXY: '1' }).trustProxy).toBe(1)
    expect(loadConfig({}).trustProxy).toBe(false)
  })
})

describe(`${testEngine()}: forwarded headers from trusted proxies only; HSTS over HTTPS only`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start({ trustProxy: '10.0.0.5' })
  })
  afterAll(() => h.close())

  const get = (remoteAddress: string, headers: Record<string, string> = {}) =>
    h.app.fastify.inject({
      method: 'GET',
      url: '/api/apikeys/current',
      remoteAddress,
      headers: { 'api-version': 'v1', 'api-secret-key': h.keys.fullAccess.secret, ...headers },
    })

  it('takes X-Forwarded-For from a named proxy, and ignores it from anyone else', async () => {
    await get('10.0.0.5', { 'x-forwarded-for': '203.0.113.9' })
    await get('198.51.100.4', { 'x-forwarded-for': '203.0.113.10' })
    await h.app.context.usage.flush()
    expect((await h.row(h.keys.fullAccess.id))?.last_sign_in_address).toBe('198.51.100.4')
    await get('10.0.0.5', { 'x-forwarded-for': '203.0.113.9' })
    await h.app.context.usage.flush()
    expect((await h.row(h.keys.fullAccess.id))?.last_sign_in_address).toBe('203.0.113.9')
  })

  it('sends Strict-Transport-Security only when the request came over HTTPS', async () => {
    expect((await get('198.51.100.4')).headers['strict-transport-security']).toBeUndefined()
    expect((await get('198.51.100.4', { 'x-forwarded-proto': 'https' })).headers['strict-transport-security']).toBeUndefined()
    expect((await get('10.0.0.5', { 'x-forwarded-proto': 'https' })).headers['strict-transport-security']).toMatch(/max-age=\d+/)
  })
})
