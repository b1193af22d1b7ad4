/**
 * The Roles page end to end, in English and Japanese: New with rights grouped as in the
 * model and application permissions (a bad one shown at its field, axe clean), Properties,
 * Duplicate and Delete (refused while the role is in use), and Full Access shown read-only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { translate } from '../../src/i18n/translate.js'
import { CATALOGS, ConsoleHarness, LOCALES, seriousViolations, type ConsolePage } from './helpers/console-harness.js'

let ch: ConsoleHarness

beforeAll(async () => {
  ch = await ConsoleHarness.start()
})

afterAll(async () => {
  await ch?.close()
})

async function roleNamed(name: string) {
  const res = await ch.h.get('/api/roles', { secret: ch.h.keys.fullAccess.secret })
  return res.body.roles.find((role: { name: string }) => role.name === name)
}

describe.each(LOCALES)('%s: roles', (locale) => {
  const t = CATALOGS[locale]
  const roleName = `key-admins-${locale.toLowerCase()}`
  const copyName = t.roles.copyOf.replace('{{name}}', roleName)
  let cp: ConsolePage
  const page = () => cp.page
  const dialog = (name: string) => page().getByRole('dialog', { name })

  beforeAll(async () => {
    await ch.setLocale(1, locale)
    cp = await ch.newPage(locale)
    await ch.signIn(page(), locale)
  })

  afterAll(() => {
    expect(cp.errors, 'browser errors').toEqual([])
  })

  it('New: a role with rights from several groups and application permissions', async () => {
    await page().getByRole('link', { name: t.nav.roles }).click()
    await page().getByRole('button', { name: t.roles.new }).click()
    const form = dialog(t.roles.newTitle)
    await form.getByRole('button', { name: t.common.ok }).click()
    await form.getByText(t.validation.required).waitFor()
    await form.getByLabel(t.roles.name).fill(roleName)
    await form.getByLabel(t.roles.description).fill('Manages API keys')
    await form.getByLabel(t.roles.allowWebService).check()
    await form.getByRole('group', { name: t.roles.groups.apikeyRights }).getByLabel(t.roles.rightNames.canViewApiKeys).check()
    await form.getByLabel(t.roles.rightNames.canCreateNewApiKeys).check()
    await form.getByLabel(t.roles.rightNames.canViewAuditEvents).check()
    const permissions = form.getByLabel(t.permissions.label)
    await permissions.fill('invoices.read\nreports:*\nreports:**')
    await form.getByRole('button', { name: t.common.ok }).click()
    await form.getByText(t.permissions.invalid.replace('{{value}}', 'reports:**')).waitFor()
    expect(await permissions.getAttribute('aria-invalid')).toBe('true')
    expect(await seriousViolations(page()), 'axe on the New Role dialog').toEqual([])
    await permissions.fill('invoices.read\nreports:*')
    await form.getByRole('button', { name: t.common.ok }).click()
    await form.waitFor({ state: 'detached' })
    await page().getByRole('link', { name: roleName, exact: true }).waitFor()

    const role = await roleNamed(roleName)
    expect(role).toMatchObject({
      description: 'Manages API keys',
      allowUserInterface: true,
      allowWebService: true,
      canOnlyManipulateUsersWithEqualOrLesserRights: true,
    })
    expect(role.rights.platformRights.apikeyRights).toMatchObject({ canViewApiKeys: true, canCreateNewApiKeys: true, canDeleteApiKeys: false })
    expect(role.rights.platformRights.auditEventRights.canViewAuditEvents).toBe(true)
    expect(role.permissions).toEqual(['invoices.read', 'reports:*'])
  })

  it('Properties: changes a right and the permissions', async () => {
    await page()
      .getByRole('row', { name: new RegExp(`^${roleName}`) })
      .dblclick()
    const form = dialog(t.roles.propertiesTitle)
    await expect.poll(() => form.getByLabel(t.roles.name).inputValue()).toBe(roleName)
    await form.getByLabel(t.roles.rightNames.canDeleteApiKeys).check()
    await form.getByLabel(t.roles.rightNames.canViewAuditEvents).uncheck()
    expect(await form.getByLabel(t.permissions.label).inputValue()).toBe('invoices.read\nreports:*')
    await form.getByLabel(t.permissions.label).fill('invoices.read\ninvoices.write')
    await form.getByRole('button', { name: t.common.ok }).click()
    await form.waitFor({ state: 'detached' })
    const role = await roleNamed(roleName)
    expect(role.rights.platformRights.apikeyRights.canDeleteApiKeys).toBe(true)
    expect(role.rights.platformRights.auditEventRights.canViewAuditEvents).toBe(false)
    expect(role.permissions).toEqual(['invoices.read', 'invoices.write'])
  })

  it('Duplicate: a copy with the same rights', async () => {
    await page()
      .getByRole('link', { name: `${t.common.duplicate}: ${roleName}` })
      .click()
    const form = dialog(t.roles.duplicateTitle)
    await expect.poll(() => form.getByLabel(t.roles.name).inputValue()).toBe(copyName)
    await form.getByRole('button', { name: t.common.ok }).click()
    await form.waitFor({ state: 'detached' })
    const [original, copy] = [await roleNamed(roleName), await roleNamed(copyName)]
    expect(copy.rights).toEqual(original.rights)
    expect(copy.permissions).toEqual(original.permissions)
    expect(copy.ID).not.toBe(original.ID)
  })

  it('Delete asks first; a role in use is refused with the server’s message', async () => {
    const original = await roleNamed(roleName)
    await ch.h.key({ name: `holder-${locale}`, role: original.ID })
    await page().getByRole('link', { name: roleName, exact: true }).click()
    await dialog(t.roles.propertiesTitle).getByRole('button', { name: t.common.delete }).click()
    await dialog(t.roles.deleteTitle).getByRole('button', { name: t.roles.deleteConfirm }).click()
    await page()
      .getByText(translate('role.in_use', locale, { role: roleName, administrators: 0, apiKeys: 1, holders: 'apiKeys' }))
      .waitFor()
    await page().getByRole('button', { name: t.common.cancel }).click()

    await page().getByRole('link', { name: copyName, exact: true }).click()
    await dialog(t.roles.propertiesTitle).getByRole('button', { name: t.common.delete }).click()
    await dialog(t.roles.deleteTitle).getByRole('button', { name: t.roles.deleteConfirm }).click()
    await page().getByRole('link', { name: copyName, exact: true }).waitFor({ state: 'detached' })
    expect(await roleNamed(copyName)).toBeUndefined()
  })

  it('Full Access is read-only, and named in the console’s language', async () => {
    await page().goto('/roles/1')
    const form = dialog(t.roles.propertiesTitle)
    await form.getByText(t.roles.immutable).waitFor()
    expect(await form.getByLabel(t.roles.name).inputValue()).toBe(t.roles.builtInNames.fullAccess)
    expect(await form.getByLabel(t.roles.name).isDisabled()).toBe(true)
    expect(await form.getByLabel(t.permissions.label).isDisabled()).toBe(true)
    expect(await form.getByRole('button', { name: t.common.ok }).count()).toBe(0)
    expect(await form.getByRole('button', { name: t.common.delete }).count()).toBe(0)
  })
})
