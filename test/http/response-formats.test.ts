import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

/**
 * fast-json-stringify checks the branches of a response's `anyOf` with an Ajv of its own: one
 * that does not know Keyward's formats ignores them, picks a branch without them, and says so on
 * the console once per schema.
 */
describe(`${testEngine()}: answers are serialised with Keyward's formats`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it('creates, modifies and describes a key with every setting and credits, and no format is unknown to the serialiser', async () => {
    const warn = vi.spyOn(console, 'warn')
    try {
      const secret = h.keys.fullAccess.secret
      const settings = {
        timeZone: 'Asia/Tokyo',
        permissions: ['invoices.read'],
        ipAllowList: ['127.0.0.1'],
        tags: ['billing'],
        // Its refill is one of several shapes: an `anyOf` of the answer.
        credits: { remaining: 10, refill: { interval: 'monthly', amount: 10, day: 1 } },
      }
      const created = await h.post('/api/apikeys', { secret, body: { keyName: 'formats-key', roleID: 2, ...settings } })
      expectStatus(created, 200)
      expectStatus(await h.post(`/api/apikeys/${created.body.ID}`, { secret, body: { description: 'changed', tags: ['team a'] } }), 200)
      expectStatus(await h.get(`/api/apikeys/${created.body.ID}`, { secret }), 200)
      expect(warn.mock.calls.map((call) => String(call[0])).filter((line) => line.includes('unknown format'))).toEqual([])
    } finally {
      warn.mockRestore()
    }
  })
})
