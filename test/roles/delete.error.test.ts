import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AUDITOR_ROLE_ID, FULL_ACCESS_ROLE_ID } from '../../src/roles/role.js'
import { quickAdministrator } from '../helpers/quick-administrator.js'
import { Harness } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: roles delete (error)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  const remove = (id: number | string) => () => h.delete(`/api/roles/${id}`, { secret: h.keys.fullAccess.secret })

  it('answers 404 for an ID no role has, and 400 for one that is no ID', async () => {
    await expectRefusal(h, remove(424242), 404, 'role.not_found', 'The administrator role does not exist.')
    const res = await expectRefusal(h, remove('x'), 400, 'request.field_type')
    expect(res.body.message).toContain("'roleID'")
  })

  it('refuses to delete Full Access (403 role.immutable)', async () => {
    await expectRefusal(h, remove(FULL_ACCESS_ROLE_ID), 403, 'role.immutable', "The role 'Full Access' is built in and cannot be changed or deleted.")
  })

  it('refuses a role an administrator holds, saying so (409 role.in_use)', async () => {
    const role = await h.role({ name: 'Held by an admin' })
    await quickAdministrator(h, { role: role.id })
    await expectRefusal(h, remove(role.id), 409, 'role.in_use', "The role 'Held by an admin' cannot be deleted: it is assigned to 1 administrator.")
  })

  it('refuses a role API keys hold, saying how many (409 role.in_use)', async () => {
    const role = await h.role({ name: 'Held by keys' })
    await h.key({ role: role.id })
    await h.key({ role: role.id, locked: true })
    await expectRefusal(h, remove(role.id), 409, 'role.in_use', "The role 'Held by keys' cannot be deleted: it is assigned to 2 API keys.")
  })

  it('refuses a role both kinds of holders hold, counting each', async () => {
    const role = await h.role({ name: 'Held by both' })
    await quickAdministrator(h, { role: role.id })
    await h.key({ role: role.id })
    await expectRefusal(h, remove(role.id), 409, 'role.in_use', "The role 'Held by both' cannot be deleted: it is assigned to 1 administrator and 1 API key.")
    // Issue 13: only the non-zero counts, in Japanese too.
    const ja = await h.key({ locale: 'ja-JP' })
    const inJapanese = () => h.delete(`/api/roles/${role.id}`, { secret: ja.secret })
    await expectRefusal(h, inJapanese, 409, 'role.in_use', "役割 'Held by both' は 1 人の管理者と 1 個の API キーに割り当てられているため、削除できません。")
    const keysOnly = await h.role({ name: 'Held by one key' })
    await h.key({ role: keysOnly.id })
    const keysOnlyInJapanese = () => h.delete(`/api/roles/${keysOnly.id}`, { secret: ja.secret })
    await expectRefusal(h, keysOnlyInJapanese, 409, 'role.in_use', "役割 'Held by one key' は 1 個の API キーに割り当てられているため、削除できません。")
  })

  it('refuses to delete the Auditor role, built in, whoever holds it (403 role.immutable)', async () => {
    await expectRefusal(h, remove(AUDITOR_ROLE_ID), 403, 'role.immutable', "The role 'Auditor' is built in and cannot be changed or deleted.")
  })

  it('refuses to delete a role twice: the second time it does not exist', async () => {
    const role = await h.role()
    const first = await h.delete(`/api/roles/${role.id}`, { secret: h.keys.fullAccess.secret })
    expect(first.status).toBe(200)
    await expectRefusal(h, remove(role.id), 404, 'role.not_found')
  })
})
