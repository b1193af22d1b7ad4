/**
 * Issue 12, goal 5: Keyward with 1,000,000 API keys.
 *
 * For each engine it makes two fresh databases, one with `--keys` API keys (default 1,000,000)
 * and one with 1,000, seeded straight through SQL (valid keys as Keyward stores them: secret
 * hashes of real secrets, normalised names, so they authenticate) plus a few roles, starts the
 * real server (`node bin/keyward.js serve`) on each, and measures over loopback HTTP:
 *   (a) authenticated throughput (`GET /api/apikeys/current`, a random key of 1,000 sampled
 *       across the ID range per request), the two servers alternately, and the ratio; and the
 *       server's CPU time and SQL statements per request (bench/server-probe.mjs), which the
 *       load of a shared machine disturbs far less than req/s;
 *   (b) search pages (`maxItems` 25) as the console and scripts ask for them: p50/p99;
 *   (c) `GET /api/apikeys` (list): time, size, status, the server's peak RSS, and how long
 *       `/healthz` waits meanwhile (event-loop blocking);
 *   and the server's start-up time and RSS (the verifier's cache is filled lazily).
 *
 *   npx tsx bench/million-keys.ts [--engine sqlite|postgres|both] [--keys 1000000]
 *     [--duration 5] [--rounds 3] [--samples 200] [--case-seconds 30] [--cases REGEX] [--keep] [--skip-list]
 *     [--reuse DIR [--seed-only]]
 *
 * A search case stops after `--case-seconds` (with at least 5 samples) and says how many it took:
 * an unindexed one (the roleName sort at a million keys) takes seconds a page. `--cases` measures
 * only the cases whose name matches a regular expression (e.g. `'prefix|contains|offset'`).
 *
 * `--reuse DIR` keeps the seeded databases (SQLite files in DIR, PostgreSQL databases
 * `keyward_million_<keys>`) and what the bench must know of them (DIR/<engine>-<keys>.json),
 * and uses them again on the next run after migrating them: seeding a million keys costs
 * minutes of CPU. `--seed-only` seeds them and stops (run it nice'd: it has no timing role).
 *
 * PostgreSQL: KEYWARD_BENCH_POSTGRES_URL (default postgres://keyward:keyward@127.0.0.1:5432/postgres).
 *
 * @module
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { parseArgs, promisify } from 'node:util'
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import pg from 'pg'
import { createSecret, hashSecret } from '../src/auth/secret-format.js'

const run = promisify(execFile)
type Engine = 'sqlite' | 'postgres'

const text = (value?: string) => ({ type: 'string' as const, default: value })
const { values: flags } = parseArgs({
  options: {
    engine: text('both'),
    keys: text('1000000'),
    duration: text('5'),
    rounds: text('3'),
    samples: text('200'),
    connections: text('20'),
    keep: { type: 'boolean', default: false },
    'skip-list': { type: 'boolean', default: false },
    'case-seconds': text('30'),
    cases: text(),
    reuse: text(),
    'seed-only': { type: 'boolean', default: false },
    root: text(),
  },
})
/** The checkout whose server is measured (another worktree's, for a before/after). */
const ROOT = resolve(flags.root ?? fileURLToPath(new URL('..', import.meta.url)))
const engines: Engine[] = flags.engine === 'both' ? ['sqlite', 'postgres'] : [flags.engine as Engine]
const bigCount = Number(flags.keys)
const SMALL_COUNT = 1000
const postgresUrl = process.env.KEYWARD_BENCH_POSTGRES_URL || 'postgres://keyward:keyward@127.0.0.1:5432/postgres'

const cleanups: (() => Promise<void>)[] = []
async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error) => console.error('clean-up failed:', error))
}
process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)))

