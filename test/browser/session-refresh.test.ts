/**
 * Changes to the signed-in administrator made on the Users and Roles pages apply to the
 * console at once, without a reload: its own language from the Users page, its own role's
 * rights from the Roles page.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { CATALOGS, ConsoleHarness, type ConsolePage } from './helpers/console-harness.js'

let ch: ConsoleHarness

beforeAll(async () => {
  ch = await ConsoleHarness.start()
})

afterAll(async () => {
  await ch?.close()
})

const en = CATALOGS['en-US']
const ja = CATALOGS['ja-JP']

it('the Users page: changing its own language switches the console', async () => {
  await ch.setLocale(1, 'en-US')
  const cp: ConsolePage = await ch.newPage('en-US')
  const page = cp.page
  await ch.signIn(page, 'en-US')
  await page.getByRole('link', { name: en.nav.users }).click()
  await page.getByRole('row', { name: /^admin/ }).dblclick()
  const form = page.getByRole('dialog', { name: `${en.users.propertiesTitle}: admin` })
  await form.getByLabel(en.fields.language).click()
  await page.getByRole('option', { name: en.languages['ja-JP'] }).click()
  await form.getByRole('button', { name: en.common.ok }).click()
  await form.waitFor({ state: 'detached' })

  await page.getByRole('link', { name: ja.nav.users }).waitFor()
  await page.getByRole('button', { name: ja.app.signOut }).waitFor()
  expect(cp.errors, 'browser errors').toEqual([])
  await ch.setLocale(1, 'en-US')
})

it('the Roles page: taking a right from its own role hides what needed it', async () => {
  const secret = ch.h.keys.fullAccess.secret
  const role = await ch.http('/api/roles', {
    method: 'POST',
    secret,
    body: {
      name: 'Self editors',
      allowUserInterface: true,
      canOnlyManipulateUsersWithEqualOrLesserRights: false,
      rights: {
        platformRights: {
          administratorRoleRights: { canViewAdministratorRoles: true, canEditAdministratorRoleProperties: true },
          auditEventRights: { canViewAuditEvents: true },
        },
      },
    },
  })
  expect(role.status, JSON.stringify(role.body)).toBe(200)
  const password = 'Self-editor-passw0rd'
  const admin = await ch.http('/api/administrators', {
    method: 'POST',
    secret,
    body: { username: 'self-editor', password, roleID: role.body.ID, locale: 'en-US' },
  })
  expect(admin.status, JSON.stringify(admin.body)).toBe(200)

  const cp = await ch.newPage('en-US')
  const page = cp.page
  await ch.signIn(page, 'en-US', 'self-editor', password)
  const auditLink = page.getByRole('link', { name: en.nav.audit })
  await auditLink.waitFor()
  await page.getByRole('link', { name: en.nav.roles }).click()
  await page.getByRole('row', { name: /^Self editors/ }).dblclick()
  const form = page.getByRole('dialog', { name: en.roles.propertiesTitle })
  await form.getByLabel(en.roles.rightNames.canViewAuditEvents).uncheck()
  await form.getByRole('button', { name: en.common.ok }).click()
  await form.waitFor({ state: 'detached' })

  await auditLink.waitFor({ state: 'detached' })
  const stored = await ch.http(`/api/roles/${role.body.ID}`, { secret })
  expect(stored.body.rights.platformRights.auditEventRights.canViewAuditEvents).toBe(false)
  expect(cp.errors, 'browser errors').toEqual([])
})
