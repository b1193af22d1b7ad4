import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAddressAllowed, isIpRange } from '../../src/auth/ip-allow-list.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe('IP allow-list matching', () => {
  it.each([
    [['192.0.2.0/24'], '192.0.2.200', true],
    [['192.0.2.0/24'], '192.0.3.1', false],
    [['192.0.2.7'], '192.0.2.7', true],
    [['192.0.2.7'], '192.0.2.8', false],
    [['10.0.0.0/8'], '10.255.1.2', true],
    [['10.1.2.3/8'], '10.9.9.9', true],
    [['0.0.0.0/0'], '203.0.113.5', true],
    [['172.16.0.0/12'], '172.32.0.1', false],
    [['2001:db8::/32'], '2001:db8:1234::1', true],
    [['2001:db8::/32'], '2001:db9::1', false],
    [['2001:db8::1'], '2001:0db8:0000:0000:0000:0000:0000:0001', true],
    [['fe80::/10'], 'fe80::1%eth0', true],
    [['::/0'], '::1', true],
    [['::/0'], '127.0.0.1', false],
    // IPv4-mapped IPv6, on either side.
    [['192.0.2.0/24'], '::ffff:192.0.2.9', true],
    [['192.0.2.0/24'], '::ffff:c000:209', true],
    [['::ffff:192.0.2.0/120'], '192.0.2.9', true],
    [['::ffff:192.0.2.0/120'], '192.0.3.9', false],
    [['::ffff:10.0.0.1'], '10.0.0.1', true],
    [['192.0.2.0/24'], '2001:db8::1', false],
    [[], '192.0.2.1', true],
    [['192.0.2.1'], 'not an address', false],
  ])('%j allows %s: %s', (list, address, allowed) => {
    expect(isAddressAllowed(list, address)).toBe(allowed)
  })

  it('allows no address at all only with an empty list', () => {
    expect(isAddressAllowed([], undefined)).toBe(true)
    expect(isAddressAllowed(['0.0.0.0/0'], undefined)).toBe(false)
  })

  it.each(['192.0.2.0/33', '192.0.2.0/-1', '2001:db8::/129', '::ffff:0:0/95', '192.0.2', '10.0.0.0/8/8', 'example.com', '', '1.2.3.4/ 8', 'fe80::1%eth0'])(
    'refuses the entry %j',
    (entry) => {
      expect(isIpRange(entry)).toBe(false)
    },
  )
})

describe(`${testEngine()}: IP allow-lists of keys`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it('a key takes an allow-list on create and modify, shows it and the audit log records it', async () => {
    const created = await h.post('/api/apikeys', {
      secret: h.keys.fullAccess.secret,
      body: { keyName: 'ip-key', roleID: 2, ipAllowList: ['192.0.2.0/24', ' 2001:db8::/32', '192.0.2.0/24'] },
    })
    expectStatus(created, 200)
    expect(created.body.ipAllowList).toEqual(['192.0.2.0/24', '2001:db8::/32'])
    const modified = await h.post(`/api/apikeys/${created.body.ID}`, { secret: h.keys.fullAccess.secret, body: { ipAllowList: ['198.51.100.7'] } })
    expect(modified.body.ipAllowList).toEqual(['198.51.100.7'])
    const audit = await h.db
      .selectFrom('audit_events')
      .select('changes')
      .where('resource_id', '=', created.body.ID)
      .where('action', '=', 'apikey.modify')
      .executeTakeFirstOrThrow()
    expect(JSON.parse(audit.changes)).toEqual({ ipAllowList: { from: ['192.0.2.0/24', '2001:db8::/32'], to: ['198.51.100.7'] } })
  })

  it('refuses an entry that is no address or range, naming it (400)', async () => {
    const res = await expectRefusal(
      h,
      () => h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body: { keyName: 'bad-ip', roleID: 2, ipAllowList: ['10.0.0.0/8', '10.0.0.0/33'] } }),
      400,
      'request.ip_range_invalid',
    )
    expect(res.body.message).toContain("'ipAllowList[1]'")
  })

  it("is enforced for Keyward's own API: 403 from elsewhere, with the key's message, and no failure counted", async () => {
    const key = await h.key({ role: 2, ipAllowList: ['192.0.2.0/24', '2001:db8::/32'] })
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret, remoteAddress: '192.0.2.10' }), 200)
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret, remoteAddress: '::ffff:192.0.2.11' }), 200)
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret, remoteAddress: '2001:db8::5' }), 200)
    for (const remoteAddress of ['198.51.100.1', '127.0.0.1', '::1']) {
      await expectRefusal(h, () => h.get('/api/apikeys', { secret: key.secret, remoteAddress }), 403, 'auth.address_not_allowed')
    }
    expect((await h.row(key.id))?.unsuccessful_sign_in_attempts).toBe(0)
  })

  it('is enforced on the cached hot path as on a cache miss', async () => {
    const key = await h.key({ role: 2, ipAllowList: ['192.0.2.1'] })
    // The first request loads the key; the second finds it cached.
    for (let i = 0; i < 2; i++)
      await expectRefusal(h, () => h.get('/api/apikeys/current', { secret: key.secret, remoteAddress: '192.0.2.2' }), 403, 'auth.address_not_allowed')
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret, remoteAddress: '192.0.2.1' }), 200)
    await expectRefusal(h, () => h.get('/api/apikeys/current', { secret: key.secret, remoteAddress: '192.0.2.2' }), 403, 'auth.address_not_allowed')
  })

  it('is checked by the verify operation against the given address (v4, v6, v4-mapped v6)', async () => {
    const verifier = await h.role({ rights: ['apikeyRights.canVerifyApiKeys'] })
    const service = await h.key({ role: verifier.id })
    const key = await h.key({ ipAllowList: ['192.0.2.0/24', '2001:db8::/32'] })
    const verdict = async (address: string) =>
      (await h.post('/api/apikeys/verify', { secret: service.secret, body: { secretKey: key.secret, address } })).body.code
    expect(await verdict('192.0.2.1')).toBe('VALID')
    expect(await verdict('::ffff:192.0.2.1')).toBe('VALID')
    expect(await verdict('2001:db8:ffff::1')).toBe('VALID')
    expect(await verdict('192.0.3.1')).toBe('IP_NOT_ALLOWED')
    expect(await verdict('2001:db9::1')).toBe('IP_NOT_ALLOWED')
  })
})
