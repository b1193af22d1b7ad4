import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { grants, isPermission, PermissionSet } from '../../src/permissions/permission.js'
import { parsePermissionQuery, satisfies } from '../../src/permissions/permission-query.js'
import { ALL_RIGHTS } from '../../src/roles/rights.js'
import { auditSince, lastAuditId } from '../helpers/audit-log.js'
import { expectStatus, Harness, type TestKey } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe('permission grammar', () => {
  it.each(['invoices.read', 'reports:*', 'a', 'A-b_c.d:e', '*', 'x.y.*', 'v1:users:write'])('accepts %j', (text) => {
    expect(isPermission(text)).toBe(true)
  })
  it.each(['', ' a', 'a b', 'a..b', '.a', 'a.', 'a*', '*.a', 'a.*.b', 'a/b', 'é', 'a.**', 'x'.repeat(129), Array.from({ length: 11 }, () => 'p').join('.')])(
    'refuses %j',
    (text) => {
      expect(isPermission(text)).toBe(false)
    },
  )
  it('grants by equality or by a wildcard prefix, never the other way round', () => {
    expect(grants('reports:*', 'reports:read')).toBe(true)
    expect(grants('reports:*', 'reports:daily:read')).toBe(true)
    expect(grants('reports:*', 'reports:daily:*')).toBe(true)
    expect(grants('reports:*', 'reports')).toBe(false)
    expect(grants('reports:*', 'reportsx:read')).toBe(false)
    expect(grants('reports:read', 'reports:*')).toBe(false)
    expect(grants('*', 'anything.at:all')).toBe(true)
    expect(grants('invoices.read', 'invoices.Read')).toBe(false)
  })
  it('parses AND tighter than OR, with parentheses', () => {
    expect(parsePermissionQuery('a OR b AND c')).toEqual({ or: ['a', { and: ['b', 'c'] }] })
    expect(parsePermissionQuery('(a OR b) AND c')).toEqual({ and: [{ or: ['a', 'b'] }, 'c'] })
    expect(parsePermissionQuery('  a  ')).toBe('a')
    const held = new PermissionSet(['a', 'c'])
    expect(satisfies(held, parsePermissionQuery('a OR b AND c'))).toBe(true)
    expect(satisfies(held, parsePermissionQuery('(a OR b) AND d'))).toBe(false)
    expect(satisfies(held, parsePermissionQuery('b AND (a OR c)'))).toBe(false)
  })
})

