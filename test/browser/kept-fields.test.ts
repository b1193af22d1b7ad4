/**
 * Issue 15: roles and administrators made through the API by a client of the model product
 * carry fields that mean nothing in Keyward (computer scopes, anti-malware rights, phone
 * numbers). Their Properties show them read-only, apart from what acts; Duplicate copies a
 * role's.
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

const KEPT = {
  allComputers: false,
  computerIDs: [4, 8],
  rights: {
    platformRights: { computerRights: { canEditComputerProperties: true }, apikeyRights: { canViewApiKeys: true } },
    antiMalwareRights: { fileListRights: { canEditFileListProperties: false } },
  },
}

describe.each(LOCALES)('%s: roles with fields of the model API', (locale) => {
  const t = CATALOGS[locale]
  let cp: ConsolePage
  let roleId: number
  const page = () => cp.page

  beforeAll(async () => {
    const created = await ch.h.post('/api/roles', { secret: ch.h.keys.fullAccess.secret, body: { name: `model-client-${locale}`, ...KEPT } })
    roleId = created.body.ID
    await ch.setLocale(1, locale)
    cp = await ch.newPage(locale)
    await ch.signIn(page(), locale)
  })

  afterAll(() => {
    expect(cp.errors, 'browser errors').toEqual([])
  })

  it('Properties lists them read-only, apart from the rights the role grants', async () => {
    await page().goto(`/roles/${roleId}`)
    const form = page().getByRole('dialog', { name: t.roles.propertiesTitle })
    const kept = form.getByRole('group', { name: t.kept.title })
    await kept.getByText('platformRights.computerRights.canEditComputerProperties').waitFor()
    await kept.getByText('antiMalwareRights.fileListRights.canEditFileListProperties').waitFor()
    await kept.getByText('computerIDs').waitFor()
    expect(await kept.getByRole('checkbox').count(), 'nothing to change there').toBe(0)
    expect(await kept.getByRole('textbox').count()).toBe(0)
    expect(await kept.getByText('apikeyRights', { exact: false }).count(), "Keyward's own rights are not among them").toBe(0)
  })

  it('Duplicate copies them', async () => {
    await page().goto(`/roles/${roleId}/duplicate`)
    const form = page().getByRole('dialog', { name: t.roles.duplicateTitle })
    await form.getByRole('group', { name: t.kept.title }).waitFor()
    await form.getByRole('button', { name: t.common.ok }).click()
    await form.waitFor({ state: 'detached' })
    const roles = (await ch.h.get('/api/roles', { secret: ch.h.keys.fullAccess.secret })).body.roles
    const copy = roles.find((role: { name: string }) => role.name === t.roles.copyOf.replace('{{name}}', `model-client-${locale}`))
    const original = roles.find((role: { ID: number }) => role.ID === roleId)
    expect(copy).toMatchObject({ allComputers: false, computerIDs: [4, 8], rights: original.rights })
  })

  it("a user's Properties list them read-only", async () => {
    const created = await ch.h.post('/api/administrators', {
      secret: ch.h.keys.fullAccess.secret,
      body: { username: `model-client-${locale}`, password: 'Correct-h0rse-battery', roleID: 2, phoneNumber: '+81 3 1234 5678', receiveNotifications: true },
    })
    await page().goto(`/users/${created.body.ID}`)
    const kept = page().getByRole('dialog').getByRole('group', { name: t.kept.title })
    await kept.getByText('+81 3 1234 5678').waitFor()
    await kept.getByText('receiveNotifications').waitFor()
    expect(await kept.getByRole('textbox').count(), 'nothing to change there').toBe(0)
  })
})
