import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: bad input at the HTTP layer`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start({ bodyLimitBytes: 4096 })
  })
  afterAll(() => h.close())

  const refuse = async (res: Awaited<ReturnType<Harness['post']>>, status: number, code: string) => {
    expectStatus(res, status)
    expect(res.body, res.text).toMatchObject({ code, message: expect.any(String) })
    expect(res.headers['content-type']).toContain('application/json')
  }

  it('answers unknown routes with a JSON 404', async () => {
    await refuse(await h.get('/api/nothing-here', { secret: h.keys.fullAccess.secret }), 404, 'request.route_not_found')
    await refuse(await h.request('PUT', '/api/apikeys/1', { secret: h.keys.fullAccess.secret }), 404, 'request.route_not_found')
  })

  it('never echoes a secret that was put in the URL', async () => {
    const res = await h.get(`/api/${h.keys.fullAccess.secret}`, { secret: h.keys.fullAccess.secret })
    expectStatus(res, 404)
    expect(res.text).not.toContain(h.keys.fullAccess.secret)
    expect(h.logs.join('')).not.toContain(h.keys.fullAccess.secret)
  })

  it('refuses malformed JSON, prototype poisoning, NUL characters and unsupported content types, changing nothing', async () => {
    const before = await h.snapshot()
    const secret = h.keys.fullAccess.secret
    await refuse(await h.post('/api/apikeys', { secret, body: '{"keyName": "x", "roleID": 2' }), 400, 'request.body_invalid_json')
    await refuse(await h.post('/api/apikeys', { secret, body: '{"keyName":"x","roleID":2,"__proto__":{"isAdmin":true}}' }), 400, 'request.body_invalid_json')
    await refuse(
      await h.post('/api/apikeys', { secret, body: '{"keyName":"x","roleID":2,"constructor":{"prototype":{"a":1}}}' }),
      400,
      'request.body_invalid_json',
    )
    await refuse(await h.post('/api/apikeys', { secret, body: '{"keyName":"a\\u0000b","roleID":2}' }), 400, 'request.body_nul_character')
    // The same spelled with escapes, in a key, or after other escapes: the parser's shortcut for bodies without any must not take them.
    await refuse(
      await h.post('/api/apikeys', { secret, body: '{"keyName":"x","roleID":2,"\\u005f_proto__":{"isAdmin":true}}' }),
      400,
      'request.body_invalid_json',
    )
    await refuse(
      await h.post('/api/apikeys', { secret, body: '{"keyName":"x\\"","roleID":2,"__proto__" :{"isAdmin":true}}' }),
      400,
      'request.body_invalid_json',
    )
    await refuse(await h.post('/api/apikeys', { secret, body: '{"keyName":"x","roleID":2,"a\\u0000":1}' }), 400, 'request.body_nul_character')
    await refuse(
      await h.post('/api/apikeys', { secret, body: 'keyName=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      415,
      'request.media_type_unsupported',
    )
    expect(await h.snapshot()).toEqual(before)
  })

  it('refuses a body over the limit with 413', async () => {
    const res = await h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body: { keyName: 'big', roleID: 2, description: 'x'.repeat(5000) } })
    await refuse(res, 413, 'request.body_too_large')
    expect(res.body.message).toContain('4096')
  })

  it("answers in the key's language once authenticated, else in Accept-Language", async () => {
    const ja = await h.key({ locale: 'ja-JP' })
    const missing = await h.get('/api/apikeys/99999', { secret: ja.secret })
    expectStatus(missing, 404)
    expect(missing.body.message).toBe('API キーが存在しません。')
    const unauthenticated = await h.get('/api/apikeys', { headers: { 'accept-language': 'ja,en;q=0.5' } })
    expectStatus(unauthenticated, 401)
    expect(unauthenticated.body.message).toContain('API シークレットキー')
    const english = await h.get('/api/apikeys', { headers: { 'accept-language': 'fr-FR, en;q=0.1' } })
    expect(english.body.message).toContain('No API secret key was sent')
  })

  it('marks API responses as not cacheable and 401s with WWW-Authenticate', async () => {
    const ok = await h.get('/api/apikeys/current', { secret: h.keys.fullAccess.secret })
    expect(ok.headers['cache-control']).toBe('no-store')
    const denied = await h.get('/api/apikeys/current')
    expect(denied.headers['www-authenticate']).toBe('ApiKey realm="keyward"')
  })

  it('serves health checks without credentials', async () => {
    expect((await h.get('/healthz', { apiVersion: null })).body).toEqual({ status: 'ok' })
    expect((await h.get('/readyz', { apiVersion: null })).body).toEqual({ status: 'ready', database: h.engine })
  })
})
