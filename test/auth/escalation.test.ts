import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isRuled, type OperationId, OPERATIONS, type OperationRule } from '../../src/auth/operations.js'
import { ALL_RIGHTS, rightsToObject, type Right } from '../../src/roles/rights.js'
import { FULL_ACCESS_ROLE_ID } from '../../src/roles/role.js'
import { type DocumentedOperation, documentedOperations } from '../helpers/documented-operations.js'
import { QUICK_PASSWORD, quickAdministrator } from '../helpers/quick-administrator.js'
import { administratorRow, roleRow } from '../helpers/stored-rows.js'
import { expectStatus, Harness, type RequestOptions, type TestAdministrator, type TestKey, type TestSession } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

/** Every right but the audit log: enough to manage everything, less than Full Access. */
const OWN_RIGHTS = ALL_RIGHTS.filter((r) => r !== 'auditEventRights.canViewAuditEvents')
const LESSER_RIGHTS: Right[] = ['apikeyRights.canViewApiKeys', 'administratorRights.canViewAdministrators']

/** The writes of the rights table: the operations whose right the equal-or-lesser rule guards. */
type ManagingOperationId = { [Id in OperationId]: (typeof OPERATIONS)[Id] extends { manages: true } ? Id : never }[OperationId]
const MANAGING_OPERATIONS = (Object.keys(OPERATIONS) as OperationId[]).filter((id) => {
  const rule: OperationRule = OPERATIONS[id]
  return isRuled(rule) && rule.manages
}) as ManagingOperationId[]

const exceeds = (role: string) => `Not authorized: the role '${role}' has rights that your own role does not have.`

