import { Writable } from 'node:stream'
import type { LightMyRequestResponse } from 'fastify'
import { buildApp, type KeywardApp } from '../../src/app.js'
import type { ApiKeyRecord } from '../../src/apikeys/api-key.js'
import type { Principal } from '../../src/auth/principal.js'
import { loadConfig, type Config } from '../../src/config.js'
import type { Locale } from '../../src/i18n/translate.js'
import type { Right } from '../../src/roles/rights.js'
import { AUDITOR_ROLE_ID, FULL_ACCESS_ROLE_ID } from '../../src/roles/role.js'
import { ensureFirstAdministrator } from '../../src/setup/first-start.js'
import { createTestDatabase, testEngine, type TestDatabase, type TestEngine } from './test-database.js'

function buildTestApp(databaseUrl: string, config: Partial<Config>, clock: TestClock, logs: string[]): Promise<KeywardApp> {
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      logs.push(String(chunk))
      done()
    },
  })
  // synchronous=NORMAL: no test cuts the power, and an fsync per commit would double the suite's time.
  return buildApp(
    loadConfig(
      {},
      {
        databaseUrl,
        logLevel: 'debug',
        authFailuresPerMinute: 1000,
        usageFlushIntervalMs: 100,
        changePollIntervalMs: 50,
        sqliteSynchronous: 'normal',
        ...config,
      },
    ),
    { clock, logStream },
  )
}

export const HARNESS_ADMIN_PASSWORD = 'Harness-passw0rd'

/** A clock that runs with real time and can be moved forward, or stopped. */
export interface TestClock {
  (): number
  advance(ms: number): void
  /** Stops the clock at `at` (default: now), for exact times; `advance` still moves it. */
  freeze(at?: number): void
}

function createTestClock(): TestClock {
  let offset = 0
  let frozen: number | undefined
  const clock = (() => frozen ?? Date.now() + offset) as TestClock
  clock.advance = (ms) => {
    if (frozen === undefined) offset += ms
    else frozen += ms
  }
  clock.freeze = (at) => {
    frozen = at ?? clock()
  }
  return clock
}

export interface TestKey {
  readonly id: number
  readonly secret: string
  readonly record: ApiKeyRecord
}

export interface KeyOptions {
  role?: number
  name?: string
  locale?: Locale
  timeZone?: string
  /** Expiry in epoch ms (in the future). */
  expiresAt?: number
  /** Lock the key out after creating it. */
  locked?: boolean
  permissions?: string[]
  meta?: Record<string, unknown>
  externalID?: string
  ipAllowList?: string[]
}

/** A signed-in console session: its cookie and CSRF token. */
export interface TestSession {
  readonly cookie: string
  readonly csrfToken: string
  /** The sign-in response body. */
  readonly body: any
}

export interface TestAdministrator {
  readonly id: number
  readonly username: string
  readonly password: string
}

export interface RequestOptions {
  /** The secret to send; in `api-secret-key` unless `scheme` says otherwise. */
  secret?: string
  /** A console session to send (cookie and, unless `csrf` is false, X-CSRF-Token). */
  session?: TestSession
  csrf?: boolean
  scheme?: 'api-secret-key' | 'ApiKey' | 'Bearer'
  body?: unknown
  headers?: Record<string, string>
  /** The api-version header to send; `null` sends none. Default v1. */
  apiVersion?: string | null
  /** The client's address as the server sees it. Default 127.0.0.1. */
  remoteAddress?: string
}

export interface TestResponse {
  readonly status: number
  readonly headers: LightMyRequestResponse['headers']
  readonly text: string
  /** The parsed JSON body (any, for tests), or undefined when the body is empty. */
  readonly body: any
}

/**
 * One Keyward app on a fresh database (per test file), seeded with the built-in roles, the
 * first administrator and one key per built-in role; requests go through `inject()`.
 *
 * ### Examples
 * ```ts
 * const h = await Harness.start()
 * const res = await h.get('/api/apikeys', { secret: h.keys.fullAccess.secret })
 * ```
 */
