/**
 * Issue 9, finding 10 (roles): both built-in roles, Full Access and Auditor, are immutable:
 * changing or deleting either is refused with 403 role.immutable, and nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AUDITOR_ROLE_ID, FULL_ACCESS_ROLE_ID } from '../../src/roles/role.js'
import { Harness } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

const BUILT_IN = [
  ['Full Access', FULL_ACCESS_ROLE_ID],
  ['Auditor', AUDITOR_ROLE_ID],
] as const

describe(`${testEngine()}: the built-in roles are immutable`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  const refused = (name: string) => `The role '${name}' is built in and cannot be changed or deleted.`

  it.each(BUILT_IN)('describes %s as immutable', async (_name, id) => {
    const res = await h.get(`/api/roles/${id}`, { secret: h.keys.fullAccess.secret })
    expect(res.body.immutable).toBe(true)
  })

  it.each(BUILT_IN)('refuses to change %s (403 role.immutable)', async (name, id) => {
    for (const body of [{ description: 'edited' }, { name: `${name} 2` }, { rights: { platformRights: { apikeyRights: { canCreateNewApiKeys: true } } } }]) {
      await expectRefusal(h, () => h.post(`/api/roles/${id}`, { secret: h.keys.fullAccess.secret, body }), 403, 'role.immutable', refused(name))
    }
  })

  it.each(BUILT_IN)('refuses to delete %s (403 role.immutable), held or not', async (name, id) => {
    await expectRefusal(h, () => h.delete(`/api/roles/${id}`, { secret: h.keys.fullAccess.secret }), 403, 'role.immutable', refused(name))
  })
})
