import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { META_MAX_BYTES } from '../../src/apikeys/setting-limits.js'
import { auditSince, lastAuditId } from '../helpers/audit-log.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: API key meta, externalID and tags`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  it('takes meta and externalID on create, shows them on describe and list, and audits them', async () => {
    const mark = await lastAuditId(h)
    const created = await h.post('/api/apikeys', {
      secret: h.keys.fullAccess.secret,
      body: { keyName: 'meta-key', roleID: 2, meta: { plan: 'pro', limits: { seats: 5 }, tags: ['a'] }, externalID: 'user_42' },
    })
    expectStatus(created, 200)
    expect(created.body).toMatchObject({ meta: { plan: 'pro', limits: { seats: 5 }, tags: ['a'] }, externalID: 'user_42' })
    const described = await h.get(`/api/apikeys/${created.body.ID}`, { secret: h.keys.fullAccess.secret })
    expect(described.body).toMatchObject({ meta: { plan: 'pro', limits: { seats: 5 }, tags: ['a'] }, externalID: 'user_42' })
    const [entry] = await auditSince(h, mark)
    expect(entry?.changes).toMatchObject({ meta: { to: { plan: 'pro', limits: { seats: 5 }, tags: ['a'] } }, externalID: { to: 'user_42' } })
  })

  it('changes and removes them on modify (null removes), audited with old and new values', async () => {
    const key = await h.key({ meta: { v: 1 }, externalID: 'old' })
    let mark = await lastAuditId(h)
    const modified = await h.post(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret, body: { meta: { v: 2 }, externalID: 'new' } })
    expect(modified.body).toMatchObject({ meta: { v: 2 }, externalID: 'new' })
    expect((await auditSince(h, mark))[0]?.changes).toEqual({ meta: { from: { v: 1 }, to: { v: 2 } }, externalID: { from: 'old', to: 'new' } })
    mark = await lastAuditId(h)
    const cleared = await h.post(`/api/apikeys/${key.id}`, { secret: h.keys.fullAccess.secret, body: { meta: null, externalID: null } })
    expectStatus(cleared, 200)
    expect(cleared.body).not.toHaveProperty('meta')
    expect(cleared.body).not.toHaveProperty('externalID')
    expect((await auditSince(h, mark))[0]?.changes).toEqual({ meta: { from: { v: 2 }, to: null }, externalID: { from: 'new', to: null } })
    expect(await h.row(key.id)).toMatchObject({ meta: null, external_id: null })
  })

  it('finds keys by externalID', async () => {
    const key = await h.key({ externalID: 'searchable-owner-7' })
    const res = await h.post('/api/apikeys/search', {
      secret: h.keys.fullAccess.secret,
      body: { searchCriteria: [{ fieldName: 'externalID', stringValue: 'searchable-owner-%' }] },
    })
    expectStatus(res, 200)
    expect(res.body.apiKeys.map((k: any) => k.ID)).toEqual([key.id])
  })

  it(`refuses meta over ${META_MAX_BYTES} bytes of JSON, and meta that is not an object (400)`, async () => {
    const big = { text: 'é'.repeat(META_MAX_BYTES / 2) }
    await expectRefusal(
      h,
      () => h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body: { keyName: 'big-meta', roleID: 2, meta: big } }),
      400,
      'apikey.meta_too_large',
    )
    for (const meta of [[1, 2], 'text', 7]) {
      const res = await expectRefusal(
        h,
        () => h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body: { keyName: 'bad-meta', roleID: 2, meta } }),
        400,
        'request.field_type',
      )
      expect(res.body.message).toContain("'meta'")
    }
  })

  it('refuses an empty or overlong externalID (400)', async () => {
    await expectRefusal(
      h,
      () => h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body: { keyName: 'x1', roleID: 2, externalID: '' } }),
      400,
      'request.field_too_short',
    )
    await expectRefusal(
      h,
      () => h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body: { keyName: 'x2', roleID: 2, externalID: 'x'.repeat(256) } }),
      400,
      'request.field_too_long',
    )
  })

  it('takes tags on create (trimmed, without repeats), shows them on describe, list, search and current, changes them on modify, audited', async () => {
    const secret = h.keys.fullAccess.secret
    let mark = await lastAuditId(h)
    const created = await h.post('/api/apikeys', { secret, body: { keyName: 'tagged', roleID: 2, tags: [' billing ', 'team-a', 'billing'] } })
    expectStatus(created, 200)
    expect(created.body.tags).toEqual(['billing', 'team-a'])
    expect((await auditSince(h, mark))[0]?.changes).toMatchObject({ tags: { to: ['billing', 'team-a'] } })
    expect((await h.get(`/api/apikeys/${created.body.ID}`, { secret })).body.tags).toEqual(['billing', 'team-a'])
    expect((await h.get('/api/apikeys/current', { secret: created.body.secretKey })).body.tags).toEqual(['billing', 'team-a'])
    expect((await h.get('/api/apikeys', { secret })).body.apiKeys.find((k: any) => k.ID === created.body.ID).tags).toEqual(['billing', 'team-a'])
    const found = await h.post('/api/apikeys/search', { secret, body: { searchCriteria: [{ fieldName: 'keyName', stringValue: 'tagged' }] } })
    expect(found.body.apiKeys.map((k: any) => k.tags)).toEqual([['billing', 'team-a']])
    mark = await lastAuditId(h)
    const modified = await h.post(`/api/apikeys/${created.body.ID}`, { secret, body: { tags: ['ops'] } })
    expect(modified.body.tags).toEqual(['ops'])
    expect((await auditSince(h, mark))[0]?.changes).toEqual({ tags: { from: ['billing', 'team-a'], to: ['ops'] } })
    const cleared = await h.post(`/api/apikeys/${created.body.ID}`, { secret, body: { tags: [] } })
    expect(cleared.body).not.toHaveProperty('tags')
    expect(await h.row(created.body.ID)).toMatchObject({ tags: '[]' })
  })

  it('refuses tags that are blank, longer than 64 characters, more than 20 or not a list (400 naming the field)', async () => {
    for (const [tags, code, field, says] of [
      [['  '], 'request.field_invalid', 'tags[0]', ''],
      [['ok', 'x'.repeat(65)], 'request.field_too_long', 'tags[1]', 'at most 64 characters'],
      [Array.from({ length: 21 }, (_, i) => `t${i}`), 'request.field_too_many_items', 'tags', 'at most 20 items'],
      ['billing', 'request.field_type', 'tags', ''],
    ] as const) {
      const res = await expectRefusal(
        h,
        () => h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body: { keyName: 'bad-tags', roleID: 2, tags } }),
        400,
        code,
      )
      expect(res.body.message).toContain(`'${field}'`)
      expect(res.body.message).toContain(says)
    }
  })

  it('a key may send its own settings back unchanged but not change them', async () => {
    const key = await h.key({ role: 2, meta: { plan: 'free' }, externalID: 'me', ipAllowList: ['127.0.0.1'] })
    const current = await h.get('/api/apikeys/current', { secret: key.secret })
    const { meta, externalID, ipAllowList } = current.body
    expectStatus(await h.post('/api/apikeys/current', { secret: key.secret, body: { meta, externalID, ipAllowList, description: 'same settings' } }), 200)
    for (const [field, body] of [
      ['meta', { meta: { plan: 'enterprise' } }],
      ['externalID', { externalID: 'someone-else' }],
      ['ipAllowList', { ipAllowList: ['0.0.0.0/0'] }],
    ] as const) {
      const res = await expectRefusal(h, () => h.post('/api/apikeys/current', { secret: key.secret, body }), 403, 'apikey.current_field_denied')
      expect(res.body.message).toContain(`'${field}'`)
    }
  })
})
