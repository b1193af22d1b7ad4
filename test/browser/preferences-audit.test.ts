/**
 * My preferences and the audit log, in English and Japanese: language, time zone and time
 * format apply everywhere at once (every date in the administrator's zone and clock), and the
 * audit log filters by who, what and when.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CATALOGS, ConsoleHarness, LOCALES, type ConsolePage, type Locale } from './helpers/console-harness.js'

let ch: ConsoleHarness

beforeAll(async () => {
  ch = await ConsoleHarness.start()
})

afterAll(async () => {
  await ch?.close()
})

describe.each(LOCALES)('%s: preferences and audit log', (locale) => {
  const t = CATALOGS[locale]
  const other: Locale = locale === 'en-US' ? 'ja-JP' : 'en-US'
  let cp: ConsolePage
  const page = () => cp.page

  beforeAll(async () => {
    await ch.setLocale(1, locale, { timeZone: 'UTC', timeFormat: '24' })
    cp = await ch.newPage(locale)
    await ch.signIn(page(), locale)
  })

  afterAll(() => {
    expect(cp.errors, 'browser errors').toEqual([])
  })

  /** What the console should show for a time, formatted by the browser's own Intl. */
  const expected = (ms: number, timeZone: string, timeFormat: '12' | '24', language: Locale = locale) =>
    page().evaluate(
      ([at, zone, hour12, lang]) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', hour12, timeZone: zone }).format(at),
      [ms, timeZone, timeFormat === '12', language] as const,
    )

  it('time zone and time format apply to every date at once', async () => {
    const created = ch.h.keys.auditor.record.created
    await page().getByRole('link', { name: t.nav.apiKeys }).click()
    const row = page().getByRole('row', { name: /harness-auditor/ })
    await row.getByText(await expected(created, 'UTC', '24')).waitFor()

    await page().getByRole('link', { name: t.app.preferences }).click()
    const zone = page().getByRole('combobox', { name: t.preferences.timeZone })
    await zone.click()
    await zone.fill('Tokyo')
    await page().getByRole('option', { name: 'Asia/Tokyo' }).click()
    await page().getByRole('combobox', { name: t.preferences.timeFormat }).click()
    await page().getByRole('option', { name: t.timeFormats['12'] }).click()
    await page().getByRole('button', { name: t.common.save }).click()
    await page().getByText(t.preferences.saved).waitFor()
    await page()
      .getByText(/Asia\/Tokyo/)
      .first()
      .waitFor()

    await page().getByRole('link', { name: t.nav.apiKeys }).click()
    await row.getByText(await expected(created, 'Asia/Tokyo', '12')).waitFor()
    await page().getByRole('link', { name: t.nav.audit }).click()
    await page()
      .getByRole('table')
      .getByText(await expected(created, 'Asia/Tokyo', '12'))
      .first()
      .waitFor()
  })

  it('language applies everywhere at once, and back', async () => {
    const o = CATALOGS[other]
    await page().getByRole('link', { name: t.app.preferences }).click()
    await page().getByRole('combobox', { name: t.preferences.language }).click()
    await page().getByRole('option', { name: t.languages[other] }).click()
    await page().getByRole('button', { name: t.common.save }).click()
    await page().getByRole('heading', { name: o.preferences.title }).waitFor()
    // The toast speaks the language just chosen, not the one the page was in.
    await page().getByText(o.preferences.saved).waitFor()
    await page().getByRole('link', { name: o.nav.apiKeys }).waitFor()
    expect(await page().evaluate(() => document.documentElement.lang)).toBe(other.slice(0, 2))

    await page().getByRole('combobox', { name: o.preferences.language }).click()
    await page().getByRole('option', { name: o.languages[locale] }).click()
    await page().getByRole('button', { name: o.common.save }).click()
    await page().getByRole('heading', { name: t.preferences.title }).waitFor()
  })

  it('the audit log filters by who, what and when', async () => {
    const user = await ch.h.administrator({ username: `auditee-${locale.toLowerCase()}` })
    await ch.h.signIn(user.username, user.password)
    await page().getByRole('link', { name: t.nav.audit }).click()
    const rows = page().getByRole('table').getByRole('row')

    await page().getByLabel(t.audit.who).fill(user.username)
    await page().getByRole('table').getByText(t.audit.actions['session.sign_in']).first().waitFor()
    await expect.poll(async () => (await rows.allTextContents()).slice(1).every((text) => text.includes(user.username))).toBe(true)

    await page().getByLabel(t.audit.who).fill('')
    await page().getByRole('combobox', { name: t.audit.what }).click()
    await page().getByRole('option', { name: t.audit.actions['administrator.create'] }).click()
    await expect.poll(() => page().url()).toContain('action=administrator.create')
    await expect
      .poll(async () => {
        const texts = (await rows.allTextContents()).slice(1)
        return texts.length > 0 && texts.every((text) => text.includes(t.audit.actions['administrator.create']))
      })
      .toBe(true)

    // When: a day long past has nothing; today has the sign-ins.
    await page().goto('/audit?from=2001-01-01&to=2001-01-02')
    await page().getByText(t.audit.empty).waitFor()
    const today = await page().evaluate(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(Date.now()))
    await page().goto(`/audit?from=${today}&to=${today}&action=session.sign_in`)
    await page().getByRole('table').getByText(user.username).first().waitFor()
  })

  it('the audit log shows changes by their labels, lists as added and removed, and why a sign-in failed', async () => {
    const role = await ch.h.role({ name: `audited-role-${locale.toLowerCase()}`, rights: ['apikeyRights.canViewApiKeys', 'apikeyRights.canDeleteApiKeys'] })
    const rights = { platformRights: { apikeyRights: { canDeleteApiKeys: false, canCreateNewApiKeys: true } } }
    expect(
      (await ch.http(`/api/roles/${role.id}`, { method: 'POST', secret: ch.h.keys.fullAccess.secret, body: { rights, allowWebService: false } })).status,
    ).toBe(200)
    const failed = await ch.http('/api/session', { method: 'POST', body: { username: 'admin', password: `Not-the-passw0rd-${locale}` } })
    expect(failed.status).toBe(401)

    await page().goto(`/audit?action=role.modify&who=`)
    const names = t.roles.rightNames
    const changes = page()
      .getByRole('row', { name: new RegExp(role.name) })
      .getByRole('cell')
      .last()
    await changes
      .getByText(
        `${t.audit.fields.rights}: ${t.audit.added.replace('{{items}}', names.canCreateNewApiKeys)}; ${t.audit.removed.replace('{{items}}', names.canDeleteApiKeys)}`,
      )
      .waitFor()
    await changes.getByText(`${t.audit.fields.allowWebService}: ${t.common.yes} → ${t.common.no}`).waitFor()
    expect(await changes.textContent()).not.toMatch(/apikeyRights|allowWebService|\[/)

    await page().goto('/audit?action=session.sign_in_failed')
    await page().getByRole('table').getByText(`${t.audit.fields.reason}: ${t.audit.reasons.wrong_password}`).first().waitFor()
  })
})