const log = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`)

// ---------------------------------------------------------------------------------------------
// Seeding

const TEAMS = ['billing', 'ci', 'data', 'edge', 'fraud', 'growth', 'infra', 'ledger', 'mobile', 'ops', 'payments', 'search', 'support', 'web']
const LOCALES = ['en-US', 'ja-JP']
const ZONES = ['UTC', 'Asia/Tokyo', 'Europe/Paris', 'America/New_York']
const ROLE_COUNT = 20

/** The row of seeded key `id` (IDs from 2: key 1 is made by the CLI), and its secret. */
function seedKey(id: number, roleIds: number[], now: number) {
  const secret = createSecret(id)
  const name = `${TEAMS[id % TEAMS.length]}-${(id * 7919) % 1_000_003}-${id}`
  return {
    secret,
    row: [
      name,
      name,
      `seeded key ${id}`,
      LOCALES[id % 2],
      roleIds[id % roleIds.length],
      ZONES[id % ZONES.length],
      id % 50 === 0 ? 0 : 1,
      now - id * 1000,
      hashSecret(secret),
    ] as const,
  }
}
const COLUMNS = 'key_name, key_name_key, description, locale, role_id, time_zone, active, created, secret_hash'
const PG_TYPES = ['text', 'text', 'text', 'text', 'int', 'text', 'smallint', 'bigint', 'text']

interface Seeded {
  readonly url: string
  readonly first: { id: number; secret: string }
  /** Secrets of keys spread across the ID range (all active). */
  readonly sample: string[]
  readonly seconds: number
  readonly dropAfter?: () => Promise<void>
}

async function cli(args: string[], databaseUrl: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['bin/keyward.js', ...args, '--database-url', databaseUrl], {
    cwd: ROOT,
    // A migration that builds an index over a million keys outlasts a request's timeout.
    env: { ...process.env, KEYWARD_LOG_LEVEL: 'warn', KEYWARD_DATABASE_STATEMENT_TIMEOUT: '10m' },
  })
  return stdout
}

/** A database seeded by an earlier run with `--reuse`, migrated to this checkout's schema; else a fresh one, kept for the next run. */
async function seedOrReuse(engine: Engine, count: number): Promise<Seeded> {
  if (!flags.reuse) return seed(engine, count)
  const saved = join(resolve(flags.reuse), `${engine}-${count}.json`)
  if (existsSync(saved)) {
    const seeded = JSON.parse(readFileSync(saved, 'utf8')) as Seeded
    await cli(['migrate'], seeded.url)
    log(`${engine}: reusing ${count} keys seeded in ${seeded.seconds.toFixed(1)} s`)
    return seeded
  }
  mkdirSync(resolve(flags.reuse), { recursive: true })
  const seeded = await seed(engine, count, resolve(flags.reuse))
  writeFileSync(saved, JSON.stringify(seeded))
  return seeded
}

async function seed(engine: Engine, count: number, keepIn?: string): Promise<Seeded> {
  const started = performance.now()
  let url: string
  let insert: (rows: (readonly unknown[])[]) => Promise<void>
  let addRoles: (names: string[], now: number) => Promise<number[]>
  let finish: () => Promise<void>
  let dropAfter: (() => Promise<void>) | undefined
  if (engine === 'sqlite' && keepIn) {
    const file = join(keepIn, `sqlite-${count}.db`)
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
    url = `sqlite:${file}`
  } else if (engine === 'sqlite') {
    const dir = mkdtempSync(join(os.tmpdir(), 'keyward-million-'))
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }))
    url = `sqlite:${join(dir, 'keyward.db')}`
  } else {
    const admin = new pg.Client({ connectionString: postgresUrl })
    await admin.connect()
    const name = keepIn ? `keyward_million_${count}` : `keyward_million_${count}_${Date.now()}`
    if (keepIn) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${name}`)
    dropAfter = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    }
    if (keepIn) cleanups.push(() => admin.end())
    else if (!flags.keep) cleanups.push(dropAfter)
    const target = new URL(postgresUrl)
    target.pathname = `/${name}`
    url = target.href
  }
  await cli(['migrate'], url)
  const first = JSON.parse(
    ((s) => s.slice(s.indexOf('{')))(await cli(['apikeys', 'create', '--name', 'bench-first', '--role', 'Full Access', '--json'], url)),
  ) as {
    ID: number
    secretKey: string
  }
  if (engine === 'sqlite') {
    const db = new Database(url.slice('sqlite:'.length))
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = OFF')
    const statement = db.prepare(
      `insert into api_keys (${COLUMNS}) values (${COLUMNS.split(',')
        .map(() => '?')
        .join(', ')})`,
    )
    const many = db.transaction((rows: (readonly unknown[])[]) => {
      for (const row of rows) statement.run(...row)
    })
    insert = async (rows) => many(rows)
    addRoles = async (names, now) => {
      const role = db.prepare(`insert into roles (name, rights, created) values (?, '["apikeyRights.canViewApiKeys"]', ?) returning id`)
      return names.map((name) => (role.get(name, now) as { id: number }).id)
    }
    finish = async () => {
      db.exec('analyze')
      db.close()
    }
  } else {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    const unnest = PG_TYPES.map((type, i) => `$${i + 1}::${type}[]`).join(', ')
    insert = async (rows) => {
      await client.query(
        `insert into api_keys (${COLUMNS}) select * from unnest(${unnest})`,
        PG_TYPES.map((_, column) => rows.map((row) => row[column])),
      )
    }
    addRoles = async (names, now) => {
      const { rows } = await client.query(
        `insert into roles (name, rights, created) select unnest($1::text[]), '["apikeyRights.canViewApiKeys"]', $2 returning id`,
        [names, now],
      )
      return rows.map((row: { id: number }) => row.id)
    }
    finish = async () => {
      await client.query('vacuum analyze')
      await client.end()
    }
  }
  const now = Date.now()
  const roleIds = [
    1,
    2,
    ...(await addRoles(
      Array.from({ length: ROLE_COUNT }, (_, i) => `bench role ${i + 1}`),
      now,
    )),
  ]
  const sampleEvery = Math.max(1, Math.floor(count / 1000))
  const sample: string[] = []
  const BATCH = 10_000
  for (let from = 2; from <= count; from += BATCH) {
    const rows: (readonly unknown[])[] = []
    for (let id = from; id < Math.min(from + BATCH, count + 1); id++) {
      const { secret, row } = seedKey(id, roleIds, now)
      rows.push(row)
      if ((id - 2) % sampleEvery === 0 && row[6] === 1 && sample.length < 1000) sample.push(secret)
    }
    await insert(rows)
    if ((from - 2) % 100_000 === 0) log(`${engine}: ${from - 2 + rows.length} keys seeded`)
  }
  await finish()
  const seconds = (performance.now() - started) / 1000
  log(`${engine}: ${count} keys seeded in ${seconds.toFixed(1)} s`)
  return { url, first: { id: first.ID, secret: first.secretKey }, sample, seconds, dropAfter }
}

