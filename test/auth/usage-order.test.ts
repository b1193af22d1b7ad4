import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

/**
 * Two uses of a key in the same millisecond, written by two batches: the later one must win.
 * A strict "newer than stored" guard kept the earlier address, which made
 * test/security/trusted-proxy.test.ts fail now and then when the interval flush fell between
 * its two requests.
 */
describe(`${testEngine()}: last sign-in batches`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it('a later batch with the same time replaces the address; an older one does not', async () => {
    const { id } = h.keys.auditor
    const usage = h.app.context.usage
    const at = Date.now() + 60_000
    usage.record(id, at, '192.0.2.1')
    await usage.flush()
    usage.record(id, at, '192.0.2.2')
    await usage.flush()
    expect(await h.row(id)).toMatchObject({ last_sign_in_address: '192.0.2.2' })
    usage.record(id, at - 1, '192.0.2.3')
    await usage.flush()
    expect(await h.row(id)).toMatchObject({ last_sign_in_address: '192.0.2.2' })
  })
})