describe(`${testEngine()}: escalation (a role that may only manipulate equal or lesser rights)`, () => {
  let h: Harness
  /** The acting role, its key, an administrator holding it and that administrator's session. */
  let own: { id: number; name: string }
  let ownKey: TestKey
  let ownAdmin: TestAdministrator
  let session: TestSession
  /** A role with one right more than `own` (the audit log), held by nobody. */
  let stronger: { id: number; name: string }
  /** A role with two view rights and no managing right. */
  let lesser: { id: number; name: string }
  let strongerKey: TestKey
  let strongerAdmin: TestAdministrator
  let lesserKey: TestKey
  let lesserAdmin: TestAdministrator
  let operations: DocumentedOperation[]

  beforeAll(async () => {
    h = await Harness.start()
    operations = await documentedOperations(h)
    own = await h.role({ name: 'Key Manager', rights: OWN_RIGHTS, equalOrLesser: true })
    stronger = await h.role({ name: 'Key Manager and Auditor', rights: [...ALL_RIGHTS], equalOrLesser: true })
    lesser = await h.role({ name: 'Viewer', rights: LESSER_RIGHTS })
    ownKey = await h.key({ role: own.id, name: 'own-key' })
    ownAdmin = await quickAdministrator(h, { role: own.id, username: 'own-admin' })
    session = await h.signIn(ownAdmin.username, QUICK_PASSWORD)
    strongerKey = await h.key({ role: FULL_ACCESS_ROLE_ID, name: 'stronger-key' })
    strongerAdmin = await quickAdministrator(h, { role: FULL_ACCESS_ROLE_ID, username: 'stronger-admin' })
    lesserKey = await h.key({ role: lesser.id, name: 'lesser-key' })
    lesserAdmin = await quickAdministrator(h, { role: lesser.id, username: 'lesser-admin' })
  })
  afterAll(() => h.close())

  const asKey = (): RequestOptions => ({ secret: ownKey.secret })
  const asSession = (): RequestOptions => ({ session })

  /** What an attempt sends, and the role the refusal must name; the method is the operation's. */
  type Attempt = [what: string, url: () => string, body: () => unknown, role: () => string]
  /** Attempts per write of the rights table: the type makes every managing operation list some. */
  const attempts: { [Id in ManagingOperationId]: Attempt[] } = {
    createAdministratorRole: [
      [
        'create a role with a right it lacks',
        () => '/api/roles',
        () => ({
          name: 'With Audit',
          canOnlyManipulateUsersWithEqualOrLesserRights: true,
          rights: { platformRights: { auditEventRights: { canViewAuditEvents: true } } },
        }),
        () => 'With Audit',
      ],
      [
        'create a role with its own rights but free of the equal-or-lesser rule',
        () => '/api/roles',
        () => ({ name: 'Unbound', canOnlyManipulateUsersWithEqualOrLesserRights: false, rights: rightsToObject(new Set(OWN_RIGHTS)) }),
        () => 'Unbound',
      ],
    ],
    modifyAdministratorRole: [
      [
        'add a right to its own role',
        () => `/api/roles/${own.id}`,
        () => ({ rights: { platformRights: { auditEventRights: { canViewAuditEvents: true } } } }),
        () => own.name,
      ],
      [
        'free its own role from the equal-or-lesser rule',
        () => `/api/roles/${own.id}`,
        () => ({ canOnlyManipulateUsersWithEqualOrLesserRights: false }),
        () => own.name,
      ],
      [
        'raise a lesser role above its own',
        () => `/api/roles/${lesser.id}`,
        () => ({ rights: { platformRights: { auditEventRights: { canViewAuditEvents: true } } } }),
        () => lesser.name,
      ],
      ['edit a stronger role', () => `/api/roles/${stronger.id}`, () => ({ description: 'mine now' }), () => stronger.name],
      [
        'weaken a stronger role',
        () => `/api/roles/${stronger.id}`,
        () => ({ rights: { platformRights: { auditEventRights: { canViewAuditEvents: false } } } }),
        () => stronger.name,
      ],
    ],
    deleteAdministratorRole: [['delete a stronger role', () => `/api/roles/${stronger.id}`, () => undefined, () => stronger.name]],
    createApiKey: [
      ['create a key with Full Access', () => '/api/apikeys', () => ({ keyName: 'full-access-key', roleID: FULL_ACCESS_ROLE_ID }), () => 'Full Access'],
      ['create a key with a stronger custom role', () => '/api/apikeys', () => ({ keyName: 'stronger-custom-key', roleID: stronger.id }), () => stronger.name],
    ],
    modifyApiKey: [
      ['give a lesser key Full Access', () => `/api/apikeys/${lesserKey.id}`, () => ({ roleID: FULL_ACCESS_ROLE_ID }), () => 'Full Access'],
      ['give its own key Full Access', () => `/api/apikeys/${ownKey.id}`, () => ({ roleID: FULL_ACCESS_ROLE_ID }), () => 'Full Access'],
      ['edit a key that holds Full Access', () => `/api/apikeys/${strongerKey.id}`, () => ({ description: 'mine now' }), () => 'Full Access'],
      ['lock out a key that holds Full Access', () => `/api/apikeys/${strongerKey.id}`, () => ({ active: false }), () => 'Full Access'],
    ],
    replaceApiSecretKey: [
      ['take over a key that holds Full Access with a new secret', () => `/api/apikeys/${strongerKey.id}/secretkey`, () => undefined, () => 'Full Access'],
    ],
    deleteApiKey: [['delete a key that holds Full Access', () => `/api/apikeys/${strongerKey.id}`, () => undefined, () => 'Full Access']],
    createAdministrator: [
      [
        'create an administrator with Full Access',
        () => '/api/administrators',
        () => ({ username: 'new-full-access', password: 'Escalate-passw0rd', roleID: FULL_ACCESS_ROLE_ID }),
        () => 'Full Access',
      ],
      [
        'create an administrator with a stronger custom role',
        () => '/api/administrators',
        () => ({ username: 'new-stronger', password: 'Escalate-passw0rd', roleID: stronger.id }),
        () => stronger.name,
      ],
    ],
    modifyAdministrator: [
      ['give a lesser administrator Full Access', () => `/api/administrators/${lesserAdmin.id}`, () => ({ roleID: FULL_ACCESS_ROLE_ID }), () => 'Full Access'],
      [
        'give a lesser administrator a stronger custom role',
        () => `/api/administrators/${lesserAdmin.id}`,
        () => ({ roleID: stronger.id }),
        () => stronger.name,
      ],
      ['give its own administrator Full Access', () => `/api/administrators/${ownAdmin.id}`, () => ({ roleID: FULL_ACCESS_ROLE_ID }), () => 'Full Access'],
      ['edit an administrator with Full Access', () => `/api/administrators/${strongerAdmin.id}`, () => ({ fullName: 'Mine Now' }), () => 'Full Access'],
      [
        'set the password of an administrator with Full Access',
        () => `/api/administrators/${strongerAdmin.id}`,
        () => ({ password: 'Taken-over-passw0rd' }),
        () => 'Full Access',
      ],
      ['lock out an administrator with Full Access', () => `/api/administrators/${strongerAdmin.id}`, () => ({ active: false }), () => 'Full Access'],
      ['demote an administrator with Full Access', () => `/api/administrators/${strongerAdmin.id}`, () => ({ roleID: lesser.id }), () => 'Full Access'],
    ],
    deleteAdministrator: [['delete an administrator with Full Access', () => `/api/administrators/${strongerAdmin.id}`, () => undefined, () => 'Full Access']],
  }

  describe.each([
    ['with its API key', asKey],
    ['signed in to the console', asSession],
  ])('%s', (_how, credentials) => {
    describe.each(MANAGING_OPERATIONS)('%s', (operation) => {
      const tried: Attempt[] = attempts[operation] ?? []
      if (tried.length === 0) it('is tried (a write of the rights table with no escalation attempt here)', () => expect.fail(`add an attempt for ${operation}`))
      else
        it.each(tried)('cannot %s (403 role.rights_exceed_own, nothing changes)', async (_what, url, body, role) => {
          const { method, path } = operations.find((o) => o.operationId === operation)!
          expect(url(), `the URL of ${operation}`).toMatch(new RegExp(`^/api${path.replace(/\{\w+\}/g, '[^/]+')}$`))
          await expectRefusal(h, () => h.request(method, url(), { ...credentials(), body: body() }), 403, 'role.rights_exceed_own', exceeds(role()))
        })
    })
  })

  it('cannot give itself a stronger role through /administrators/current either (403)', async () => {
    await expectRefusal(
      h,
      () => h.post('/api/administrators/current', { session, body: { roleID: FULL_ACCESS_ROLE_ID } }),
      403,
      'administrator.current_field_denied',
      "You cannot change your own 'roleID' here.",
    )
  })

  describe('within its own rights it may act', () => {
    it('creates a role with fewer rights, and one with exactly its own', async () => {
      const fewer = await h.post('/api/roles', { ...asKey(), body: { name: 'Fewer', rights: rightsToObject(new Set(LESSER_RIGHTS)) } })
      expectStatus(fewer, 200)
      const equal = await h.post('/api/roles', {
        ...asKey(),
        body: { name: 'Equal', canOnlyManipulateUsersWithEqualOrLesserRights: true, allowWebService: true, rights: rightsToObject(new Set(OWN_RIGHTS)) },
      })
      expectStatus(equal, 200)
      expect(JSON.parse((await roleRow(h, equal.body.ID))!.rights)).toEqual(OWN_RIGHTS)
    })

    it('adds a right it holds to a lesser role, and edits its own role without adding any', async () => {
      const raised = await h.post(`/api/roles/${lesser.id}`, {
        session,
        body: { rights: { platformRights: { administratorRoleRights: { canViewAdministratorRoles: true } } } },
      })
      expectStatus(raised, 200)
      expect(JSON.parse((await roleRow(h, lesser.id))!.rights)).toEqual([...LESSER_RIGHTS, 'administratorRoleRights.canViewAdministratorRoles'])
      const described = await h.post(`/api/roles/${own.id}`, { ...asKey(), body: { description: 'Manages keys, roles and administrators' } })
      expectStatus(described, 200)
      expect((await roleRow(h, own.id))?.description).toBe('Manages keys, roles and administrators')
    })

    it('deletes a lesser role nobody holds', async () => {
      const spare = await h.role({ rights: LESSER_RIGHTS })
      expectStatus(await h.delete(`/api/roles/${spare.id}`, asKey()), 200)
      expect(await roleRow(h, spare.id)).toBeUndefined()
    })

    it('creates keys with its own or a lesser role, and gives a lesser key its own role', async () => {
      for (const roleID of [own.id, lesser.id]) {
        const res = await h.post('/api/apikeys', { ...asKey(), body: { keyName: `within-${roleID}`, roleID } })
        expectStatus(res, 200)
        expect((await h.row(res.body.ID))?.role_id).toBe(roleID)
      }
      const promoted = await h.key({ role: lesser.id })
      expectStatus(await h.post(`/api/apikeys/${promoted.id}`, { session, body: { roleID: own.id } }), 200)
      expect((await h.row(promoted.id))?.role_id).toBe(own.id)
    })

    it('edits, locks, renews and deletes a lesser key', async () => {
      const target = await h.key({ role: lesser.id })
      expectStatus(await h.post(`/api/apikeys/${target.id}`, { ...asKey(), body: { description: 'edited', active: false } }), 200)
      expect(await h.row(target.id)).toMatchObject({ description: 'edited', active: 0 })
      expectStatus(await h.post(`/api/apikeys/${target.id}/secretkey`, asKey()), 200)
      expectStatus(await h.delete(`/api/apikeys/${target.id}`, asKey()), 200)
      expect(await h.row(target.id)).toBeUndefined()
    })

    it('creates an administrator with a lesser role, sets its password, locks and deletes it', async () => {
      const created = await h.post('/api/administrators', { ...asKey(), body: { username: 'within-rights', password: 'Within-passw0rd', roleID: lesser.id } })
      expectStatus(created, 200)
      const id: number = created.body.ID
      const hashBefore = (await administratorRow(h, id))?.password_hash
      expectStatus(await h.post(`/api/administrators/${id}`, { session, body: { password: 'Another-passw0rd' } }), 200)
      expect((await administratorRow(h, id))?.password_hash).not.toBe(hashBefore)
      expectStatus(await h.post(`/api/administrators/${id}`, { session, body: { active: false } }), 200)
      expect((await administratorRow(h, id))?.active).toBe(0)
      expectStatus(await h.delete(`/api/administrators/${id}`, { session }), 200)
      expect(await administratorRow(h, id)).toBeUndefined()
    })

    it('edits an administrator that holds its own role (equal rights)', async () => {
      const peer = await quickAdministrator(h, { role: own.id })
      expectStatus(await h.post(`/api/administrators/${peer.id}`, { ...asKey(), body: { fullName: 'Peer' } }), 200)
      expect((await administratorRow(h, peer.id))?.full_name).toBe('Peer')
    })
  })

  it('holds back only roles with the rule: the same rights without it may hand out Full Access', async () => {
    const unbound = await h.role({ rights: [...OWN_RIGHTS], equalOrLesser: false })
    const key = await h.key({ role: unbound.id })
    const target = await quickAdministrator(h, { role: lesser.id })
    const res = await h.post(`/api/administrators/${target.id}`, { secret: key.secret, body: { roleID: FULL_ACCESS_ROLE_ID } })
    expectStatus(res, 200)
    expect((await administratorRow(h, target.id))?.role_id).toBe(FULL_ACCESS_ROLE_ID)
  })
})