// ---------------------------------------------------------------------------------------------
// The server

interface Server {
  readonly base: string
  readonly pid: number
  readonly startSeconds: number
  /** The server's CPU time (user + system) and SQL statements so far, from its probe. */
  usage(): Promise<{ cpuUs: number; sql: number }>
  stop(): Promise<void>
}

const PROBE = fileURLToPath(new URL('./server-probe.mjs', import.meta.url))

const keywardEnv = (settings: Record<string, string>) => Object.fromEntries(Object.entries(settings).map(([name, value]) => [`KEYWARD_${name}`, value]))

async function startServer(url: string): Promise<Server> {
  const port = 20_000 + Math.floor(Math.random() * 20_000)
  const started = performance.now()
  const child: ChildProcess = spawn(process.execPath, ['--import', PROBE, 'bin/keyward.js', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...keywardEnv({
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        DATABASE_URL: url,
        ADMIN_PASSWORD: `Bench-${randomBytes(12).toString('base64url')}1!`,
      }),
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  let asked = 0
  const usage = () =>
    new Promise<{ cpuUs: number; sql: number }>((resolve) => {
      const id = ++asked
      const onMessage = (message: { id?: number; cpuUserUs: number; cpuSystemUs: number; sqlTotal: number }) => {
        if (message.id !== id) return
        child.off('message', onMessage)
        resolve({ cpuUs: message.cpuUserUs + message.cpuSystemUs, sql: message.sqlTotal })
      }
      child.on('message', onMessage)
      child.send({ type: 'stats', id })
    })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    if ((await Promise.race([exited.then(() => 'done'), sleep(10_000)])) !== 'done') child.kill('SIGKILL')
  }
  cleanups.push(stop)
  const base = `http://127.0.0.1:${port}`
  for (let tries = 0; tries < 1200; tries++) {
    if (child.exitCode !== null) throw new Error('the server exited')
    const ready = await fetch(`${base}/readyz`).then(
      (response) => response.ok,
      () => false,
    )
    if (ready) return { base, pid: child.pid!, startSeconds: (performance.now() - started) / 1000, usage, stop }
    await sleep(50)
  }
  throw new Error('the server did not become ready')
}

/** Resident and peak resident memory of a process, in MB (Linux). */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 }
}