export class Harness {
  readonly engine: TestEngine
  readonly app: KeywardApp
  readonly clock: TestClock
  readonly database: TestDatabase
  readonly logs: string[]
  readonly keys: { readonly fullAccess: TestKey; readonly auditor: TestKey }
  readonly #system: Principal
  #keyCounter = 0
  readonly #others: KeywardApp[] = []

  private constructor(init: {
    engine: TestEngine
    app: KeywardApp
    clock: TestClock
    database: TestDatabase
    logs: string[]
    system: Principal
    keys: Harness['keys']
  }) {
    this.engine = init.engine
    this.app = init.app
    this.clock = init.clock
    this.database = init.database
    this.logs = init.logs
    this.#system = init.system
    this.keys = init.keys
  }

  static async start(config: Partial<Config> = {}): Promise<Harness> {
    const engine = testEngine()
    const database = await createTestDatabase(engine, { migrated: true })
    const clock = createTestClock()
    const logs: string[] = []
    const app = await buildTestApp(database.url, config, clock, logs)
    await ensureFirstAdministrator(app.context.stores.administrators, { password: HARNESS_ADMIN_PASSWORD, policy: app.context.config.passwordPolicy, clock })
    const system = await app.context.systemPrincipal('harness')
    const create = async (name: string, role: number): Promise<TestKey> => {
      const { record, secret } = await app.context.services.apiKeys.create(system, { keyName: name, roleID: role })
      return { id: record.id, secret, record }
    }
    const keys = { fullAccess: await create('harness-full-access', FULL_ACCESS_ROLE_ID), auditor: await create('harness-auditor', AUDITOR_ROLE_ID) }
    return new Harness({ engine, app, clock, database, logs, system, keys })
  }

  /**
   * Another Keyward app on the same database, with its own store, caches and change feed:
   * what a second process (or server) sees. Closed with the harness.
   */
  async otherProcess(config: Partial<Config> = {}): Promise<KeywardApp> {
    const app = await buildTestApp(this.database.url, config, this.clock, this.logs)
    this.#others.push(app)
    return app
  }

  /** The Kysely database, for checking what was stored. */
  get db() {
    return this.app.context.store.db
  }

  get system(): Principal {
    return this.#system
  }

  /** Creates a custom role directly in the store (Full Access and Auditor are 1 and 2). */
  async role(
    options: { name?: string; rights?: Right[]; permissions?: string[]; allowWebService?: boolean; allowUserInterface?: boolean; equalOrLesser?: boolean } = {},
  ) {
    return this.app.context.stores.roles.insert({
      name: options.name ?? `role-${++this.#keyCounter}-${Math.random().toString(36).slice(2, 8)}`,
      description: '',
      canOnlyManipulateUsersWithEqualOrLesserRights: options.equalOrLesser ?? false,
      allowUserInterface: options.allowUserInterface ?? true,
      allowWebService: options.allowWebService ?? true,
      rights: new Set(options.rights ?? []),
      permissions: [...(options.permissions ?? [])].sort(),
      created: this.clock(),
    })
  }

