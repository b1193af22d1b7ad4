import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSecret } from '../../src/auth/secret-format.js'
import { runCliInProcess } from '../helpers/cli.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

/** Polls the running app until `secret` gets `want` on /api/apikeys/current, for at most a second. */
async function statusWithin(h: Harness, secret: string, want: number): Promise<number> {
  const deadline = Date.now() + 1000
  let status = 0
  do {
    status = (await h.get('/api/apikeys/current', { secret })).status
    if (status === want) break
    await new Promise((resolve) => setTimeout(resolve, 20))
  } while (Date.now() < deadline)
  return status
}

describe(`${testEngine()}: keyward apikeys (CLI on the database of a running server)`, () => {
  let h: Harness
  beforeAll(async () => {
    // Automatic key lock-out is opt-in; on here, to unlock a key locked by failures.
    h = await Harness.start({ changePollIntervalMs: 250, keyLockout: true })
  })
  afterAll(() => h.close())

  const cli = (...args: string[]) => runCliInProcess([...args, '--database-url', h.database.url])

  it('creates a key and prints its secret once; the running server accepts it within a second', async () => {
    // The server has already looked this ID up and cached "no such key".
    const nextId = (await h.key()).id + 1
    expectStatus(await h.get('/api/apikeys/current', { secret: createSecret(nextId) }), 401)

    const result = await cli('apikeys', 'create', '--name', 'bootstrap', '--role', 'Full Access', '--time-zone', 'Asia/Tokyo')
    expect(result.code, result.stderr).toBe(0)
    const secret = /^(kw_\d+_\S+)$/m.exec(result.stdout)?.[1]
    expect(secret, result.stdout).toBeDefined()
    expect(result.stdout).toContain(`Created API key ${nextId} "bootstrap" with role Full Access.`)
    expect(await statusWithin(h, secret!, 200)).toBe(200)
    const me = await h.get('/api/apikeys/current', { secret: secret! })
    expect(me.body).toMatchObject({ keyName: 'bootstrap', roleID: 1, timeZone: 'Asia/Tokyo' })
  })

  it('prints the key as JSON with --json, and refuses unknown roles and bad input', async () => {
    const result = await cli('apikeys', 'create', '--name', 'json-key', '--role', '2', '--expires', '2099-12-31', '--json')
    expect(result.code, result.stderr).toBe(0)
    const body = JSON.parse(result.stdout)
    expect(body).toMatchObject({
      keyName: 'json-key',
      roleID: 2,
      secretKey: expect.stringMatching(/^kw_/),
      expiryDate: Date.UTC(2099, 11, 31, 23, 59, 59, 999),
    })

    const unknownRole = await cli('apikeys', 'create', '--name', 'x', '--role', 'Nobody')
    expect(unknownRole.code).toBe(1)
    expect(unknownRole.stderr).toContain('no role named or numbered "Nobody"; the roles are: Full Access (1), Auditor (2)')

    const duplicate = await cli('apikeys', 'create', '--name', 'json-key', '--role', '2')
    expect(duplicate.code).toBe(6)
    expect(duplicate.stderr).toContain("An API key named 'json-key' already exists.")
  })

  // Issue 13: the CLI accepted what the API refuses. It now sends the API's body through the
  // API's validation and service.
  it.each([
    ['an unknown time zone', ['--name', 'mars', '--time-zone', 'Mars/Base'], "The field 'timeZone' must be an IANA time zone", 7],
    ['a 300-character name', ['--name', 'n'.repeat(300)], "The field 'keyName' must be at most 255 characters long.", 7],
    [
      'a 3,000-character description',
      ['--name', 'long', '--description', 'd'.repeat(3000)],
      "The field 'description' must be at most 2000 characters long.",
      7,
    ],
    ['a tab in the name', ['--name', 'tab\tname'], "The field 'keyName' must not contain tabs, line breaks or other control characters.", 7],
    [
      'a permission outside the grammar',
      ['--name', 'perm', '--permission', 'invoices.read', '--permission', 'reports:**'],
      "The field 'permissions[1]' holds 'reports:**', which is not a permission",
      7,
    ],
    [
      'an address that is not one',
      ['--name', 'ip', '--ip-allow', '192.0.2.0/33'],
      "The field 'ipAllowList[0]' must be an IPv4 or IPv6 address or CIDR range",
      7,
    ],
    [
      'meta that is not JSON',
      ['--name', 'meta', '--meta', '{plan: pro}'],
      "option '--meta <json>' argument '{plan: pro}' is invalid. expected a JSON object",
      1,
    ],
  ])('refuses %s as the API does, and creates nothing', async (_what, args, message, code) => {
    const before = await h.snapshot()
    const result = await cli('apikeys', 'create', '--role', '2', ...args)
    // 7: refused as the API refuses it; 1: an option commander cannot read.
    expect(result.code, result.stdout).toBe(code)
    expect(result.stderr).toContain(message)
    expect(await h.snapshot()).toEqual(before)
  })

  it('gives a key permissions, meta, an external ID, an IP allow-list and tags, as the API stores them', async () => {
    const result = await cli(
      ...['apikeys', 'create', '--name', 'service-key', '--role', '2', '--json', '--permission', 'reports:*', '--permission', 'invoices.read'],
      ...['--meta', '{"plan":"pro","seats":5}', '--external-id', 'customer-42', '--ip-allow', '127.0.0.1', '--ip-allow', '2001:db8::/32'],
      ...['--tag', ' billing ', '--tag', 'team-a'],
    )
    expect(result.code, result.stderr).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({
      permissions: ['invoices.read', 'reports:*'],
      meta: { plan: 'pro', seats: 5 },
      externalID: 'customer-42',
      ipAllowList: ['127.0.0.1', '2001:db8::/32'],
      tags: ['billing', 'team-a'],
    })
  })

  it('takes role names in any letter case and offers --host/--port only where they act', async () => {
    const result = await cli('apikeys', 'create', '--name', 'lower-case-role', '--role', 'full access')
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('with role Full Access.')
    const withHost = await cli('apikeys', 'create', '--name', 'host', '--role', '2', '--host', '0.0.0.0')
    expect(withHost.code).toBe(1)
    expect(withHost.stderr).toContain("unknown option '--host'")
    expect((await runCliInProcess(['apikeys', 'create', '--help'])).stdout).not.toContain('--port')
  })

  it('unlocks a locked-out key; the running server accepts it again within a second', async () => {
    const key = await h.key({ name: 'locked-by-failures' })
    for (let i = 0; i < 5; i++) await h.get('/api/apikeys/current', { secret: createSecret(key.id) })
    await h.app.context.failures.settled()
    expectStatus(await h.get('/api/apikeys/current', { secret: key.secret }), 401)
    const result = await cli('apikeys', 'unlock', 'locked-by-failures')
    expect(result.code, result.stderr).toBe(0)
    expect(await statusWithin(h, key.secret, 200)).toBe(200)
    expect(await h.row(key.id)).toMatchObject({ active: 1, unsuccessful_sign_in_attempts: 0, unlock_time: null })
  })

  it('unlocks an administrator', async () => {
    await h.db
      .updateTable('administrators')
      .set({ active: 0, unsuccessful_sign_in_attempts: 5, unlock_time: h.clock() + 60_000 })
      .where('username', '=', 'admin')
      .execute()
    const result = await cli('administrators', 'unlock', 'admin')
    expect(result.code, result.stderr).toBe(0)
    const row = await h.db.selectFrom('administrators').selectAll().where('username', '=', 'admin').executeTakeFirst()
    expect(row).toMatchObject({ active: 1, unsuccessful_sign_in_attempts: 0, unlock_time: null })
    expect((await cli('administrators', 'unlock', 'nobody')).code).toBe(5)
  })
})
