import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: apikeys delete (happy)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it('deletes a key and answers 200 with an empty body', async () => {
    const key = await h.key({ name: 'to-delete' })
    const others = (await h.snapshot()).keys.filter((row) => row.id !== key.id)
    const res = await h.delete(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret })
    expectStatus(res, 200)
    expect(res.text).toBe('')
    expect(await h.row(key.id)).toBeUndefined()
    expect((await h.snapshot()).keys, 'the other keys stay as they were').toEqual(others)
  })

  it("stops the deleted key's secret at once, even when it was just used (cached)", async () => {
    const key = await h.key({ name: 'deleted-while-cached' })
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 200)
    expectStatus(await h.delete(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret }), 200)
    const res = await h.get('/api/apikeys/current', { secret: key.secret })
    expectStatus(res, 401)
    expect(res.body.code).toBe('auth.secret_invalid')
  })

  it('answers 404 to a second delete of the same key', async () => {
    const key = await h.key({ name: 'deleted-twice' })
    expectStatus(await h.delete(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret }), 200)
    const again = await h.delete(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret })
    expectStatus(again, 404)
    expect(again.body).toEqual({ code: 'apikey.not_found', message: 'The API key does not exist.' })
  })

  it('deletes locked and expired keys too', async () => {
    const locked = await h.key({ name: 'deleted-locked', locked: true })
    const expired = await h.key({ name: 'deleted-expired', expiresAt: h.clock() + 1000 })
    h.clock.advance(1500)
    for (const key of [locked, expired]) {
      expectStatus(await h.delete(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret }), 200)
      expect(await h.row(key.id)).toBeUndefined()
    }
  })

  it('lets a key delete itself; its secret stops working with that request', async () => {
    const key = await h.key({ name: 'self-deleting', role: 1 })
    const res = await h.delete(`/api/apikeys/${key.id}`, { secret: key.secret })
    expectStatus(res, 200)
    expect(res.text).toBe('')
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 401)
  })

  it('frees the name of the deleted key', async () => {
    const key = await h.key({ name: 'name-to-free' })
    expectStatus(await h.delete(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret }), 200)
    const res = await h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body: { keyName: 'name-to-free', roleID: 2 } })
    expectStatus(res, 200)
    expect(res.body.ID).not.toBe(key.id)
  })

  it('accepts an empty JSON body sent along with Content-Type application/json', async () => {
    const key = await h.key({ name: 'deleted-with-type' })
    const res = await h.delete(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret, headers: { 'content-type': 'application/json' } })
    expectStatus(res, 200)
    expect(await h.row(key.id)).toBeUndefined()
  })
})