  /** Creates an administrator directly through the service. */
  async administrator(options: { role?: number; username?: string; password?: string; locale?: Locale; timeZone?: string } = {}): Promise<TestAdministrator> {
    const username = options.username ?? `admin-${++this.#keyCounter}-${Math.random().toString(36).slice(2, 8)}`
    const password = options.password ?? 'Correct-h0rse-battery'
    const record = await this.app.context.services.administrators.create(this.#system, {
      username,
      password,
      roleID: options.role ?? FULL_ACCESS_ROLE_ID,
      locale: options.locale,
      timeZone: options.timeZone,
    })
    return { id: record.id, username, password }
  }

  /** Signs in through the API; returns the session, or throws with the response when refused. */
  async signIn(username: string, password: string, mfaCode?: string): Promise<TestSession> {
    const res = await this.post('/api/session', { body: { username, password, ...(mfaCode === undefined ? {} : { mfaCode }) } })
    expectStatus(res, 200)
    const setCookie = String(res.headers['set-cookie'] ?? '')
    const cookie = /^(keyward_session=[^;]+)/.exec(setCookie)?.[1]
    if (!cookie) throw new Error(`no session cookie in ${setCookie}`)
    return { cookie, csrfToken: res.body.csrfToken, body: res.body }
  }

  /** The first administrator (`admin`, Full Access) signed in. */
  async signInAsAdmin(): Promise<TestSession> {
    return this.signIn('admin', HARNESS_ADMIN_PASSWORD)
  }

  /** Creates an API key directly through the service. */
  async key(options: KeyOptions = {}): Promise<TestKey> {
    const { record, secret } = await this.app.context.services.apiKeys.create(this.#system, {
      keyName: options.name ?? `key-${++this.#keyCounter}-${Math.random().toString(36).slice(2, 8)}`,
      roleID: options.role ?? FULL_ACCESS_ROLE_ID,
      locale: options.locale,
      timeZone: options.timeZone,
      expiryDate: options.expiresAt,
      permissions: options.permissions,
      meta: options.meta,
      externalID: options.externalID,
      ipAllowList: options.ipAllowList,
    })
    if (options.locked) {
      const locked = await this.app.context.services.apiKeys.modify(this.#system, record.id, { active: false })
      return { id: record.id, secret, record: locked }
    }
    return { id: record.id, secret, record }
  }

  async request(method: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH', url: string, options: RequestOptions = {}): Promise<TestResponse> {
    const headers: Record<string, string> = {}
    if (options.apiVersion !== null) headers['api-version'] = options.apiVersion ?? 'v1'
    if (options.secret !== undefined) {
      if (options.scheme === 'ApiKey' || options.scheme === 'Bearer') headers.authorization = `${options.scheme} ${options.secret}`
      else headers['api-secret-key'] = options.secret
    }
    if (options.session) {
      headers.cookie = options.session.cookie
      if (options.csrf !== false) headers['x-csrf-token'] = options.session.csrfToken
    }
    let payload: string | undefined
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json'
      payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body)
    }
    const res = await this.app.fastify.inject({ method, url, headers: { ...headers, ...options.headers }, payload, remoteAddress: options.remoteAddress })
    let body: unknown
    if (res.body !== '') {
      try {
        body = JSON.parse(res.body)
      } catch {
        body = undefined
      }
    }
    return { status: res.statusCode, headers: res.headers, text: res.body, body }
  }

  get(url: string, options?: RequestOptions) {
    return this.request('GET', url, options)
  }

  post(url: string, options?: RequestOptions) {
    return this.request('POST', url, options)
  }

  delete(url: string, options?: RequestOptions) {
    return this.request('DELETE', url, options)
  }

  /** Reads a key's row as stored. */
  async row(id: number) {
    return this.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst()
  }

  /**
   * Everything a client could change, to compare before and after a request that must change
   * nothing: keys, roles, administrators, sessions, and the audit log (its last entry). The
   * change feed's table is left out: it follows the others, failed attempts included.
   */
  async snapshot() {
    const [keys, roles, admins, sessions, audit] = await Promise.all([
      this.db.selectFrom('api_keys').selectAll().orderBy('id').execute(),
      this.db.selectFrom('roles').selectAll().orderBy('id').execute(),
      this.db.selectFrom('administrators').selectAll().orderBy('id').execute(),
      this.db.selectFrom('sessions').select('token_hash').orderBy('token_hash').execute(),
      this.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirst(),
    ])
    // Sign-in bookkeeping moves with every request; it is not a change a client made.
    return {
      keys: keys.map(({ last_sign_in: _a, last_sign_in_address: _b, unsuccessful_sign_in_attempts: _c, ...rest }) => rest),
      roles,
      admins: admins.map(({ last_sign_in: _a, unsuccessful_sign_in_attempts: _b, totp_last_step: _c, ...rest }) => rest),
      sessions: sessions.map((row) => row.token_hash),
      lastAuditEntry: Number(audit?.id ?? 0),
    }
  }

  async close(): Promise<void> {
    for (const other of this.#others) await other.close()
    await this.app.close()
    await this.database.drop()
  }
}

/** Asserts a status, printing the whole response when it differs. */
export function expectStatus(res: TestResponse, status: number): void {
  if (res.status !== status) {
    throw new Error(`expected HTTP ${status}, got ${res.status}: ${res.text}`)
  }
}
