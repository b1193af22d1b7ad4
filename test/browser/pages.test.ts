/**
 * Every page and dialog of the console, in English and Japanese: a screenshot of each
 * (test-results/screenshots/<page>-<locale>.png), an axe check that finds no serious or
 * critical accessibility violation, and no header word or chosen value cut by the layout.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CATALOGS, ConsoleHarness, cutText, LOCALES, screenshot, seriousViolations, type ConsolePage } from './helpers/console-harness.js'

let ch: ConsoleHarness

beforeAll(async () => {
  ch = await ConsoleHarness.start()
  const role = await ch.h.role({ name: 'Key operators', rights: ['apikeyRights.canViewApiKeys', 'apikeyRights.canEditApiKeyProperties'] })
  await ch.h.key({ name: 'ci-reader', role: 2, timeZone: 'Asia/Tokyo', expiresAt: Date.now() + 30 * 86_400_000 })
  await ch.h.key({ name: 'deploy-bot', role: role.id, locked: true })
  await ch.h.administrator({ username: 'alice', role: 2 })
})

afterAll(async () => {
  await ch?.close()
})

describe.each(LOCALES)('%s: every page', (locale) => {
  const t = CATALOGS[locale]
  let cp: ConsolePage
  let page: Page

  beforeAll(async () => {
    await ch.setLocale(1, locale)
    cp = await ch.newPage(locale)
    page = cp.page
  })

  async function check(name: string): Promise<void> {
    await screenshot(page, name, locale)
    expect(await seriousViolations(page), `axe on ${name} (${locale})`).toEqual([])
    expect(await cutText(page), `text cut on ${name} (${locale})`).toEqual([])
    expect(cp.errors, `browser errors on ${name}`).toEqual([])
  }

  it('sign-in', async () => {
    await page.goto('/signin')
    await page.getByRole('heading', { name: t.signIn.title }).waitFor()
    await check('signin')
    await ch.signIn(page, locale)
  })

  it('API keys, New, Properties and the secret', async () => {
    await page.goto('/apikeys')
    await page.getByRole('link', { name: 'ci-reader' }).waitFor()
    await check('apikeys')
    await page.goto('/apikeys/new')
    await page.getByRole('dialog', { name: t.apiKeys.newTitle }).waitFor()
    await check('apikey-new')
    await page.goto(`/apikeys/${ch.h.keys.auditor.id}`)
    await page.getByRole('dialog').getByLabel(t.apiKeys.name).waitFor()
    await check('apikey-properties')
    await page.getByRole('button', { name: t.apiKeys.newSecret }).click()
    await page.getByRole('button', { name: t.apiKeys.newSecretConfirm, exact: true }).click()
    await page.getByRole('textbox', { name: t.secret.label, exact: true }).waitFor()
    await check('apikey-secret')
  })

  it('Users, New, Properties and Set Password', async () => {
    await page.goto('/users')
    await page.getByRole('link', { name: 'alice' }).waitFor()
    await check('users')
    await page.goto('/users/new')
    await page.getByRole('dialog', { name: t.users.newTitle }).waitFor()
    await check('user-new')
    await page.goto('/users/2')
    await page.getByRole('dialog').getByLabel(t.users.username).waitFor()
    await check('user-properties')
    await page.goto('/users/2/password')
    await page.getByLabel(t.users.newPassword).waitFor()
    await check('user-password')
  })

  it('Roles, New, Properties and Duplicate', async () => {
    await page.goto('/roles')
    await page.getByRole('link', { name: 'Key operators', exact: true }).waitFor()
    await check('roles')
    await page.goto('/roles/new')
    await page.getByRole('dialog', { name: t.roles.newTitle }).waitFor()
    await check('role-new')
    await page.goto('/roles/3')
    await page.getByRole('dialog', { name: t.roles.propertiesTitle }).waitFor()
    await check('role-properties')
    await page.goto('/roles/2/duplicate')
    await page.getByRole('dialog', { name: t.roles.duplicateTitle }).waitFor()
    await check('role-duplicate')
  })

  it('Audit log', async () => {
    await page.goto('/audit')
    await page.getByRole('table').getByText(t.audit.actions['apikey.create']).first().waitFor()
    await check('audit')
  })

  it('My preferences and two-factor enrolment', async () => {
    await page.goto('/preferences')
    await page.getByRole('heading', { name: t.preferences.title }).waitFor()
    await check('preferences')
    await page.getByRole('button', { name: t.preferences.mfaStart }).click()
    await page.getByRole('img', { name: t.preferences.mfaQrAlt }).waitFor()
    await check('preferences-mfa')
  })
})
