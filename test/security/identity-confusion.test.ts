/**
 * Issue 9, finding 10 (identity confusion): look-alikes of a name cannot exist beside it.
 * Invisible and bidirectional controls and one word mixing Latin with Cyrillic or Greek are
 * refused (400 naming the field); case and compatibility forms (`Admin`, `ａｄｍｉｎ`) are the
 * same name (409), enforced by a unique index on the normalised form, and sign in as it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HARNESS_ADMIN_PASSWORD, Harness } from '../helpers/harness.js'
import { expectRefusal } from '../helpers/refusal.js'
import { testEngine } from '../helpers/test-database.js'

const INVISIBLE = ['admin\u200b', '\u200badmin', 'ad\u200dmin', '\ufeffadmin', 'admin\u200e', 'ad\u202emin', 'ad\u2066min\u2069']
const MIXED = ['\u0430dmin', 'adm\u03b9n']
const SAME = ['Admin', 'ADMIN', '\uff41\uff44\uff4d\uff49\uff4e']

describe(`${testEngine()}: look-alike names`, () => {
  let h: Harness
  beforeAll(async () => {
    h = await Harness.start()
  })
  afterAll(() => h.close())

  const createAdmin = (username: string) =>
    h.post('/api/administrators', { secret: h.keys.fullAccess.secret, body: { username, password: 'Look-alike-passw0rd', roleID: 2 } })
  const createKey = (keyName: string) => h.post('/api/apikeys', { secret: h.keys.fullAccess.secret, body: { keyName, roleID: 2 } })

  it.each(INVISIBLE)('refuses a username with invisible or bidirectional controls (%j)', async (username) => {
    // U+FEFF is white space to a regular expression, so the no-spaces rule refuses it first.
    const code = username.includes('\ufeff') ? 'request.field_invalid' : 'request.field_control_characters'
    const res = await expectRefusal(h, () => createAdmin(username), 400, code)
    expect(res.body.message).toContain("'username'")
  })

  it.each(MIXED)('refuses a username mixing Latin with Cyrillic or Greek (%j)', async (username) => {
    const res = await expectRefusal(h, () => createAdmin(username), 400, 'request.field_mixed_script')
    expect(res.body.message).toContain("'username'")
  })

  it.each(SAME)('takes %j as the username admin (409)', async (username) => {
    await expectRefusal(h, () => createAdmin(username), 409, 'administrator.name_in_use')
  })

  it('refuses renaming an administrator to a look-alike of admin', async () => {
    const other = await h.administrator({ username: 'renamed-one' })
    for (const username of ['ADMIN', '\uff41\uff44\uff4d\uff49\uff4e']) {
      await expectRefusal(
        h,
        () => h.post(`/api/administrators/${other.id}`, { secret: h.keys.fullAccess.secret, body: { username } }),
        409,
        'administrator.name_in_use',
      )
    }
    await expectRefusal(
      h,
      () => h.post(`/api/administrators/${other.id}`, { secret: h.keys.fullAccess.secret, body: { username: '\u0430dmin' } }),
      400,
      'request.field_mixed_script',
    )
  })

  it.each(SAME)('signs in as admin with %j', async (username) => {
    const session = await h.signIn(username, HARNESS_ADMIN_PASSWORD)
    expect(session.body.administrator.username).toBe('admin')
  })

  it('keeps names in one non-Latin script, and a Latin word beside a Japanese one', async () => {
    for (const username of [
      '\u7ba1\u7406\u8005',
      '\u0418\u0432\u0430\u043d',
      '\u03b4\u03b9\u03b1\u03c7\u03b5\u03b9\u03c1\u03b9\u03c3\u03c4\u03ae\u03c2',
      'admin\u7ba1\u7406\u8005',
    ]) {
      expect((await createAdmin(username)).status).toBe(200)
    }
    expect((await createAdmin('\u0438\u0432\u0430\u043d')).status).toBe(409)
  })

  it('treats key names alike', async () => {
    expect((await createKey('ci-reader')).status).toBe(200)
    for (const invisible of INVISIBLE) {
      const res = await expectRefusal(h, () => createKey(invisible.replace('admin', 'ci-reader')), 400, 'request.field_control_characters')
      expect(res.body.message).toContain("'keyName'")
    }
    const mixed = await expectRefusal(h, () => createKey('ci-r\u0435ader'), 400, 'request.field_mixed_script')
    expect(mixed.body.message).toContain("'keyName'")
    for (const keyName of ['CI-Reader', '\uff43\uff49-\uff52\uff45\uff41\uff44\uff45\uff52']) {
      await expectRefusal(h, () => createKey(keyName), 409, 'apikey.name_in_use')
    }
    for (const keyName of ['\u8aad\u307f\u53d6\u308a\u7528', '\u0418\u0432\u0430\u043d \u043a\u043b\u044e\u0447', 'CI reader for \u7ba1\u7406\u8005']) {
      expect((await createKey(keyName)).status).toBe(200)
    }
  })

  it('enforces the normalised name in the database, not only by a check before the insert', async () => {
    const insert = (username: string) =>
      h.app.context.stores.administrators.insert({
        username,
        passwordHash: 'x',
        fullName: '',
        description: '',
        roleId: 2,
        locale: 'en-US',
        timeZone: 'UTC',
        timeFormat: '24',
        emailAddress: '',
        active: true,
        passwordNeverExpires: false,
        created: h.clock(),
      })
    const results = await Promise.allSettled([insert('race-name'), insert('RACE-NAME'), insert('\uff52ace-name')])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    for (const r of results) if (r.status === 'rejected') expect(r.reason.code).toBe('administrator.name_in_use')
  })
})
