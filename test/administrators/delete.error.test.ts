import { afterAll, beforeAll, describe, it } from 'vitest'
import { QUICK_PASSWORD, quickAdministrator } from '../helpers/quick-administrator.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: administrators delete (error)`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  const remove = (id: number | string) => () => h.delete(`/api/administrators/${id}`, { secret: h.keys.fullAccess.secret })
  const LAST = "'admin' is the last active administrator with Full Access and cannot be deleted, demoted or locked out."

  it('answers 404 for an ID nobody has and 400 for one that is no ID', async () => {
    await expectRefusal(h, remove(424242), 404, 'administrator.not_found', 'The administrator does not exist.')
    await expectRefusal(h, remove('one'), 400, 'request.field_type')
  })

  it('refuses to delete the last active administrator with Full Access (409)', async () => {
    await expectRefusal(h, remove(1), 409, 'administrator.last_full_access', LAST)
  })

  it('refuses it too when every other Full Access administrator is locked out (409)', async () => {
    await quickAdministrator(h, { role: 1, active: false })
    await quickAdministrator(h, { role: 2 })
    await expectRefusal(h, remove(1), 409, 'administrator.last_full_access', LAST)
  })

  it('refuses to delete the last administrator with Full Access while failed sign-ins lock it out from an address (409)', async () => {
    const locked = await Harness.start({ lockoutThreshold: 1 })
    try {
      expectStatus(await locked.post('/api/session', { body: { username: 'admin', password: 'Wrong-passw0rd' } }), 401)
      await expectRefusal(
        locked,
        () => locked.delete('/api/administrators/1', { secret: locked.keys.fullAccess.secret }),
        409,
        'administrator.last_full_access',
      )
    } finally {
      await locked.close()
    }
  })

  it('refuses to let a signed-in administrator delete itself (403), even with another Full Access administrator left', async () => {
    const self = await quickAdministrator(h, { role: 1 })
    const session = await h.signIn(self.username, QUICK_PASSWORD)
    await expectRefusal(
      h,
      () => h.delete(`/api/administrators/${self.id}`, { session }),
      403,
      'administrator.self_delete',
      'You cannot delete your own account.',
    )
  })
})
