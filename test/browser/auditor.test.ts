/**
 * Rights shape the console, in English and Japanese: an Auditor sees every page, with every
 * control that would change something hidden or disabled, and a write forced through the API
 * with the Auditor's session is refused (403).
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

describe.each(LOCALES)('%s: an Auditor', (locale) => {
  const t = CATALOGS[locale]
  let cp: ConsolePage
  const page = () => cp.page
  const customRole = `auditor-sees-${locale.toLowerCase()}`

  beforeAll(async () => {
    const created = await ch.h.post('/api/roles', { secret: ch.h.keys.fullAccess.secret, body: { name: customRole } })
    expect(created.status).toBe(200)
    const auditor = await ch.h.administrator({ role: 2, locale, username: `auditor-${locale.toLowerCase()}` })
    cp = await ch.newPage(locale)
    await ch.signIn(page(), locale, auditor.username, auditor.password)
  })

  afterAll(() => {
    expect(cp.errors, 'browser errors').toEqual([])
  })

  it('sees API keys read-only', async () => {
    await page().getByRole('link', { name: t.nav.apiKeys }).click()
    await page().getByRole('link', { name: 'harness-auditor' }).waitFor()
    expect(await page().getByRole('button', { name: t.apiKeys.new }).count()).toBe(0)
    await page().getByRole('link', { name: 'harness-auditor' }).click()
    const form = page().getByRole('dialog', { name: `${t.apiKeys.propertiesTitle}: harness-auditor` })
    await form.getByText(t.common.readOnly).waitFor()
    const settings = [t.permissions.label, t.apiKeys.settings.meta, t.apiKeys.settings.externalID, t.apiKeys.settings.ipAllowList]
    for (const label of [t.apiKeys.name, t.apiKeys.description, t.apiKeys.role, t.apiKeys.lockedOut, ...settings]) {
      expect(await form.getByLabel(label).isDisabled(), label).toBe(true)
    }
    for (const button of [t.common.ok, t.apiKeys.newSecret, t.common.delete]) expect(await form.getByRole('button', { name: button }).count(), button).toBe(0)
    await form.getByRole('button', { name: t.common.close, exact: true }).click()
  })

  it('sees users and roles read-only', async () => {
    await page().getByRole('link', { name: t.nav.users }).click()
    await page().getByRole('link', { name: 'admin', exact: true }).waitFor()
    expect(await page().getByRole('button', { name: t.users.new }).count()).toBe(0)
    await page().getByRole('link', { name: 'admin', exact: true }).click()
    const user = page().getByRole('dialog', { name: `${t.users.propertiesTitle}: admin` })
    await user.getByText(t.common.readOnly).waitFor()
    expect(await user.getByLabel(t.users.username).isDisabled()).toBe(true)
    for (const button of [t.common.ok, t.users.setPassword, t.common.delete]) expect(await user.getByRole('button', { name: button }).count(), button).toBe(0)
    await user.getByRole('button', { name: t.common.close, exact: true }).click()

    await page().getByRole('link', { name: t.nav.roles }).click()
    await page().getByRole('link', { name: t.roles.builtInNames.auditor, exact: true }).waitFor()
    expect(await page().getByRole('button', { name: t.roles.new }).count()).toBe(0)
    expect(
      await page()
        .getByRole('link', { name: new RegExp(`^${t.common.duplicate}`) })
        .count(),
    ).toBe(0)
    const role = page().getByRole('dialog', { name: t.roles.propertiesTitle })
    // The built-in Auditor role cannot be changed by anyone: the dialog says so.
    await page().getByRole('link', { name: t.roles.builtInNames.auditor, exact: true }).click()
    await role.getByText(t.roles.immutable).waitFor()
    expect(await role.getByLabel(t.roles.rightNames.canViewApiKeys).isDisabled()).toBe(true)
    for (const button of [t.common.ok, t.common.delete]) expect(await role.getByRole('button', { name: button }).count(), button).toBe(0)
    await role.getByRole('button', { name: t.common.close, exact: true }).click()
    await role.waitFor({ state: 'detached' })
    // A role anyone with the right could change is read-only to the Auditor.
    await page().getByRole('link', { name: customRole, exact: true }).click()
    await role.getByText(t.common.readOnly).waitFor()
    expect(await role.getByLabel(t.roles.name).isDisabled()).toBe(true)
    expect(await role.getByLabel(t.permissions.label).isDisabled()).toBe(true)
    for (const button of [t.common.ok, t.common.delete]) expect(await role.getByRole('button', { name: button }).count(), button).toBe(0)
    await role.getByRole('button', { name: t.common.close, exact: true }).click()
    await role.waitFor({ state: 'detached' })
  })

  it('sees the audit log', async () => {
    await page().getByRole('link', { name: t.nav.audit }).click()
    await page().getByRole('table').getByText(t.audit.actions['session.sign_in']).first().waitFor()
  })

  it('cannot change anything through the API with its session either (403)', async () => {
    const results = await page().evaluate(async () => {
      const headers = { 'api-version': 'v1', 'content-type': 'application/json' }
      const session = await (await fetch('/api/session', { headers })).json()
      const write = { ...headers, 'x-csrf-token': session.csrfToken as string }
      const send = async (method: string, path: string, body?: unknown) =>
        (await fetch(`/api${path}`, { method, headers: write, body: body === undefined ? undefined : JSON.stringify(body) })).status
      return [
        await send('POST', '/apikeys', { keyName: 'forced', roleID: 2 }),
        await send('POST', '/apikeys/1', { active: false }),
        await send('POST', '/apikeys/1/secretkey'),
        await send('DELETE', '/apikeys/1'),
        await send('POST', '/roles', { name: 'forced' }),
        await send('POST', '/administrators', { username: 'forced', password: 'Forced-passw0rd', roleID: 2 }),
        await send('DELETE', '/administrators/1'),
      ]
    })
    expect(results).toEqual([403, 403, 403, 403, 403, 403, 403])
    expect((await ch.http('/api/apikeys/current', { secret: ch.h.keys.fullAccess.secret })).status).toBe(200)
  })
})

describe('en-US: a role that may view API keys only', () => {
  const t = CATALOGS['en-US']

  it('is told the Users, Roles and Audit Log pages are not for it, and they ask the server nothing', async () => {
    const role = await ch.h.role({ name: 'API key viewers', rights: ['apikeyRights.canViewApiKeys'] })
    const viewer = await ch.h.administrator({ role: role.id, username: 'key-viewer' })
    const cp = await ch.newPage('en-US')
    const searched: string[] = []
    cp.page.on('request', (request) => {
      if (request.url().endsWith('/search')) searched.push(new URL(request.url()).pathname)
    })
    await ch.signIn(cp.page, 'en-US', viewer.username, viewer.password)
    for (const [path, title] of [
      ['/users', t.users.title],
      ['/roles', t.roles.title],
      ['/audit', t.audit.title],
    ] as const) {
      await cp.page.goto(path)
      await cp.page.getByRole('heading', { name: title }).waitFor()
      await cp.page.getByText(t.app.forbiddenPage).waitFor()
    }
    await cp.page.goto('/apikeys')
    await cp.page.getByRole('link', { name: 'harness-auditor' }).waitFor()
    expect(searched.length).toBeGreaterThan(0)
    expect(searched.filter((path) => path !== '/api/apikeys/search')).toEqual([])
    expect(cp.errors, 'browser errors').toEqual([])
  })
})
