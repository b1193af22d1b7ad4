import { chmodSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI_TEST_OPTIONS, runCli, runCliInProcess, type InProcessOptions } from '../helpers/cli.js'
import { expectStatus, Harness } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe(`${testEngine()}: keyward commands against a running Keyward over HTTP`, CLI_TEST_OPTIONS, () => {
  // The server, its address, and the secrets of its Full Access and Auditor keys.
  let h: Harness, url: string, admin: string, auditor: string
  beforeAll(async () => {
    h = await Harness.start()
    await h.app.fastify.listen({ host: '127.0.0.1', port: 0 })
    url = `http://127.0.0.1:${(h.app.fastify.server.address() as AddressInfo).port}`
    admin = h.keys.fullAccess.secret
    auditor = h.keys.auditor.secret
  })
  afterAll(() => h.close())

  /** A command with --url and --secret-key (the Full Access key unless `secret` says otherwise). */
  const remote = (args: string[], secret = admin, options: InProcessOptions = {}) => runCliInProcess([...args, '--url', url, '--secret-key', secret], options)
  const json = async (args: string[]) => {
    const result = await remote([...args, '--json'])
    expect(result.code, result.stderr).toBe(0)
    return JSON.parse(result.stdout)
  }

  it('runs every API key command: create, list, search, describe, modify, lock, unlock, new-secret, delete', async () => {
    const created = await remote([
      'apikeys',
      'create',
      '--name',
      'remote-ci',
      '--role',
      'auditor',
      '--time-zone',
      'Asia/Tokyo',
      '--rate-limit',
      'default=50/1m',
    ])
    expect(created.code, created.stderr).toBe(0)
    const secret = /^(kw_\d+_\S+)$/m.exec(created.stdout)?.[1]
    expect(created.stdout).toMatch(/^Created API key \d+ "remote-ci" with role Auditor\.\nSecret key \(shown once; store it now\):\nkw_/)
    expectStatus(await h.get('/api/apikeys/current', { secret: secret! }), 200)
    const id = (await h.app.context.stores.apiKeys.findByName('remote-ci'))!.id

    const list = await remote(['apikeys', 'list'])
    expect(list.stdout.split('\n')[0]).toMatch(/^ID\s+name\s+role\s+locked\s+expires\s+last sign-in\s+description$/)
    expect(list.stdout).toMatch(new RegExp(`^${id}\\s+remote-ci\\s+2(\\s|$)`, 'm'))
    expect((await json(['apikeys', 'list'])).apiKeys.map((k: any) => k.keyName)).toContain('remote-ci')

    expect((await json(['apikeys', 'search', '--name', 'remote-%'])).apiKeys.map((k: any) => k.ID)).toEqual([id])
    const filter = JSON.stringify({ searchCriteria: [{ fieldName: 'timeZone', stringValue: 'Asia/Tokyo' }] })
    expect((await json(['apikeys', 'search', filter])).apiKeys.map((k: any) => k.ID)).toEqual([id])
    const badFilter = await remote(['apikeys', 'search', '{"searchCriteria": [{"idTest": "about"}]}'])
    expect(badFilter.code).toBe(7)
    expect(badFilter.stderr).toContain('idTest')

    const described = await remote(['apikeys', 'describe', 'remote-ci'])
    expect(described.stdout).toMatch(/^keyName: +remote-ci$/m)
    expect(described.stdout).toMatch(/^created: +\d{4}-\d\d-\d\dT/m)
    expect(await json(['apikeys', 'describe', String(id)])).toMatchObject({
      ID: id,
      keyName: 'remote-ci',
      rateLimits: [{ name: 'default', limit: 50, duration: 60_000 }],
    })

    const modified = await remote(['apikeys', 'modify', 'remote-ci', '--description', 'from the CLI', '--role', 'Full Access', '--expires', '2099-12-31'])
    expect(modified.stdout).toBe(`Modified API key ${id} "remote-ci".`)
    expect(await h.row(id)).toMatchObject({ description: 'from the CLI', role_id: 1 })

    expect((await remote(['apikeys', 'lock', 'remote-ci'])).stdout).toBe(`Locked API key ${id} "remote-ci".`)
    expectStatus(await h.get('/api/apikeys/current', { secret: secret! }), 401)
    const locked = await remote(['apikeys', 'verify'], admin, { input: secret! })
    expect([locked.code, locked.stdout]).toEqual([10, `LOCKED: ${locked.stdout.slice('LOCKED: '.length)}`])
    expect((await json(['apikeys', 'unlock', String(id)])).active).toBe(true)
    expectStatus(await h.get('/api/apikeys/current', { secret: secret! }), 200)
    const valid = await remote(['apikeys', 'verify', '--cost', '0'], admin, { input: `${secret}\n` })
    expect([valid.code, valid.stdout]).toEqual([0, `VALID: The API key is valid. (API key ${id} "remote-ci")`])

    const renewed = await remote(['apikeys', 'new-secret', 'remote-ci'])
    const newSecret = /^(kw_\d+_\S+)$/m.exec(renewed.stdout)?.[1]
    expect(newSecret).toBeDefined()
    expectStatus(await h.get('/api/apikeys/current', { secret: secret! }), 401)
    expectStatus(await h.get('/api/apikeys/current', { secret: newSecret! }), 200)

    expect((await remote(['apikeys', 'delete', 'remote-ci'])).stdout).toBe(`Deleted API key ${id} "remote-ci".`)
    const gone = await remote(['apikeys', 'describe', String(id)])
    expect(gone.code).toBe(5)
    expect(gone.stderr).toMatch(/^keyward: .+ \(apikey\.not_found\)$/)
  })

  it("reports the API's errors with its message and code, and an exit code for each kind; never the secret", async () => {
    const forged = `${auditor.slice(0, -4)}AAAA`
    const cases: [string, string[], string, number, RegExp][] = [
      ['a wrong secret', ['apikeys', 'list'], forged, 3, /\(auth\.\w+\)$/],
      ['a missing right', ['apikeys', 'create', '--name', 'x', '--role', '2'], auditor, 4, /\(\w+\.\w+\)$/],
      [
        'a name in use',
        ['apikeys', 'create', '--name', 'harness-auditor', '--role', '2'],
        admin,
        6,
        /An API key named 'harness-auditor' already exists\. \(apikey\.name_in_use\)$/,
      ],
      [
        'bad input',
        ['apikeys', 'create', '--name', 'mars', '--role', '2', '--time-zone', 'Mars/Base'],
        admin,
        7,
        /The field 'timeZone' must be an IANA time zone/,
      ],
      ['an unknown name', ['roles', 'describe', 'Nobody'], admin, 5, /no role named or numbered "Nobody"/],
    ]
    for (const [what, args, secret, code, message] of cases) {
      const result = await remote(args, secret)
      expect(result.code, `${what}: ${result.stderr}`).toBe(code)
      expect(result.stderr, what).toMatch(message)
      expect(result.stderr + result.stdout, what).not.toContain(secret.slice(8))
    }
    const limited = await json(['apikeys', 'create', '--name', 'one-a-minute', '--role', 'auditor', '--rate-limit', 'default=1/1m'])
    expect((await remote(['roles', 'list'], limited.secretKey)).code).toBe(0)
    const tooMany = await remote(['roles', 'list'], limited.secretKey)
    expect(tooMany.code, tooMany.stderr).toBe(8)
    expect(tooMany.stderr).toMatch(/\(\w+\.\w+\)$/)
    expect(tooMany.stderr).not.toContain(limited.secretKey.slice(8))

    // A real fault on the server's side: the audit log's table is missing (a half-restored database).
    const { db } = h.app.context.store
    await sql`alter table audit_events rename to audit_events_away`.execute(db)
    const broken = await remote(['auditevents', 'list']).finally(() => sql`alter table audit_events_away rename to audit_events`.execute(db))
    expect(broken.code, broken.stderr).toBe(9)
    expect(broken.stderr).toMatch(/\(server\.internal\)$/)

    const down = await runCliInProcess(['apikeys', 'list', '--url', `http://127.0.0.1:${await closedPort()}`, '--secret-key', admin])
    expect(down.code).toBe(2)
    expect(down.stderr).toContain('cannot reach Keyward at http://127.0.0.1:')
    expect(down.stderr).toContain('ECONNREFUSED')

    const nowhere = await runCliInProcess(['roles', 'list'])
    expect(nowhere.code).toBe(1)
    expect(nowhere.stderr).toContain('give --url (or KEYWARD_URL) and --secret-key (or KEYWARD_SECRET_KEY), or --profile')
    const noSecret = await runCliInProcess(['roles', 'list', '--url', url])
    expect(noSecret.stderr).toContain('--url needs the secret key of an API key')
    const both = await runCliInProcess(['apikeys', 'unlock', 'x', '--url', url, '--secret-key', admin, '--database-url', h.database.url])
    expect(both.stderr).toContain('give one or the other')
  })

  it('manages roles and administrators', async () => {
    const role = await json(['roles', 'create', '--name', 'Key readers', '--right', 'apikeyRights.canViewApiKeys', '--permission', 'invoices.read'])
    expect(role).toMatchObject({
      name: 'Key readers',
      permissions: ['invoices.read'],
      rights: { platformRights: { apikeyRights: { canViewApiKeys: true, canCreateNewApiKeys: false } } },
    })
    expect((await remote(['roles', 'list'])).stdout).toMatch(new RegExp(`^${role.ID}\\s+Key readers$`, 'm'))
    expect((await json(['roles', 'search', '--name', 'Key read%'])).roles.map((r: any) => r.ID)).toEqual([role.ID])
    expect((await remote(['roles', 'modify', 'Key readers', '--right', 'apikeyRights.canCreateNewApiKeys'])).code).toBe(0)
    expect((await json(['roles', 'describe', String(role.ID)])).rights.platformRights.apikeyRights).toMatchObject({
      canViewApiKeys: true,
      canCreateNewApiKeys: true,
    })
    const badRight = await remote(['roles', 'create', '--name', 'x', '--right', 'apikeyRights.canFly'])
    expect(badRight.code).toBe(1)
    expect(badRight.stderr).toContain('expected a right such as apikeyRights.canViewApiKeys')

    const created = await remote(['administrators', 'create', '--username', 'operator', '--role', 'Key readers', '--full-name', 'Op Erator'], admin, {
      input: 'Operator-passw0rd',
    })
    expect(created.stdout, created.stderr).toBe('Created administrator "operator".')
    await h.signIn('operator', 'Operator-passw0rd')
    expect((await json(['administrators', 'search', '--name', 'oper%'])).administrators).toMatchObject([
      { username: 'operator', fullName: 'Op Erator', roleID: role.ID },
    ])
    expect((await remote(['administrators', 'modify', 'operator', '--email', 'op@example.com'])).code).toBe(0)
    const operator = await json(['administrators', 'describe', 'operator'])
    expect(operator).toMatchObject({ username: 'operator', fullName: 'Op Erator', emailAddress: 'op@example.com', roleID: role.ID })
    expect((await remote(['administrators', 'describe', String(operator.ID)])).stdout).toMatch(/^emailAddress: +op@example\.com$/m)
    const admins = await remote(['administrators', 'list'])
    expect(admins.stdout.split('\n')[0]).toMatch(/^ID\s+username\s+full name\s+role\s+locked\s+last sign-in$/)
    expect(admins.stdout).toMatch(new RegExp(`^${operator.ID}\\s+operator\\s+Op Erator\\s+${role.ID}\\s`, 'm'))
    expect((await remote(['administrators', 'lock', 'operator'])).stdout).toBe('Locked administrator "operator".')
    expect((await remote(['administrators', 'unlock', 'operator'])).stdout).toBe('Unlocked administrator "operator".')
    const reset = await remote(['administrators', 'set-password', 'operator'], admin, { input: 'Another-passw0rd' })
    expect(reset.stdout).toBe('Set a new password for administrator "operator".')
    await h.signIn('operator', 'Another-passw0rd')
    const weak = await remote(['administrators', 'set-password', 'operator'], admin, { input: 'short' })
    expect(weak.code).toBe(7)

    const inUse = await remote(['roles', 'delete', 'Key readers'])
    expect(inUse.code, inUse.stderr).toBe(6)
    expect((await remote(['administrators', 'delete', 'operator'])).stdout).toBe('Deleted administrator "operator".')
    expect((await remote(['roles', 'delete', 'Key readers'])).stdout).toBe(`Deleted role ${role.ID} "Key readers".`)
  })

  it("sets a key's permissions, meta, external ID and IP allow-list and a role's permissions; a bad value is refused with the API's message naming the field, and nothing changes", async () => {
    await h.key({ name: 'service-settings' })
    const key = await json([
      'apikeys',
      'modify',
      'service-settings',
      '--permission',
      'reports:*',
      '--permission',
      'invoices.read',
      '--meta',
      '{"plan":"pro"}',
      '--external-id',
      'customer-7',
      '--ip-allow',
      '127.0.0.1',
    ])
    expect(key).toMatchObject({ permissions: ['invoices.read', 'reports:*'], meta: { plan: 'pro' }, externalID: 'customer-7', ipAllowList: ['127.0.0.1'] })
    const role = await json(['roles', 'create', '--name', 'Billing', '--permission', 'invoices.read'])
    expect((await json(['roles', 'modify', 'Billing', '--permission', 'invoices.read', '--permission', 'invoices.write'])).permissions).toEqual([
      'invoices.read',
      'invoices.write',
    ])

    const before = await h.snapshot()
    const refused: [string[], string][] = [
      [['apikeys', 'modify', 'service-settings', '--ip-allow', '10.0.0.0/33'], "The field 'ipAllowList[0]' must be an IPv4 or IPv6 address or CIDR range"],
      [['apikeys', 'modify', 'service-settings', '--meta', '[1]'], "The field 'meta' must be object | null."],
      [['apikeys', 'modify', 'service-settings', '--meta', JSON.stringify({ note: 'x'.repeat(5000) })], "The field 'meta' must be at most 4096 bytes of JSON."],
      [['apikeys', 'modify', 'service-settings', '--external-id', 'x'.repeat(256)], "The field 'externalID' must be at most 255 characters long."],
      [['roles', 'modify', 'Billing', '--permission', 'invoices read'], "The field 'permissions[0]' holds 'invoices read', which is not a permission"],
    ]
    for (const [args, message] of refused) {
      const result = await remote(args)
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(7)
      expect(result.stderr).toContain(message)
    }
    expect(await h.snapshot()).toEqual(before)
    expect((await remote(['roles', 'delete', String(role.ID)])).code).toBe(0)
  })

  it('searches the audit log and follows it', async () => {
    const found = await json(['auditevents', 'search', JSON.stringify({ searchCriteria: [{ fieldName: 'action', stringValue: 'apikey.create' }] })])
    expect(found.auditEvents.length).toBeGreaterThan(0)
    expect(found.auditEvents.every((e: any) => e.action === 'apikey.create')).toBe(true)
    expect((await remote(['auditevents', 'list'])).stdout.split('\n')[0]).toMatch(/^ID\s+time\s+actor\s+action\s+resource\s+address\s+changed$/)

    /** Runs a follow command; `seen` waits until it has printed a line that passes `test`, then `stop` ends it. */
    const follow = (args: string[]) => {
      const stop = new AbortController()
      const lines: string[] = []
      let wanted: { test: (line: string) => boolean; resolve: () => void } | undefined
      const onOut = (text: string) => {
        lines.push(...text.split('\n'))
        if (lines.some((line) => wanted?.test(line))) wanted?.resolve()
      }
      const run = remote([...args, '--follow', '--interval', '20ms'], admin, { signal: stop.signal, onOut })
      return {
        lines,
        seen: (test: (line: string) => boolean) =>
          new Promise<void>((resolve) => {
            if (lines.some(test)) resolve()
            else wanted = { test, resolve }
          }),
        stop: async () => {
          stop.abort()
          return (await run).code
        },
      }
    }

    const key = await h.key({ name: 'followed' })
    const filter = JSON.stringify({ searchCriteria: [{ fieldName: 'resourceName', stringValue: 'followed' }] })
    const asJson = follow(['auditevents', 'search', filter, '--json'])
    await asJson.seen((line) => JSON.parse(line).action === 'apikey.create')
    expectStatus(await h.post(`/api/apikeys/${key.id}`, { secret: admin, body: { active: false } }), 200)
    await asJson.seen((line) => JSON.parse(line).action === 'apikey.lock')
    expect(await asJson.stop()).toBe(0)
    expect(asJson.lines.map((line) => JSON.parse(line).action)).toEqual(['apikey.create', 'apikey.lock'])

    // The table form: the header once, then one row per entry, oldest first, new ones as they come.
    const table = follow(['auditevents', 'list'])
    await table.seen((line) => /\sapikey\.lock\s+apikey followed\s/.test(line))
    expectStatus(await h.post(`/api/apikeys/${key.id}`, { secret: admin, body: { active: true } }), 200)
    await table.seen((line) => /\sapikey\.unlock\s+apikey followed\s/.test(line))
    expect(await table.stop()).toBe(0)
    expect(table.lines[0]).toMatch(/^ID\s+time\s+actor\s+action\s+resource\s+address\s+changed$/)
    const ids = table.lines.slice(1).map((line) => Number(/^(\d+)\s/.exec(line)?.[1]))
    expect(ids.every((id) => id > 0)).toBe(true)
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    expect(table.lines.filter((line) => line.startsWith('ID '))).toHaveLength(1)
  })

  it('keeps profiles in a file only its owner reads, never prints their secrets, and takes KEYWARD_URL', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'keyward-profiles-')), 'keyward', 'profiles.json')
    const env = { KEYWARD_PROFILES_FILE: file }
    const refused = await runCliInProcess(['profiles', 'set', 'prod', '--url', url], { env, input: `${auditor.slice(0, -4)}AAAA` })
    expect(refused.code).toBe(3)
    const saved = await runCliInProcess(['profiles', 'set', 'prod', '--url', url], { env, input: `${auditor}\n` })
    expect(saved.stdout, saved.stderr).toBe(`Saved the profile "prod" in ${file}: API key ${h.keys.auditor.id} "harness-auditor" at ${url}.`)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ profiles: { prod: { url, secretKey: auditor } } })

    const listed = await runCliInProcess(['profiles', 'list'], { env })
    expect(listed.stdout).toMatch(new RegExp(`^prod\\s+${url}$`, 'm'))
    expect(listed.stdout).not.toContain(auditor.slice(8))
    expect((await runCliInProcess(['apikeys', 'list', '--profile', 'prod'], { env })).stdout).toContain('harness-auditor')
    expect((await runCliInProcess(['apikeys', 'describe', 'harness-auditor'], { env: { ...env, KEYWARD_PROFILE: 'prod' } })).code).toBe(0)
    expect((await runCliInProcess(['apikeys', 'list', '--json'], { env: { KEYWARD_URL: url, KEYWARD_SECRET_KEY: admin } })).code).toBe(0)

    chmodSync(file, 0o644)
    const open = await runCliInProcess(['apikeys', 'list', '--profile', 'prod'], { env })
    expect(open.code).toBe(1)
    expect(open.stderr).toContain(`others may read it (mode 644): run chmod 600 ${file}`)
    chmodSync(file, 0o600)
    expect((await runCliInProcess(['profiles', 'remove', 'prod'], { env })).code).toBe(0)
    expect((await runCliInProcess(['apikeys', 'list', '--profile', 'prod'], { env })).stderr).toContain('no profile "prod"')
  })

  it('keeps acting on the database directly with --database-url, whatever KEYWARD_URL says', async () => {
    const env = { KEYWARD_URL: 'http://127.0.0.1:1', KEYWARD_SECRET_KEY: admin }
    const created = await runCliInProcess(['apikeys', 'create', '--name', 'local-key', '--role', '2', '--json', '--database-url', h.database.url], { env })
    expect(created.code, created.stderr).toBe(0)
    const body = JSON.parse(created.stdout)
    expect(body).toMatchObject({ keyName: 'local-key', secretKey: expect.stringMatching(/^kw_/) })
    expect((await runCliInProcess(['apikeys', 'lock', 'local-key', '--database-url', h.database.url], { env })).stdout).toBe(
      `Locked API key ${body.ID} "local-key".`,
    )
    expect((await h.row(body.ID))?.active).toBeFalsy()
  })

  // The process's wiring is the same on either engine: one tsx start-up is enough.
  it.runIf(testEngine() === 'sqlite')('runs as the keyward command, with the exit code of the error', async () => {
    const result = await runCli(['apikeys', 'describe', 'nobody'], { KEYWARD_URL: url, KEYWARD_SECRET_KEY: admin })
    expect(result.code, result.stderr).toBe(5)
    expect(result.stderr.trim()).toBe('keyward: no API key named or numbered "nobody"')
  })
})