describe(`${testEngine()}: application permissions on roles and keys`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  const lastAuditEntry = async () => (await auditSince(h, (await lastAuditId(h)) - 1))[0]!

  it('a role takes permissions, stores them sorted without repeats, shows and audits them', async () => {
    const created = await h.post('/api/roles', {
      secret: h.keys.fullAccess.secret,
      body: { name: 'Customers', permissions: ['reports:*', 'invoices.read', 'reports:*'] },
    })
    expectStatus(created, 200)
    expect(created.body.permissions).toEqual(['invoices.read', 'reports:*'])
    expect((await lastAuditEntry()).changes).toMatchObject({ permissions: { to: ['invoices.read', 'reports:*'] } })
    const modified = await h.post(`/api/roles/${created.body.ID}`, { secret: h.keys.fullAccess.secret, body: { permissions: ['invoices.write'] } })
    expect(modified.body.permissions).toEqual(['invoices.write'])
    expect((await lastAuditEntry()).changes).toEqual({ permissions: { from: ['invoices.read', 'reports:*'], to: ['invoices.write'] } })
    expect((await h.get(`/api/roles/${created.body.ID}`, { secret: h.keys.fullAccess.secret })).body.permissions).toEqual(['invoices.write'])
    expect((await h.get('/api/roles/1', { secret: h.keys.fullAccess.secret })).body.permissions).toEqual([])
  })

  it('a key takes direct permissions on create and modify, shows and audits them', async () => {
    const created = await h.post('/api/apikeys', {
      secret: h.keys.fullAccess.secret,
      body: { keyName: 'perm-key', roleID: 2, permissions: ['b.read', 'a.read'] },
    })
    expectStatus(created, 200)
    expect(created.body.permissions).toEqual(['a.read', 'b.read'])
    expect((await lastAuditEntry()).changes).toMatchObject({ permissions: { to: ['a.read', 'b.read'] } })
    const modified = await h.post(`/api/apikeys/${created.body.ID}`, { secret: h.keys.fullAccess.secret, body: { permissions: [] } })
    expectStatus(modified, 200)
    expect(modified.body).not.toHaveProperty('permissions')
    expect((await lastAuditEntry()).changes).toEqual({ permissions: { from: ['a.read', 'b.read'], to: [] } })
  })

  it.each([
    ['/api/roles', { name: 'bad-perm-role', permissions: ['ok', 'not ok'] }],
    ['/api/apikeys', { keyName: 'bad-perm-key', roleID: 2, permissions: ['ok', 'a..b'] }],
  ])('refuses a permission outside the grammar on %s, naming the item', async (url, body) => {
    const res = await expectRefusal(h, () => h.post(url, { secret: h.keys.fullAccess.secret, body }), 400, 'permission.invalid')
    expect(res.body.message).toContain("'permissions[1]'")
  })

  it('refuses more than 500 permissions on a key (400)', async () => {
    const permissions = Array.from({ length: 501 }, (_, i) => `p${i}`)
    await expectRefusal(
      h,
      () => h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body: { keyName: 'many', roleID: 2, permissions } }),
      400,
      'request.field_too_many_items',
    )
  })

  describe('escalation: a key manager cannot hand out permissions beyond its own', () => {
    let manager: TestKey
    /** A role without rights or permissions, within anyone's. */
    let plain: { id: number }
    beforeAll(async () => {
      plain = await h.role({ name: 'Plain' })
      const role = await h.role({
        name: 'Invoice key managers',
        rights: ALL_RIGHTS.filter((r) => r.startsWith('apikeyRights.') || r.startsWith('administratorRoleRights.')),
        permissions: ['invoices.*'],
        equalOrLesser: true,
      })
      manager = await h.key({ role: role.id, name: 'invoice-manager' })
    })

    it('may give what it holds, wildcards included', async () => {
      const key = await h.post('/api/apikeys', {
        secret: manager.secret,
        body: { keyName: 'invoice-reader', roleID: plain.id, permissions: ['invoices.read', 'invoices.archive.*'] },
      })
      expectStatus(key, 200)
      const role = await h.post('/api/roles', {
        secret: manager.secret,
        body: { name: 'Invoice readers', canOnlyManipulateUsersWithEqualOrLesserRights: true, permissions: ['invoices.read'] },
      })
      expectStatus(role, 200)
    })

    it('may not give a key a permission it lacks (403), and nothing changes', async () => {
      await expectRefusal(
        h,
        () =>
          h.post('/api/apikeys', {
            secret: manager.secret,
            body: { keyName: 'reports-key', roleID: plain.id, permissions: ['invoices.read', 'reports.read'] },
          }),
        403,
        'permission.exceeds_own',
        "Not authorized: you cannot grant the permission 'reports.read', which you do not hold yourself.",
      )
      const target = await h.key({ role: plain.id })
      await expectRefusal(h, () => h.post(`/api/apikeys/${target.id}`, { secret: manager.secret, body: { permissions: ['*'] } }), 403, 'permission.exceeds_own')
    })

    it('may not create or raise a role, or assign one, with a permission it lacks', async () => {
      await expectRefusal(
        h,
        () =>
          h.post('/api/roles', {
            secret: manager.secret,
            body: { name: 'Admins', canOnlyManipulateUsersWithEqualOrLesserRights: true, permissions: ['admin'] },
          }),
        403,
        'role.rights_exceed_own',
      )
      const lesser = await h.role({ name: 'Lesser with admin', permissions: ['admin'], equalOrLesser: true })
      await expectRefusal(
        h,
        () => h.post('/api/apikeys', { secret: manager.secret, body: { keyName: 'admin-key', roleID: lesser.id } }),
        403,
        'role.rights_exceed_own',
      )
      const mine = await h.role({ name: 'Lesser invoices', permissions: ['invoices.read'], equalOrLesser: true })
      await expectRefusal(
        h,
        () => h.post(`/api/roles/${mine.id}`, { secret: manager.secret, body: { permissions: ['invoices.read', 'payroll.read'] } }),
        403,
        'role.rights_exceed_own',
      )
    })

    it('may not act on a key that holds a permission it lacks', async () => {
      const stronger = await h.key({ role: plain.id, permissions: ['payroll.read'] })
      await expectRefusal(
        h,
        () => h.post(`/api/apikeys/${stronger.id}`, { secret: manager.secret, body: { description: 'mine now' } }),
        403,
        'permission.exceeds_own',
      )
      await expectRefusal(h, () => h.delete(`/api/apikeys/${stronger.id}`, { secret: manager.secret }), 403, 'permission.exceeds_own')
    })

    it('a key may not change its own permissions', async () => {
      await expectRefusal(
        h,
        () => h.post('/api/apikeys/current', { secret: manager.secret, body: { permissions: ['invoices.read'] } }),
        403,
        'apikey.current_field_denied',
      )
    })
  })
})