// ---------------------------------------------------------------------------------------------
// Measurements

const headers = (secret: string) => ({ 'api-version': 'v1', 'api-secret-key': secret, 'content-type': 'application/json' })

interface Throughput {
  readonly rate: number
  readonly cpuUsPerRequest: number
  readonly sqlPerRequest: number
}

async function throughput(server: Server, sample: string[], seconds: number): Promise<Throughput> {
  const before = await server.usage()
  const result = await autocannon({
    url: `${server.base}/api/apikeys/current`,
    connections: Number(flags.connections),
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => ({ ...request, headers: headers(sample[Math.floor(Math.random() * sample.length)]!) }),
      },
    ],
  })
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`throughput: ${result.non2xx} non-2xx (${JSON.stringify(result.statusCodeStats)}), ${result.errors} errors`)
  const after = await server.usage()
  const served = result.requests.total
  return { rate: result.requests.average, cpuUsPerRequest: (after.cpuUs - before.cpuUs) / served, sqlPerRequest: (after.sql - before.sql) / served }
}

/** Asks for every sampled key once, so each is in the verifier's cache before anything is measured. */
async function warm(server: Server, sample: string[]): Promise<void> {
  for (const secret of sample) {
    const response = await fetch(`${server.base}/api/apikeys/current`, { headers: headers(secret) })
    await response.arrayBuffer()
    if (!response.ok) throw new Error(`warming: ${response.status}`)
  }
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!

/** The search pages measured: a filter made fresh for each request (i = 0, 1, …). */
function searchCases(count: number): Record<string, (i: number) => object> {
  const randomId = () => 1 + Math.floor(Math.random() * count)
  return {
    'ID paging (idTest greater-than, sortByObjectID)': () => ({
      maxItems: 25,
      sortByObjectID: true,
      searchCriteria: [{ idTest: 'greater-than', idValue: randomId() }],
    }),
    'name prefix': (i) => ({ maxItems: 25, searchCriteria: [{ fieldName: 'keyName', stringValue: `${TEAMS[i % TEAMS.length]}-${i % 97}%` }] }),
    'name prefix + count': (i) => ({
      maxItems: 25,
      countTotal: true,
      searchCriteria: [{ fieldName: 'keyName', stringValue: `${TEAMS[i % TEAMS.length]}-${i % 97}%` }],
    }),
    'sorted by keyName, page 1': () => ({ maxItems: 25, sortField: 'keyName' }),
    'sorted by created desc, page 1': () => ({ maxItems: 25, sortField: 'created', sortDescending: true }),
    'sorted by roleID, page 1': () => ({ maxItems: 25, sortField: 'roleID' }),
    'sorted by roleName, page 1': () => ({ maxItems: 25, sortField: 'roleName' }),
    'console page 1 (sort keyName, count)': () => ({ maxItems: 25, offset: 0, sortField: 'keyName', sortDescending: false, countTotal: true }),
    'console page 1 filtered (contains, sort keyName, count)': (i) => ({
      maxItems: 25,
      offset: 0,
      sortField: 'keyName',
      countTotal: true,
      searchCriteria: [{ fieldName: 'keyName', stringTest: 'contains', stringValue: `-${(i * 31) % 1000}-` }],
    }),
    'console page 100 (offset 2475, sort keyName, count)': () => ({ maxItems: 25, offset: 2475, sortField: 'keyName', countTotal: true }),
    'deep offset (100,000, sort keyName)': () => ({ maxItems: 25, offset: Math.min(100_000, count - 25), sortField: 'keyName' }),
  }
}

/** Requests of each search case not measured: the first fill the database's and the server's caches. */
const WARM_UP = 3

async function searchLatencies(server: Server, secret: string, count: number, samples: number) {
  const results: Record<string, { p50: number; p99: number; max: number; samples: number; total?: string }> = {}
  const measured = new RegExp(flags.cases ?? '')
  for (const [name, filterOf] of Object.entries(searchCases(count)).filter(([name]) => measured.test(name))) {
    const times: number[] = []
    let total: string | undefined
    const caseStarted = performance.now()
    for (let i = 0; i < samples + WARM_UP; i++) {
      if (times.length >= 5 && performance.now() - caseStarted > Number(flags['case-seconds']) * 1000) break
      const started = performance.now()
      const response = await fetch(`${server.base}/api/apikeys/search`, { method: 'POST', headers: headers(secret), body: JSON.stringify(filterOf(i)) })
      await response.arrayBuffer()
      if (!response.ok) throw new Error(`search "${name}": ${response.status}`)
      // A count past KEYWARD_SEARCH_COUNT_LIMIT is a lower bound: "10000+".
      if (i === WARM_UP && response.headers.has('x-total-count'))
        total = `${response.headers.get('x-total-count')}${response.headers.get('x-total-count-relation') === 'gte' ? '+' : ''}`
      if (i >= WARM_UP) times.push(performance.now() - started)
    }
    times.sort((a, b) => a - b)
    results[name] = { p50: quantile(times, 0.5), p99: quantile(times, 0.99), max: times.at(-1)!, samples: times.length, total }
  }
  return results
}

/** One list request, with /healthz asked every 10 ms meanwhile: the longest wait is the event loop's blocking. */
async function listProbe(server: Server, secret: string) {
  let listing = true
  let worstHealthMs = 0
  let healthFailures = 0
  const prober = (async () => {
    while (listing) {
      const started = performance.now()
      // A keep-alive socket the server closed after a long block answers ECONNRESET: counted.
      await fetch(`${server.base}/healthz`).then(
        (r) => r.arrayBuffer(),
        () => healthFailures++,
      )
      worstHealthMs = Math.max(worstHealthMs, performance.now() - started)
      await sleep(10)
    }
  })()
  const before = memoryOf(server.pid)
  const started = performance.now()
  const response = await fetch(`${server.base}/api/apikeys`, { headers: headers(secret) })
  const bytes = (await response.arrayBuffer()).byteLength
  const seconds = (performance.now() - started) / 1000
  listing = false
  await prober
  const after = memoryOf(server.pid)
  return { status: response.status, seconds, megabytes: bytes / 1e6, worstHealthMs, healthFailures, rssBeforeMb: before.rssMb, peakRssMb: after.peakMb }
}

// ---------------------------------------------------------------------------------------------

async function measureEngine(engine: Engine) {
  const big = await seedOrReuse(engine, bigCount)
  const small = await seedOrReuse(engine, SMALL_COUNT)
  const bigServer = await startServer(big.url)
  const smallServer = await startServer(small.url)
  log(`${engine}: started in ${bigServer.startSeconds.toFixed(1)} s (${bigCount} keys) / ${smallServer.startSeconds.toFixed(1)} s (${SMALL_COUNT} keys)`)
  const memoryAtStart = { big: memoryOf(bigServer.pid), small: memoryOf(smallServer.pid) }

  // Warm both caches with every sampled key, then alternate.
  await warm(bigServer, big.sample)
  await warm(smallServer, small.sample)
  const rounds: { big: Throughput; small: Throughput }[] = []
  for (let round = 0; round < Number(flags.rounds); round++) {
    const bigRun = await throughput(bigServer, big.sample, Number(flags.duration))
    const smallRun = await throughput(smallServer, small.sample, Number(flags.duration))
    rounds.push({ big: bigRun, small: smallRun })
    log(
      `${engine}: round ${round + 1}: ${bigRun.rate.toFixed(0)} req/s, ${bigRun.cpuUsPerRequest.toFixed(0)} µs CPU, ${bigRun.sqlPerRequest.toFixed(3)} SQL a request at ${bigCount} keys; ${smallRun.rate.toFixed(0)}, ${smallRun.cpuUsPerRequest.toFixed(0)} µs, ${smallRun.sqlPerRequest.toFixed(3)} at ${SMALL_COUNT}`,
    )
  }
  const memoryAfterAuth = { big: memoryOf(bigServer.pid), small: memoryOf(smallServer.pid) }

  const search = {
    big: await searchLatencies(bigServer, big.first.secret, bigCount, Number(flags.samples)),
    small: await searchLatencies(smallServer, small.first.secret, SMALL_COUNT, 50),
  }
  log(`${engine}: searches measured`)
  const list = flags['skip-list'] ? {} : { big: await listProbe(bigServer, big.first.secret), small: await listProbe(smallServer, small.first.secret) }
  if (!flags['skip-list']) log(`${engine}: list measured`)
  await bigServer.stop()
  await smallServer.stop()
  const sum = (pick: (r: { big: Throughput; small: Throughput }) => number) => rounds.reduce((total, r) => total + pick(r), 0)
  return {
    engine,
    keys: bigCount,
    seedSeconds: big.seconds,
    startSeconds: { big: bigServer.startSeconds, small: smallServer.startSeconds },
    memoryAtStart,
    memoryAfterAuth,
    rounds,
    throughputRatio: sum((r) => r.big.rate) / sum((r) => r.small.rate),
    /** Requests the server can serve per CPU second at 1M keys, over those at 1K: the throughput ratio the CPU allows. */
    cpuRatio: sum((r) => r.small.cpuUsPerRequest) / sum((r) => r.big.cpuUsPerRequest),
    search,
    list,
  }
}

function report(results: Awaited<ReturnType<typeof measureEngine>>[]): string {
  const f = (n: number, d = 1) => n.toFixed(d)
  const lines = [
    `load average ${os
      .loadavg()
      .map((n) => f(n, 2))
      .join(' ')}, ${os.cpus().length} CPUs`,
    '',
  ]
  for (const r of results) {
    lines.push(`### ${r.engine}: ${r.keys} keys (seeded in ${f(r.seedSeconds)} s)`, '')
    lines.push(
      `- start-up to /readyz: ${f(r.startSeconds.big)} s at ${r.keys} keys, ${f(r.startSeconds.small)} s at ${SMALL_COUNT}; RSS at start ${f(r.memoryAtStart.big.rssMb, 0)} / ${f(r.memoryAtStart.small.rssMb, 0)} MB, after the throughput runs (1,000 keys cached) ${f(r.memoryAfterAuth.big.rssMb, 0)} / ${f(r.memoryAfterAuth.small.rssMb, 0)} MB`,
      `- authenticated throughput (GET /api/apikeys/current, random key of 1,000): ${r.rounds.map((x) => `${f(x.big.rate, 0)} vs ${f(x.small.rate, 0)}`).join('; ')} req/s → ratio **${f(r.throughputRatio, 3)}** (goal ≥ 0.90)`,
      `- server CPU a request at ${r.keys} vs ${SMALL_COUNT} keys: ${r.rounds.map((x) => `${f(x.big.cpuUsPerRequest, 0)} vs ${f(x.small.cpuUsPerRequest, 0)} µs`).join('; ')} → ratio **${f(r.cpuRatio, 3)}**; SQL statements a request ${r.rounds.map((x) => `${f(x.big.sqlPerRequest, 3)} vs ${f(x.small.sqlPerRequest, 3)}`).join('; ')}`,
      '',
      `| search page (maxItems 25) | p50 ms at ${r.keys} | p99 ms at ${r.keys} | max ms | samples | X-Total-Count | p50 ms at ${SMALL_COUNT} | p99 ms at ${SMALL_COUNT} |`,
      '|---|---:|---:|---:|---:|---:|---:|---:|',
    )
    for (const [name, s] of Object.entries(r.search.big)) {
      const t = r.search.small[name]!
      lines.push(`| ${name} | ${f(s.p50)} | ${f(s.p99)} | ${f(s.max)} | ${s.samples} | ${s.total ?? ''} | ${f(t.p50)} | ${f(t.p99)} |`)
    }
    lines.push('')
    for (const [size, l] of Object.entries(r.list)) {
      lines.push(
        `- GET /api/apikeys (${size === 'big' ? r.keys : SMALL_COUNT} keys): ${l.status}, ${f(l.megabytes)} MB in ${f(l.seconds, 2)} s; worst /healthz wait meanwhile ${f(l.worstHealthMs, 0)} ms (${l.healthFailures} failed); server RSS ${f(l.rssBeforeMb, 0)} MB before, peak ${f(l.peakRssMb, 0)} MB`,
      )
    }
    lines.push('')
  }
  return lines.join('\n')
}

async function main(): Promise<void> {
  const results = []
  try {
    if (flags['seed-only']) {
      for (const engine of engines) for (const count of [bigCount, SMALL_COUNT]) await seedOrReuse(engine, count)
      return
    }
    for (const engine of engines) {
      results.push(await measureEngine(engine))
      console.log(report(results.slice(-1)))
    }
  } finally {
    await cleanUp()
  }
  const dir = fileURLToPath(new URL('results', import.meta.url))
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `million-keys-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.json`)
  writeFileSync(file, JSON.stringify({ loadavg: os.loadavg(), results }, null, 2))
  log(`written to ${file}`)
}

await main()
