import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RoleDirectory } from '../../src/roles/role-directory.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

/**
 * A role that another process created a moment ago, its change notice not yet heard here (the
 * many-nodes bench found keys of such roles refused with 401 on SQLite, where notices are
 * polled): this process reads the roles again before it takes a role for absent.
 */
describe(`${testEngine()}: a role another process created, not yet heard of`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start({ changePollIntervalMs: 3_600_000 })
  })
  afterAll(() => h.close())

  it('authenticates its keys, and this process describes it and gives it to a key', async () => {
    const secret = h.keys.fullAccess.secret
    // Every role is in memory here before the other process creates one.
    expectStatus(await h.get('/api/apikeys/current', { secret }), 200)
    const other = await h.otherProcess()
    await h.app.context.store.feed.stop()
    const role = await other.context.services.roles.create(h.system, { name: `elsewhere-${Date.now()}`, allowWebService: true })
    const { secret: keySecret } = await other.context.services.apiKeys.create(h.system, { keyName: `of-elsewhere-${role.id}`, roleID: role.id })

    const current = await h.get('/api/apikeys/current', { secret: keySecret })
    expectStatus(current, 200)
    expect(current.body.roleID).toBe(role.id)
    expectStatus(await h.get(`/api/roles/${role.id}`, { secret }), 200)
    expectStatus(await h.post('/api/apikeys', { secret, body: { keyName: `given-${role.id}`, roleID: role.id } }), 200)
    // A role that does not exist is still one.
    expectStatus(await h.get(`/api/roles/${role.id + 1000}`, { secret }), 404)
  })

  it('reads the roles once for an ID they lack, whether they were in memory or not', async () => {
    const directory = h.app.context.roleDirectory
    const readsFor = async (id: number) => {
      const before = h.app.context.store.queryCount
      expect(await directory.get(id)).toBeUndefined()
      return h.app.context.store.queryCount - before
    }
    await directory.get(1)
    expect(await readsFor(999_999)).toBe(1)
    directory.invalidate()
    expect(await readsFor(999_999)).toBe(1)
  })

  it('shares one read among concurrent asks for IDs it lacks, and a later ask waits for a read that began after it', async () => {
    const directory = h.app.context.roleDirectory
    await directory.get(1)
    const before = h.app.context.store.queryCount
    // 50 requests naming roles this process has not got, at once: one read answers them all.
    const found = await Promise.all(Array.from({ length: 50 }, (_, i) => directory.get(999_000 + i)))
    expect(found.every((role) => role === undefined)).toBe(true)
    expect(h.app.context.store.queryCount - before).toBe(1)

    // A role created elsewhere while a read is under way, asked for after that read ran its SQL:
    // that read missed it, so the ask must wait for a read that begins after it. The read's answer
    // is held back (its statement has run) until the later ask is made, so joining it would fail.
    const real = h.app.context.stores.roles
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let ran: () => void = () => {}
    const statementRan = new Promise<void>((resolve) => (ran = resolve))
    let reads = 0
    const gated = new RoleDirectory(
      {
        ...real,
        findAll: async () => {
          const roles = await real.findAll()
          reads++
          if (reads === 2) {
            ran()
            await held
          }
          return roles
        },
      },
      h.app.context.store.feed,
    )
    await gated.get(1)
    const early = gated.get(999_999)
    await statementRan
    const other = await h.otherProcess()
    const role = await other.context.services.roles.create(h.system, { name: `during-${Date.now()}`, allowWebService: true })
    const late = gated.get(role.id)
    release()
    expect(await early).toBeUndefined()
    expect((await late)?.id).toBe(role.id)
  })
})
