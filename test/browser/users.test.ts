/**
 * The Users page end to end, in English and Japanese: New (with field errors), Properties
 * (full name, role, language, time zone, time format, Locked Out), Set Password and Delete,
 * each checked against the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CATALOGS, ConsoleHarness, LOCALES, type ConsolePage } from './helpers/console-harness.js'

let ch: ConsoleHarness

beforeAll(async () => {
  ch = await ConsoleHarness.start()
})

afterAll(async () => {
  await ch?.close()
})

describe.each(LOCALES)('%s: users', (locale) => {
  const t = CATALOGS[locale]
  const username = `operator-${locale.toLowerCase()}`
  let cp: ConsolePage
  const page = () => cp.page
  const dialog = (name: string) => page().getByRole('dialog', { name })
  const signIn = (password: string) => ch.http('/api/session', { method: 'POST', body: { username, password } })

  beforeAll(async () => {
    await ch.setLocale(1, locale)
    cp = await ch.newPage(locale)
    await ch.signIn(page(), locale)
  })

  afterAll(() => {
    expect(cp.errors, 'browser errors').toEqual([])
  })

  it('New: field errors, then a user who can sign in', async () => {
    await page().getByRole('link', { name: t.nav.users }).click()
    await page().getByRole('button', { name: t.users.new }).click()
    const form = dialog(t.users.newTitle)
    await form.getByLabel(t.users.username).fill('has space')
    await form.getByRole('textbox', { name: t.users.password, exact: true }).fill('Operator-passw0rd')
    await form.getByLabel(t.users.confirmPassword).fill('something else')
    await form.getByRole('button', { name: t.common.ok }).click()
    await form.getByText(t.validation.noSpaces).waitFor()
    await form.getByText(t.validation.passwordsDiffer).waitFor()
    await form.getByText(t.validation.chooseRole).waitFor()

    await form.getByLabel(t.users.username).fill(username)
    await form.getByLabel(t.users.confirmPassword).fill('Operator-passw0rd')
    await form.getByLabel(t.users.fullName).fill('Console Operator')
    await form.getByLabel(t.fields.role).click()
    await page().getByRole('option', { name: t.roles.builtInNames.auditor }).click()
    await form.getByLabel(t.fields.timeFormat).click()
    await page().getByRole('option', { name: t.timeFormats['12'] }).click()
    await form.getByRole('button', { name: t.common.ok }).click()
    await form.waitFor({ state: 'detached' })
    await page().getByRole('link', { name: username }).waitFor()

    const res = await signIn('Operator-passw0rd')
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.administrator).toMatchObject({ username, fullName: 'Console Operator', roleID: 2, timeFormat: '12', locale })
  })

  it('Properties: Locked Out denies sign-in; role and time zone change', async () => {
    await page()
      .getByRole('row', { name: new RegExp(username) })
      .dblclick()
    const form = dialog(`${t.users.propertiesTitle}: ${username}`)
    await form.getByLabel(t.users.lockedOut).check()
    const zone = form.getByLabel(t.fields.timeZone)
    await zone.click()
    await zone.fill('Berlin')
    await page().getByRole('option', { name: 'Europe/Berlin' }).click()
    await form.getByLabel(t.fields.role).click()
    await page().getByRole('option', { name: t.roles.builtInNames.fullAccess }).click()
    await form.getByRole('button', { name: t.common.ok }).click()
    await form.waitFor({ state: 'detached' })
    await page()
      .getByRole('row', { name: new RegExp(username) })
      .getByText(t.status.lockedOut)
      .waitFor()

    const refused = await signIn('Operator-passw0rd')
    expect(refused.status).toBe(401)
    expect(refused.body.code).toBe('auth.administrator_locked_manually')
    const described = await ch.h.get(`/api/administrators?x=1`, { secret: ch.h.keys.fullAccess.secret })
    expect(described.body.administrators.find((a: { username: string }) => a.username === username)).toMatchObject({
      timeZone: 'Europe/Berlin',
      roleID: 1,
      active: false,
    })

    await page().getByRole('link', { name: username }).click()
    await form.getByLabel(t.users.lockedOut).uncheck()
    await form.getByRole('button', { name: t.common.ok }).click()
    await form.waitFor({ state: 'detached' })
    expect((await signIn('Operator-passw0rd')).status).toBe(200)
  })

  it('Set Password: the new password works, the old one does not', async () => {
    await page().getByRole('link', { name: username }).click()
    await dialog(`${t.users.propertiesTitle}: ${username}`).getByRole('button', { name: t.users.setPassword }).click()
    await expect.poll(() => page().url()).toMatch(/\/users\/\d+\/password$/)
    const form = dialog(t.users.setPasswordTitle)
    await form.getByLabel(t.users.newPassword).fill('short')
    await form.getByLabel(t.users.confirmPassword).fill('short')
    await form.getByRole('button', { name: t.common.ok }).click()
    // The password policy's refusal, worded by the server in the administrator's language.
    await form.locator('.mantine-InputWrapper-error').first().waitFor()
    await form.getByLabel(t.users.newPassword).fill('Brand-new-passw0rd')
    await form.getByLabel(t.users.confirmPassword).fill('Brand-new-passw0rd')
    await form.getByRole('button', { name: t.common.ok }).click()
    await form.waitFor({ state: 'detached' })
    expect((await signIn('Operator-passw0rd')).status).toBe(401)
    expect((await signIn('Brand-new-passw0rd')).status).toBe(200)
  })

  it('Delete asks first, then the user is gone', async () => {
    await page().getByRole('link', { name: username }).click()
    await dialog(`${t.users.propertiesTitle}: ${username}`).getByRole('button', { name: t.common.delete }).click()
    await dialog(t.users.deleteTitle).getByRole('button', { name: t.users.deleteConfirm }).click()
    await page().getByRole('link', { name: username }).waitFor({ state: 'detached' })
    expect((await signIn('Brand-new-passw0rd')).status).toBe(401)
  })
})
