/**
 * Hot-path benchmark: is an authenticated call as cheap as a trivial one?
 *
 * For each engine it starts the real server as a separate process (`node bin/keyward.js serve`,
 * so load generator and server do not share an event loop) on a fresh database, creates a Full
 * Access key with the CLI, warms up, and then drives, over loopback HTTP with autocannon,
 *   (a) GET /healthz                (unauthenticated, trivial) and
 *   (b) GET /api/apikeys/current    (api-version: v1, api-secret-key: <secret>)
 * alternately a→b→a→b…, each for the same duration, so noise on this shared machine hits both.
 * It reports requests/s, p50/p99 latency, the ratio b/a, the server's CPU time per request
 * and how many SQL statements the server ran in each phase (and, on PostgreSQL, the database's
 * own counters from pg_stat_database): a cached valid key must read no database.
 *
 *   npx tsx bench/verify-hot-path.ts [--engine sqlite|postgres|both] [--duration 10]
 *     [--connections 50] [--rounds 2] [--warmup 3] [--cpu-prof] [--check]
 *
 * PostgreSQL: KEYWARD_BENCH_POSTGRES_URL (default postgres://keyward:keyward@127.0.0.1:5432/postgres);
 * a database `keyward_bench_…` is created on that server and dropped afterwards.
 *
 * @module
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes, randomInt } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { parseArgs, promisify } from 'node:util'
import autocannon, { type Result } from 'autocannon'
import pg from 'pg'
import { createSecret } from '../src/auth/secret-format.js'
import {
  addProjectRoot,
  compareProfiles,
  formatComparison,
  formatSummary,
  summariseProfile,
  type CpuProfile,
  type ProfileComparison,
  type ProfileSummary,
} from './cpuprofile-summary.js'
import { FLOOD_PARTS, splitFloodProfile, type FloodPart } from './flood-profile.js'
import { freePort } from './free-port.js'

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url))
const PROBE = fileURLToPath(new URL('./server-probe.mjs', import.meta.url))
const TARGET_RATIO = 0.9
/** Issue 12, goal 3: the verify operation against bare Fastify answering the same JSON. */
const VERIFY_TARGET_RATIO = 0.85
const DEFAULT_POSTGRES_URL = 'postgres://keyward:keyward@127.0.0.1:5432/postgres'
const run = promisify(execFile)

type Engine = 'sqlite' | 'postgres'
type RouteName =
  | 'trivial'
  | 'authenticated'
  | 'bareTrivial'
  | 'bareAuthenticated'
  | 'verify'
  | 'bareVerify'
  | 'floodedAuthenticated'
  | 'floodedBareAuthenticated'
/** Issue 12, goal 4: a flood of bad secrets slows valid keys by at most this. */
const FLOOD_SLOWDOWN_TARGET = 0.1

// ---------------------------------------------------------------------------------------------
// Options

const { values: flags } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '2' },
    warmup: { type: 'string', default: '3' },
    settle: { type: 'string', default: '1.5' },
    pin: { type: 'string', default: 'auto' },
    'cpu-prof': { type: 'boolean', default: false },
    'profile-dir': { type: 'string' },
    check: { type: 'boolean', default: false },
    root: { type: 'string' },
    flood: { type: 'boolean', default: false },
    'flood-rate': { type: 'string', default: '1000' },
    'flood-connections': { type: 'string', default: '60' },
    'semi-space': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
})

if (flags.help) {
  console.log(`usage: npx tsx bench/verify-hot-path.ts [options]
  --engine sqlite|postgres|both   engines to measure (default both)
  --duration <s>                  seconds per measured phase (default 10)
  --connections <n>               autocannon connections (default 50)
  --rounds <n>                    trivial→authenticated rounds (default 2, at least 2)
  --warmup <s>                    seconds of unrecorded load per route first (default 3)
  --settle <s>                    pause around each phase (default 1.5)
  --pin auto|on|off               run the server on the last CPU and the load generator on
                                  CPU 0 (taskset), so they do not take each other's core;
                                  auto: when taskset exists and there are 2+ CPUs (default)
  --cpu-prof                      after the measured rounds, profile the server during one
                                  phase of each route, Keyward's and bare Fastify's (V8 CPU profiler), and
                                  with --flood one flooded authenticated phase
  --profile-dir <dir>             where .cpuprofile files go (default: a temp folder)
  --check                         exit 1 when an engine is below the ${TARGET_RATIO * 100}% target
  --root <dir>                    run the server and CLI of another checkout (with node_modules),
                                  e.g. a \`git archive\` of a commit; default: this checkout
  --flood                         also measure /api/apikeys/current (Keyward and bare) while a
                                  second load generator sends bad secrets (goal 4)
  --flood-rate <n>                the flood's requests/s in all (default 1000)
  --flood-connections <n>         the flood's connections (default 60: Keyward holds a secret
                                  naming an ID above its highest key up to 50 ms, so 10
                                  connections sent only half of 1,000 req/s)
  --semi-space <MB>               run both servers with V8's young generation fixed at this
                                  size per semi-space, so that no round depends on when V8
                                  resizes it (default: V8's own sizing, as users run it)
env KEYWARD_BENCH_POSTGRES_URL    PostgreSQL server (default ${DEFAULT_POSTGRES_URL})`)
  process.exit(0)
}

function numberFlag(name: string, value: string | undefined, min: number): number {
  const n = Number(value)
  if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number of at least ${min} (got "${value}")`)
  return n
}

const engines: Engine[] = flags.engine === 'both' ? ['sqlite', 'postgres'] : flags.engine === 'sqlite' || flags.engine === 'postgres' ? [flags.engine] : []
if (engines.length === 0) throw new Error(`--engine must be sqlite, postgres or both (got "${flags.engine}")`)
const duration = numberFlag('duration', flags.duration, 1)
const connections = numberFlag('connections', flags.connections, 1)
const rounds = numberFlag('rounds', flags.rounds, 2)
const warmup = numberFlag('warmup', flags.warmup, 0)
const settleMs = numberFlag('settle', flags.settle, 0) * 1000
const floodRate = numberFlag('flood-rate', flags['flood-rate'], 1)
const floodConnections = numberFlag('flood-connections', flags['flood-connections'], 1)
/** V8 options of both servers: V8 grows and shrinks the young generation by itself, and how often it scavenges (so a request's CPU) follows. */
const v8Options =
  flags['semi-space'] === undefined
    ? []
    : [`--min-semi-space-size=${numberFlag('semi-space', flags['semi-space'], 1)}`, `--max-semi-space-size=${flags['semi-space']}`]
const postgresUrl = process.env.KEYWARD_BENCH_POSTGRES_URL || DEFAULT_POSTGRES_URL
if (!['auto', 'on', 'off'].includes(flags.pin!)) throw new Error(`--pin must be auto, on or off (got "${flags.pin}")`)
/** The checkout whose server and CLI are measured. */
const ROOT = resolve(flags.root ?? join(BENCH_DIR, '..'))
addProjectRoot(ROOT)

// ---------------------------------------------------------------------------------------------
// CPU pinning

/**
 * The CPUs the load generator (this process) and the server are pinned to, or undefined when
 * not pinning. On a 2-core machine an unpinned server and load generator take turns on both
 * cores, and each round's share of CPU time then decides its throughput as much as the route does.
 */
async function choosePinning(): Promise<{ loadGenerator: number; server: number } | undefined> {
  if (flags.pin === 'off') return undefined
  const cpus = os.availableParallelism()
  const usable =
    cpus >= 2 &&
    (await run('taskset', ['-V']).then(
      () => true,
      () => false,
    ))
  if (!usable) {
    if (flags.pin === 'on') throw new Error('--pin on needs taskset (util-linux) and at least 2 CPUs')
    return undefined
  }
  return { loadGenerator: 0, server: cpus - 1 }
}

/** Pins every thread of a process to one CPU. */
async function pin(pid: number, cpu: number): Promise<void> {
  await run('taskset', ['--all-tasks', '--cpu-list', '--pid', String(cpu), String(pid)])
}

let pinning: { loadGenerator: number; server: number } | undefined

// ---------------------------------------------------------------------------------------------
// Clean-up that also runs on Ctrl-C

const cleanups: (() => Promise<void>)[] = []
async function cleanUp(): Promise<void> {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()!()
    } catch (error) {
      console.error('clean-up failed:', error)
    }
  }
}
process.once('SIGINT', () => {
  console.error('\ninterrupted: cleaning up')
  void cleanUp().finally(() => process.exit(130))
})

// ---------------------------------------------------------------------------------------------
// The server child

interface ProbeStats {
  readonly hooked: string[]
  readonly cpuUserUs: number
  readonly cpuSystemUs: number
  readonly elu: { idle: number; active: number; utilization: number }
  readonly sqlTotal: number
  readonly sqlStatements: Record<string, number>
  readonly rssBytes: number
  readonly heapUsedBytes: number
  readonly newSpaceBytes: number
  readonly gc: GcTally
}

/** Garbage collections by kind: how many, and their pauses added up in ms. */
type GcTally = Record<'minor' | 'major' | 'incremental' | 'weakcb', { count: number; ms: number }>

class ServerChild {
  readonly baseUrl: string
  readonly #child: ChildProcess
  #output = ''
  #exited: Promise<number | null>
  #nextId = 1
  readonly #waiting = new Map<number, { resolve: (reply: Record<string, unknown>) => void; reject: (error: Error) => void }>()

  private constructor(child: ChildProcess, port: number) {
    this.#child = child
    this.baseUrl = `http://127.0.0.1:${port}`
    const keep = (chunk: Buffer) => {
      this.#output = (this.#output + chunk.toString()).slice(-20_000)
    }
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    child.on('message', (reply: Record<string, unknown>) => {
      const waiting = this.#waiting.get(reply.id as number)
      if (!waiting) return
      this.#waiting.delete(reply.id as number)
      if (reply.type === 'error') waiting.reject(new Error(`server probe: ${String(reply.error)}`))
      else waiting.resolve(reply)
    })
    this.#exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)))
    void this.#exited.then(() => {
      for (const waiting of this.#waiting.values()) waiting.reject(new Error(`the server exited:\n${this.#output}`))
      this.#waiting.clear()
    })
  }

  get pid(): number | undefined {
    return this.#child.pid
  }

  get output(): string {
    return this.#output
  }

  /** Keyward itself, or (`bare` given) the bare Fastify reference server answering those bodies. */
  static async start(databaseUrl: string, bare?: { healthz: string; current: string; verify: string }): Promise<ServerChild> {
    const port = await freePort()
    const script = bare ? join(BENCH_DIR, 'bare-fastify.mjs') : 'bin/keyward.js'
    const child = spawn(process.execPath, [...v8Options, '--import', PROBE, script, ...(bare ? [] : ['serve'])], {
      cwd: ROOT,
      env: {
        ...process.env,
        KEYWARD_HOST: '127.0.0.1',
        KEYWARD_PORT: String(port),
        KEYWARD_LOG_LEVEL: 'warn',
        KEYWARD_DATABASE_URL: databaseUrl,
        // The password policy asks for letters and digits, which random base64 may lack.
        KEYWARD_ADMIN_PASSWORD: `${randomBytes(18).toString('base64url')}a1`,
        // The flood comes from one address; the throttle would answer most of it with a cheap
        // 429. Off, every bad secret is checked and booked, as from a botnet of addresses.
        ...(flags.flood ? { KEYWARD_AUTH_FAILURES_PER_MINUTE: '1000000000' } : {}),
        ...(bare ? { BARE_HEALTHZ_BODY: bare.healthz, BARE_CURRENT_BODY: bare.current, BARE_VERIFY_BODY: bare.verify } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    })
    const server = new ServerChild(child, port)
    cleanups.push(() => server.stop())
    await server.#waitReady()
    return server
  }

  async #waitReady(): Promise<void> {
    const deadline = Date.now() + 60_000
    let exited = false
    void this.#exited.then(() => (exited = true))
    while (Date.now() < deadline && !exited) {
      try {
        const response = await fetch(`${this.baseUrl}/readyz`)
        if (response.status === 200) return
      } catch {
        // not listening yet
      }
      await sleep(100)
    }
    throw new Error(`the server did not become ready${exited ? ' (it exited)' : ''}:\n${this.#output}`)
  }

  ask(message: Record<string, unknown>): Promise<Record<string, unknown>> {
    const id = this.#nextId++
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject })
      this.#child.send({ ...message, id })
    })
  }

  async stats(): Promise<ProbeStats> {
    return (await this.ask({ type: 'stats' })) as unknown as ProbeStats
  }

  async stop(): Promise<void> {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return
    this.#child.kill('SIGTERM')
    const code = await Promise.race([this.#exited, sleep(10_000).then(() => 'timeout' as const)])
    if (code === 'timeout') {
      this.#child.kill('SIGKILL')
      await this.#exited
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Databases

interface Database {
  readonly url: string
  /** pg_stat_database counters of the benchmark database (PostgreSQL only). */
  readonly pgStats?: () => Promise<PgStats>
}

interface PgStats {
  readonly xact_commit: number
  readonly xact_rollback: number
  readonly tup_returned: number
  readonly tup_fetched: number
  readonly tup_inserted: number
  readonly tup_updated: number
  readonly tup_deleted: number
}

async function createDatabase(engine: Engine): Promise<Database> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(os.tmpdir(), 'keyward-bench-'))
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }))
    return { url: `sqlite:${join(dir, 'keyward.db')}` }
  }
  const admin = new pg.Pool({ connectionString: postgresUrl, max: 1 })
  cleanups.push(() => admin.end())
  const name = `keyward_bench_${Date.now()}_${process.pid}`
  await admin.query(`CREATE DATABASE ${name}`)
  cleanups.push(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  })
  const url = new URL(postgresUrl)
  url.pathname = `/${name}`
  return {
    url: url.href,
    pgStats: async () => {
      const { rows } = await admin.query(
        `SELECT xact_commit, xact_rollback, tup_returned, tup_fetched, tup_inserted, tup_updated, tup_deleted
           FROM pg_stat_database WHERE datname = $1`,
        [name],
      )
      const row = rows[0] as Record<string, string>
      return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as unknown as PgStats
    },
  }
}

async function createKey(databaseUrl: string): Promise<{ id: number; secret: string }> {
  const { stdout } = await run(
    process.execPath,
    ['bin/keyward.js', 'apikeys', 'create', '--name', 'bench', '--role', 'Full Access', '--json', '--database-url', databaseUrl],
    { cwd: ROOT, env: { ...process.env, KEYWARD_LOG_LEVEL: 'warn' } },
  )
  const body = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { ID: number; secretKey: string }
  if (!body.secretKey) throw new Error(`apikeys create printed no secretKey:\n${stdout}`)
  return { id: body.ID, secret: body.secretKey }
}

// ---------------------------------------------------------------------------------------------
// Phases

interface RouteSpec {
  readonly name: RouteName
  readonly path: string
  readonly headers: Record<string, string>
  readonly method?: 'POST'
  readonly body?: string
  /** Makes the bad secrets a second load generator sends to the same server during the phase, in turn. */
  readonly flood?: () => readonly string[]
}

interface FloodResult {
  readonly total: number
  readonly errors: number
  readonly statusCodes: Record<string, number>
}

/**
 * Starts the flood's own process (pinned with the load generator) and returns the function
 * that sets it going, so it and the measured load start together.
 */
async function prepareFlood(server: ServerChild, secrets: readonly string[]): Promise<() => Promise<FloodResult>> {
  const child = spawn(process.execPath, [join(BENCH_DIR, 'flood-client.mjs')], {
    cwd: BENCH_DIR,
    env: {
      ...process.env,
      FLOOD_URL: server.baseUrl,
      FLOOD_RATE: String(floodRate),
      FLOOD_CONNECTIONS: String(floodConnections),
      FLOOD_SECONDS: String(duration),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  cleanups.push(async () => void child.kill())
  if (pinning && child.pid !== undefined) await pin(child.pid, pinning.loadGenerator)
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the flood client exited (${code})`))))
  await Promise.race([new Promise((resolve) => child.once('message', resolve)), exited])
  return async () => {
    const result = new Promise<FloodResult & { error?: string }>((resolve) => child.once('message', resolve))
    child.send({ secrets })
    const flood = await Promise.race([result, exited])
    if (flood.error) throw new Error(`flood: ${flood.error}`)
    return flood
  }
}

interface PhaseResult {
  readonly route: RouteName
  readonly round: number
  readonly requestsPerSecond: number
  readonly requestsTotal: number
  readonly latencyP50Ms: number
  readonly latencyP99Ms: number
  readonly latencyMeanMs: number
  readonly non2xx: number
  readonly errors: number
  readonly timeouts: number
  readonly statusCodes: Record<string, number>
  /** Server CPU time (user + system) per request, in µs. */
  readonly serverCpuUsPerRequest: number
  /** The kernel's part of it (system time: sockets, loopback TCP), in µs. */
  readonly serverSystemCpuUsPerRequest: number
  /** Server CPU time over wall time of the phase (1 = one core busy). */
  readonly serverCpuCores: number
  readonly serverEventLoopUtilization: number
  /** Load generator (this process) CPU over wall time. */
  readonly loadGeneratorCpuCores: number
  readonly sqlStatements: number
  readonly sqlByStatement: Record<string, number>
  /** The server's garbage collections during the phase. */
  readonly serverGc: GcTally
  /** The server's heap in use, its young generation's size and its RSS at the phase's end, in MB. */
  readonly serverHeapUsedMB: number
  readonly serverNewSpaceMB: number
  readonly serverRssMB: number
  readonly pgStatsDelta?: PgStats
  /** What the second load generator sent and got, when the phase was flooded. */
  readonly flood?: FloodResult
}

function diffStatements(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const [sql, n] of Object.entries(after)) {
    const d = n - (before[sql] ?? 0)
    if (d > 0) out[sql] = d
  }
  return out
}

function diffPg(after: PgStats, before: PgStats): PgStats {
  return Object.fromEntries(Object.keys(after).map((k) => [k, after[k as keyof PgStats] - before[k as keyof PgStats]])) as unknown as PgStats
}

function load(server: ServerChild, route: RouteSpec, seconds: number): Promise<Result> {
  return autocannon({
    url: `${server.baseUrl}${route.path}`,
    method: route.method ?? 'GET',
    headers: route.headers,
    body: route.body,
    connections,
    duration: seconds,
    title: route.name,
  })
}

function assertAllOk(result: Result, what: string): void {
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0 || result.requests.total === 0) {
    throw new Error(
      `${what}: ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts of ${result.requests.total} requests; ` +
        `status codes ${JSON.stringify(result.statusCodeStats)}`,
    )
  }
}

async function measurePhase(server: ServerChild, db: Database, route: RouteSpec, round: number): Promise<PhaseResult> {
  await sleep(settleMs)
  const startFlood = route.flood ? await prepareFlood(server, route.flood()) : undefined
  const pgBefore = await db.pgStats?.()
  const before = await server.stats()
  const startedAt = process.hrtime.bigint()
  const ownBefore = process.cpuUsage()
  const [result, flood] = await Promise.all([load(server, route, duration), startFlood?.()])
  const own = process.cpuUsage(ownBefore)
  const wallUs = Number(process.hrtime.bigint() - startedAt) / 1000
  const after = await server.stats()
  await sleep(settleMs)
  const pgAfter = await db.pgStats?.()
  assertAllOk(result, `${route.name} round ${round}`)

  if (flood && (flood.errors > 0 || flood.total === 0))
    throw new Error(`${route.name} round ${round}: the flood had ${flood.errors} errors of ${flood.total} requests`)
  const cpuUs = after.cpuUserUs + after.cpuSystemUs - before.cpuUserUs - before.cpuSystemUs
  // Server CPU and SQL per request count the flood's requests too.
  const served = result.requests.total + (flood?.total ?? 0)
  const active = after.elu.active - before.elu.active
  const idle = after.elu.idle - before.elu.idle
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, Number(s.count)]))
  return {
    route: route.name,
    round,
    requestsPerSecond: result.requests.average,
    requestsTotal: result.requests.total,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMeanMs: result.latency.average,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    serverCpuUsPerRequest: cpuUs / served,
    serverSystemCpuUsPerRequest: (after.cpuSystemUs - before.cpuSystemUs) / served,
    serverCpuCores: cpuUs / wallUs,
    serverEventLoopUtilization: active / (active + idle),
    loadGeneratorCpuCores: (own.user + own.system) / wallUs,
    sqlStatements: after.sqlTotal - before.sqlTotal,
    sqlByStatement: diffStatements(after.sqlStatements, before.sqlStatements),
    serverGc: Object.fromEntries(
      Object.entries(after.gc).map(([kind, { count, ms }]) => [
        kind,
        { count: count - before.gc[kind as keyof GcTally].count, ms: ms - before.gc[kind as keyof GcTally].ms },
      ]),
    ) as GcTally,
    serverHeapUsedMB: after.heapUsedBytes / 1e6,
    serverNewSpaceMB: after.newSpaceBytes / 1e6,
    serverRssMB: after.rssBytes / 1e6,
    ...(pgBefore && pgAfter ? { pgStatsDelta: diffPg(pgAfter, pgBefore) } : {}),
    ...(flood ? { flood } : {}),
  }
}

// ---------------------------------------------------------------------------------------------
// One engine

interface RouteSummary {
  readonly requestsPerSecond: number
  readonly latencyP50Ms: number
  readonly latencyP99Ms: number
  readonly serverCpuUsPerRequest: number
  readonly sqlStatementsPerRequest: number
}

interface VersusBare {
  readonly ratio: number
  readonly medianRoundRatio: number
  readonly bestRoundRatio: number
  readonly meetsTarget: boolean
}

interface EngineResult {
  readonly engine: Engine
  readonly databaseUrl: string
  readonly keyId: number
  readonly startupSqlStatements: number
  readonly probeHooked: string[]
  readonly phases: PhaseResult[]
  readonly summary: Partial<Record<RouteName, RouteSummary>> & Record<Exclude<RouteName, `flooded${string}`>, RouteSummary>
  /** Mean authenticated req/s ÷ mean trivial req/s. */
  readonly ratio: number
  /** Each round's authenticated ÷ the same round's trivial. */
  readonly roundRatios: number[]
  /** The median of {@link roundRatios}: one round disturbed by a neighbour moves it little. */
  readonly medianRoundRatio: number
  /** Trivial CPU per request ÷ authenticated CPU per request (the capacity ratio if the server is CPU-bound). */
  readonly cpuRatio: number
  /**
   * The same two ratios from each route's best round (most req/s; least CPU per request).
   * Neighbours on a shared machine only ever slow a round down, so a route's best round is
   * the closest to its own cost; with many rounds these move far less than the means.
   */
  readonly bestRoundRatio: number
  readonly leastCpuRatio: number
  readonly meetsTarget: boolean
  /** Keyward `/healthz` ÷ bare Fastify answering the same body (issue 12, goal 1). */
  readonly healthzVsBare: VersusBare
  /** Keyward `/api/apikeys/current` ÷ bare Fastify answering the same JSON to the same headers (goal 2). */
  readonly currentVsBare: VersusBare
  /** Keyward `POST /api/apikeys/verify` ÷ bare Fastify answering the same JSON to the same request (goal 3, target 0.85). */
  readonly verifyVsBare: VersusBare
  /** Valid keys alone and during a flood of bad secrets, Keyward and bare (goal 4), with `--flood`. */
  readonly flood?: FloodSummary
  readonly profiles?: {
    route: RouteName
    file: string
    requestsPerSecond: number
    requestsTotal: number
    summary: ProfileSummary
    /** The flooded phase's: the flood's requests, and busy µs by part (bench/flood-profile.ts). */
    floodRequestsTotal?: number
    floodSplit?: Record<FloodPart, number>
  }[]
  /** Extra CPU per request of the authenticated route over the trivial one, from the profiles. */
  readonly profileComparison?: ProfileComparison
}

interface FloodSummary {
  /** 1 − valid req/s during the flood ÷ alone (mean of rounds), Keyward and bare Fastify under the same flood. */
  readonly slowdown: number
  readonly bareSlowdown: number
  readonly medianRoundSlowdown: number
  readonly bareMedianRoundSlowdown: number
  readonly meetsTarget: boolean
  readonly floodRequestsPerSecond: number
  readonly floodStatusCodes: Record<string, number>
  /** SQL statements the server ran per flood request (valid keys run none). */
  readonly sqlStatementsPerFloodRequest: number
}

/**
 * Goal 4's phases: the valid key's `/api/apikeys/current` on Keyward and on bare Fastify, each
 * while a second load generator sends a wrong secret of the same key (checked and booked), a
 * malformed secret (refused by its checksum) and a secret of a key that does not exist, in turn.
 * Each phase's unknown keys are new and distinct (well-formed secrets of random IDs: the checksum
 * is public), more than the phase sends, so none of them can have been looked up before.
 */
function flooded(server: ServerChild, bare: ServerChild, route: RouteSpec, keyId: number): [ServerChild, RouteSpec][] {
  const flood = () => {
    const secrets = []
    for (let i = 0; i < Math.ceil((floodRate * duration) / 3) * 2; i++) {
      secrets.push(createSecret(keyId), `kw_${keyId}_${'x'.repeat(49)}`, createSecret(1_000_000_000 + randomInt(1_000_000_000)))
    }
    return secrets
  }
  return [
    [server, { ...route, name: 'floodedAuthenticated', flood }],
    [bare, { ...route, name: 'floodedBareAuthenticated', flood }],
  ]
}

function floodSummary(phases: PhaseResult[], roundRatiosOf: (numerator: RouteName, denominator: RouteName) => number[]): FloodSummary {
  const slowdown = (numerator: RouteName, denominator: RouteName) =>
    1 - summarise(phases, numerator).requestsPerSecond / summarise(phases, denominator).requestsPerSecond
  const flooded = phases.filter((p) => p.route === 'floodedAuthenticated')
  const floodTotal = flooded.reduce((a, p) => a + (p.flood?.total ?? 0), 0)
  const floodStatusCodes: Record<string, number> = {}
  for (const p of flooded) for (const [code, n] of Object.entries(p.flood?.statusCodes ?? {})) floodStatusCodes[code] = (floodStatusCodes[code] ?? 0) + n
  const result = {
    slowdown: slowdown('floodedAuthenticated', 'authenticated'),
    bareSlowdown: slowdown('floodedBareAuthenticated', 'bareAuthenticated'),
    medianRoundSlowdown: 1 - median(roundRatiosOf('floodedAuthenticated', 'authenticated')),
    bareMedianRoundSlowdown: 1 - median(roundRatiosOf('floodedBareAuthenticated', 'bareAuthenticated')),
    floodRequestsPerSecond: floodTotal / (flooded.length * duration),
    floodStatusCodes,
    sqlStatementsPerFloodRequest: flooded.reduce((a, p) => a + p.sqlStatements, 0) / floodTotal,
  }
  return { ...result, meetsTarget: result.slowdown <= FLOOD_SLOWDOWN_TARGET }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
const best = (phases: PhaseResult[], route: RouteName, value: (p: PhaseResult) => number, pick: (...xs: number[]) => number) =>
  pick(...phases.filter((p) => p.route === route).map(value))
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function summarise(phases: PhaseResult[], route: RouteName): RouteSummary {
  const mine = phases.filter((p) => p.route === route)
  return {
    requestsPerSecond: mean(mine.map((p) => p.requestsPerSecond)),
    latencyP50Ms: mean(mine.map((p) => p.latencyP50Ms)),
    latencyP99Ms: mean(mine.map((p) => p.latencyP99Ms)),
    serverCpuUsPerRequest: mean(mine.map((p) => p.serverCpuUsPerRequest)),
    sqlStatementsPerRequest: mine.reduce((a, p) => a + p.sqlStatements, 0) / mine.reduce((a, p) => a + p.requestsTotal, 0),
  }
}

async function measureEngine(engine: Engine, stamp: string): Promise<EngineResult> {
  const mark = cleanups.length
  try {
    log(`\n=== ${engine} ===`)
    const db = await createDatabase(engine)
    log(`database ${engine === 'postgres' ? db.url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@') : db.url}`)
    const server = await ServerChild.start(db.url)
    if (pinning && server.pid !== undefined) await pin(server.pid, pinning.server)
    log(`server pid ${server.pid} on ${server.baseUrl}${pinning ? `, pinned to CPU ${pinning.server}` : ''}`)
    const key = await createKey(db.url)
    log(`created Full Access key ${key.id} with the CLI`)

    const routes: Record<'trivial' | 'authenticated' | 'verify', RouteSpec> = {
      trivial: { name: 'trivial', path: '/healthz', headers: {} },
      authenticated: { name: 'authenticated', path: '/api/apikeys/current', headers: { 'api-version': 'v1', 'api-secret-key': key.secret } },
      // The key verifies its own secret: a service asking about the secret its caller sent.
      verify: {
        name: 'verify',
        path: '/api/apikeys/verify',
        method: 'POST',
        headers: { 'api-version': 'v1', 'api-secret-key': key.secret, 'content-type': 'application/json' },
        body: JSON.stringify({ secretKey: key.secret }),
      },
    }

    // One request each, checked by hand, before any load.
    const check = await fetch(`${server.baseUrl}${routes.authenticated.path}`, { headers: routes.authenticated.headers })
    const currentBody = await check.text()
    const body = JSON.parse(currentBody) as { ID?: number; roleURN?: string }
    if (check.status !== 200 || body.ID !== key.id) throw new Error(`GET /api/apikeys/current answered ${check.status}: ${currentBody}`)
    const health = await fetch(`${server.baseUrl}/healthz`)
    const healthBody = await health.text()
    if (health.status !== 200) throw new Error(`GET /healthz answered ${health.status}`)
    const verified = await fetch(`${server.baseUrl}${routes.verify.path}`, { method: 'POST', headers: routes.verify.headers, body: routes.verify.body })
    const verifyBody = await verified.text()
    if (verified.status !== 200 || (JSON.parse(verifyBody) as { code?: string }).code !== 'VALID')
      throw new Error(`POST /api/apikeys/verify answered ${verified.status}: ${verifyBody}`)

    // The reference: bare Fastify 5 on the same CPU, the same bodies, the same request headers.
    const bare = await ServerChild.start(db.url, { healthz: healthBody, current: currentBody, verify: verifyBody })
    if (pinning && bare.pid !== undefined) await pin(bare.pid, pinning.server)
    log(`bare Fastify pid ${bare.pid} on ${bare.baseUrl}${pinning ? `, pinned to CPU ${pinning.server}` : ''}`)
    const bareCheck = await fetch(`${bare.baseUrl}${routes.authenticated.path}`, { headers: routes.authenticated.headers })
    if ((await bareCheck.text()) !== currentBody) throw new Error('the bare server does not answer the same JSON as /api/apikeys/current')
    const measured: [ServerChild, RouteSpec][] = [
      [server, routes.trivial],
      [bare, { ...routes.trivial, name: 'bareTrivial' }],
      [server, routes.authenticated],
      [bare, { ...routes.authenticated, name: 'bareAuthenticated' }],
      ...(flags.flood ? flooded(server, bare, routes.authenticated, key.id) : []),
      [server, routes.verify],
      [bare, { ...routes.verify, name: 'bareVerify' }],
    ]

    const startup = await server.stats()
    if (warmup > 0) {
      log(`warm-up: ${warmup}s per route`)
      for (const [target, route] of measured) assertAllOk(await load(target, route, warmup), `warm-up ${route.name}`)
    }

    const phases: PhaseResult[] = []
    for (let round = 1; round <= rounds; round++) {
      for (const [target, route] of measured) {
        const phase = await measurePhase(target, db, route, round)
        phases.push(phase)
        log(
          `round ${round} ${route.name.padEnd(13)} ${phase.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${phase.latencyP50Ms} ms  p99 ${phase.latencyP99Ms} ms  ` +
            `server ${phase.serverCpuUsPerRequest.toFixed(1)} µs CPU/req (${phase.serverSystemCpuUsPerRequest.toFixed(1)} sys), ELU ${phase.serverEventLoopUtilization.toFixed(2)}, load generator ${phase.loadGeneratorCpuCores.toFixed(2)} cores  SQL ${phase.sqlStatements}  ` +
            `GC ${phase.serverGc.minor.count}+${phase.serverGc.major.count} (${(phase.serverGc.minor.ms + phase.serverGc.major.ms).toFixed(0)} ms), heap ${phase.serverHeapUsedMB.toFixed(0)} MB (young ${phase.serverNewSpaceMB.toFixed(1)}), RSS ${phase.serverRssMB.toFixed(0)} MB` +
            (phase.pgStatsDelta ? `  pg xact_commit +${phase.pgStatsDelta.xact_commit} tup_fetched +${phase.pgStatsDelta.tup_fetched}` : ''),
        )
      }
    }

    let profiles: EngineResult['profiles']
    let profileComparison: ProfileComparison | undefined
    if (flags['cpu-prof']) {
      const dir = flags['profile-dir'] ?? mkdtempSync(join(os.tmpdir(), 'keyward-bench-prof-'))
      mkdirSync(dir, { recursive: true })
      profiles = []
      for (const [target, route] of [
        [server, routes.authenticated],
        [server, routes.trivial],
        [bare, { ...routes.trivial, name: 'bareTrivial' }],
        // Goals 2 and 3: each route against bare Fastify answering the same JSON.
        [bare, { ...routes.authenticated, name: 'bareAuthenticated' }],
        [server, routes.verify],
        [bare, { ...routes.verify, name: 'bareVerify' }],
        // Where a flood of bad secrets costs Keyward (goal 4): its valid-key phase, flooded.
        ...(flags.flood ? flooded(server, bare, routes.authenticated, key.id).slice(0, 1) : []),
      ] as [ServerChild, RouteSpec][]) {
        const file = join(dir, `verify-hot-path-${stamp}-${engine}-${route.name}.cpuprofile`)
        await sleep(settleMs)
        const startFlood = route.flood ? await prepareFlood(target, route.flood()) : undefined
        await target.ask({ type: 'profile-start', intervalUs: 500 })
        const [result, flood] = await Promise.all([load(target, route, duration), startFlood?.()])
        await target.ask({ type: 'profile-stop', path: file })
        assertAllOk(result, `profiled ${route.name}`)
        const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
        const summary = summariseProfile(profile, 25)
        const floodSplit = flood && splitFloodProfile(profile)
        profiles.push({
          route: route.name,
          file,
          requestsPerSecond: result.requests.average,
          requestsTotal: result.requests.total,
          summary,
          ...(flood ? { floodRequestsTotal: flood.total, floodSplit } : {}),
        })
        log(
          `\nCPU profile of the server, ${engine}, ${route.name} (${result.requests.average.toFixed(0)} req/s while profiled${flood ? `, and ${(flood.total / duration).toFixed(0)} flood req/s` : ''}): ${file}\n`,
        )
        log(formatSummary(summary))
        if (floodSplit) {
          const busyUs = Object.values(floodSplit).reduce((a, b) => a + b, 0)
          log(`Where the flooded phase's busy ${(busyUs / 1000).toFixed(0)} ms went (bench/flood-profile.ts):`)
          for (const part of FLOOD_PARTS) log(`  ${part.padEnd(20)} ${((100 * floodSplit[part]) / busyUs).toFixed(1).padStart(5)} %`)
        }
      }
      const [auth, trivial, bareTrivial, bareAuth, verify, bareVerify] = profiles
      const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
      profileComparison = compareProfiles(read(trivial!.file), trivial!.requestsTotal, read(auth!.file), auth!.requestsTotal, 30)
      log(`\nAuthenticated vs trivial, ${engine}, from the CPU profiles:\n`)
      log(formatComparison(profileComparison, 'trivial', 'authenticated'))
      // Where the gap of goals 1-3 goes: each Keyward route against bare Fastify's.
      for (const [what, ours, theirs] of [
        ['/healthz', trivial, bareTrivial],
        ['/api/apikeys/current', auth, bareAuth],
        ['verify', verify, bareVerify],
      ] as const) {
        log(`\nKeyward ${what} vs bare Fastify, ${engine}, from the CPU profiles:\n`)
        log(formatComparison(compareProfiles(read(theirs!.file), theirs!.requestsTotal, read(ours!.file), ours!.requestsTotal, 40), 'bare', 'Keyward'))
      }
    }

    const summary: EngineResult['summary'] = {
      trivial: summarise(phases, 'trivial'),
      authenticated: summarise(phases, 'authenticated'),
      bareTrivial: summarise(phases, 'bareTrivial'),
      bareAuthenticated: summarise(phases, 'bareAuthenticated'),
      verify: summarise(phases, 'verify'),
      bareVerify: summarise(phases, 'bareVerify'),
      ...(flags.flood
        ? { floodedAuthenticated: summarise(phases, 'floodedAuthenticated'), floodedBareAuthenticated: summarise(phases, 'floodedBareAuthenticated') }
        : {}),
    }
    const roundRatiosOf = (numerator: RouteName, denominator: RouteName) => {
      const ratios = []
      for (let round = 1; round <= rounds; round++) {
        const of = (route: RouteName) => phases.find((p) => p.round === round && p.route === route)!.requestsPerSecond
        ratios.push(of(numerator) / of(denominator))
      }
      return ratios
    }
    const roundRatios = roundRatiosOf('authenticated', 'trivial')
    type Unflooded = Exclude<RouteName, `flooded${string}`>
    const versusBare = (route: Unflooded, reference: Unflooded, target = TARGET_RATIO): VersusBare => ({
      ratio: summary[route].requestsPerSecond / summary[reference].requestsPerSecond,
      medianRoundRatio: median(roundRatiosOf(route, reference)),
      bestRoundRatio: best(phases, route, (p) => p.requestsPerSecond, Math.max) / best(phases, reference, (p) => p.requestsPerSecond, Math.max),
      meetsTarget: summary[route].requestsPerSecond / summary[reference].requestsPerSecond >= target,
    })
    const ratio = summary.authenticated.requestsPerSecond / summary.trivial.requestsPerSecond
    return {
      engine,
      databaseUrl: engine === 'postgres' ? 'postgres://…/keyward_bench_…' : 'sqlite:<temp>/keyward.db',
      keyId: key.id,
      startupSqlStatements: startup.sqlTotal,
      probeHooked: startup.hooked,
      phases,
      summary,
      ratio,
      roundRatios,
      medianRoundRatio: median(roundRatios),
      cpuRatio: summary.trivial.serverCpuUsPerRequest / summary.authenticated.serverCpuUsPerRequest,
      bestRoundRatio: best(phases, 'authenticated', (p) => p.requestsPerSecond, Math.max) / best(phases, 'trivial', (p) => p.requestsPerSecond, Math.max),
      leastCpuRatio:
        best(phases, 'trivial', (p) => p.serverCpuUsPerRequest, Math.min) / best(phases, 'authenticated', (p) => p.serverCpuUsPerRequest, Math.min),
      meetsTarget: ratio >= TARGET_RATIO,
      healthzVsBare: versusBare('trivial', 'bareTrivial'),
      currentVsBare: versusBare('authenticated', 'bareAuthenticated'),
      verifyVsBare: versusBare('verify', 'bareVerify', VERIFY_TARGET_RATIO),
      ...(flags.flood ? { flood: floodSummary(phases, roundRatiosOf) } : {}),
      ...(profiles ? { profiles, profileComparison } : {}),
    }
  } finally {
    // This engine's server, database and admin connection, newest first.
    while (cleanups.length > mark) {
      try {
        await cleanups.pop()!()
      } catch (error) {
        console.error('clean-up failed:', error)
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Report

function log(line: string): void {
  process.stdout.write(`${line}\n`)
}

const fmt = (n: number, digits = 0) => n.toFixed(digits)
const pct = (n: number) => `${(n * 100).toFixed(1)}%`

function report(results: EngineResult[]): string {
  const lines: string[] = []
  lines.push('| engine | route | round | req/s (mean) | p50 ms | p99 ms | server CPU µs/req (of which kernel) | server ELU | SQL statements (per phase) |')
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---|')
  for (const r of results) {
    for (const p of r.phases) {
      const pgNote = p.pgStatsDelta ? `; pg: +${p.pgStatsDelta.xact_commit} xact, +${p.pgStatsDelta.tup_fetched} tup_fetched` : ''
      lines.push(
        `| ${r.engine} | ${p.route} | ${p.round} | ${fmt(p.requestsPerSecond)} | ${p.latencyP50Ms} | ${p.latencyP99Ms} | ${fmt(p.serverCpuUsPerRequest, 1)} (${fmt(p.serverSystemCpuUsPerRequest, 1)}) | ${fmt(p.serverEventLoopUtilization, 2)} | ${p.sqlStatements} of ${p.requestsTotal} requests${pgNote} |`,
      )
    }
  }
  lines.push('')
  lines.push(
    '| engine | trivial req/s | authenticated req/s | ratio auth/trivial | median round | best rounds: req/s, CPU | per-round ratios | p50 ms triv / auth | p99 ms triv / auth | CPU µs/req triv / auth | target ≥ 90% |',
  )
  lines.push('|---|---:|---:|---:|---:|---:|---|---|---|---|---|')
  for (const r of results) {
    const t = r.summary.trivial
    const a = r.summary.authenticated
    lines.push(
      `| ${r.engine} | ${fmt(t.requestsPerSecond)} | ${fmt(a.requestsPerSecond)} | **${pct(r.ratio)}** | ${pct(r.medianRoundRatio)} | ${pct(r.bestRoundRatio)}, ${pct(r.leastCpuRatio)} | ${r.roundRatios.map(pct).join(', ')} | ` +
        `${fmt(t.latencyP50Ms, 1)} / ${fmt(a.latencyP50Ms, 1)} | ${fmt(t.latencyP99Ms, 1)} / ${fmt(a.latencyP99Ms, 1)} | ${fmt(t.serverCpuUsPerRequest, 1)} / ${fmt(a.serverCpuUsPerRequest, 1)} | ${r.meetsTarget ? 'met' : '**missed**'} |`,
    )
  }
  lines.push('')
  for (const r of results) {
    const auth = r.phases.filter((p) => p.route === 'authenticated')
    const statements: Record<string, number> = {}
    for (const p of auth) for (const [sql, n] of Object.entries(p.sqlByStatement)) statements[sql] = (statements[sql] ?? 0) + n
    const requests = auth.reduce((a, p) => a + p.requestsTotal, 0)
    const secs = auth.length * duration
    lines.push(
      `${r.engine}: ${auth.reduce((a, p) => a + p.sqlStatements, 0)} SQL statements during ${requests} authenticated requests (${secs} s); ` +
        `SQL hooks: ${r.probeHooked.join(', ') || 'none'}; ${r.startupSqlStatements} statements before the phases (start-up, key load).`,
    )
    for (const [sql, n] of Object.entries(statements).sort((x, y) => y[1] - x[1])) lines.push(`  ${String(n).padStart(6)} × ${sql}`)
  }
  lines.push('')
  lines.push(
    '| engine | bare /healthz req/s | Keyward /healthz req/s | ratio (median round, best rounds) | bare same-JSON req/s | Keyward /api/apikeys/current req/s | ratio (median round, best rounds) | bare same-JSON POST req/s | Keyward verify req/s | ratio (median round, best rounds) |',
  )
  lines.push('|---|---:|---:|---|---:|---:|---|---:|---:|---|')
  for (const r of results) {
    const v = (x: VersusBare) => `**${pct(x.ratio)}** (${pct(x.medianRoundRatio)}, ${pct(x.bestRoundRatio)})${x.meetsTarget ? '' : ' missed'}`
    lines.push(
      `| ${r.engine} | ${fmt(r.summary.bareTrivial.requestsPerSecond)} | ${fmt(r.summary.trivial.requestsPerSecond)} | ${v(r.healthzVsBare)} | ` +
        `${fmt(r.summary.bareAuthenticated.requestsPerSecond)} | ${fmt(r.summary.authenticated.requestsPerSecond)} | ${v(r.currentVsBare)} | ` +
        `${fmt(r.summary.bareVerify.requestsPerSecond)} | ${fmt(r.summary.verify.requestsPerSecond)} | ${v(r.verifyVsBare)} |`,
    )
  }
  const flooded = results.filter((r) => r.flood)
  if (flooded.length > 0) {
    lines.push('')
    lines.push(
      `| engine | valid req/s alone | during the flood | slowdown (median round) | bare alone | bare during the flood | bare slowdown (median round) | flood req/s | flood answers | SQL per flood request | target ≤ ${pct(FLOOD_SLOWDOWN_TARGET)} |`,
    )
    lines.push('|---|---:|---:|---|---:|---:|---|---:|---|---:|---|')
    for (const r of flooded) {
      const f = r.flood!
      const s = r.summary
      lines.push(
        `| ${r.engine} | ${fmt(s.authenticated.requestsPerSecond)} | ${fmt(s.floodedAuthenticated!.requestsPerSecond)} | **${pct(f.slowdown)}** (${pct(f.medianRoundSlowdown)}) | ` +
          `${fmt(s.bareAuthenticated.requestsPerSecond)} | ${fmt(s.floodedBareAuthenticated!.requestsPerSecond)} | ${pct(f.bareSlowdown)} (${pct(f.bareMedianRoundSlowdown)}) | ` +
          `${fmt(f.floodRequestsPerSecond)} | ${Object.entries(f.floodStatusCodes)
            .map(([code, n]) => `${n} × ${code}`)
            .join(', ')} | ${fmt(f.sqlStatementsPerFloodRequest, 2)} | ${f.meetsTarget ? 'met' : '**missed**'} |`,
      )
    }
  }
  return lines.join('\n')
}

// ---------------------------------------------------------------------------------------------
// Main

async function gitDescription(): Promise<string> {
  try {
    const head = (await run('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT })).stdout.trim()
    const changed = (await run('git', ['status', '--porcelain', '--', 'src', 'bin', 'package.json'], { cwd: ROOT })).stdout.trim().split('\n').filter(Boolean)
    return `${head}${changed.length > 0 ? ` + ${changed.length} uncommitted change(s) in src/, bin/, package.json` : ''}`
  } catch {
    return `unknown (${ROOT} is not a git checkout)`
  }
}

async function main(): Promise<void> {
  pinning = await choosePinning()
  if (pinning) await pin(process.pid, pinning.loadGenerator)
  const started = new Date()
  const stamp = started.toISOString().slice(0, 19).replace(/:/g, '-')
  const environment = {
    date: started.toISOString(),
    root: ROOT,
    commit: await gitDescription(),
    node: process.version,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
    loadAverageBefore: os.loadavg().map((n) => Number(n.toFixed(2))),
    autocannon: (JSON.parse(readFileSync(join(BENCH_DIR, '..', 'node_modules/autocannon/package.json'), 'utf8')) as { version: string }).version,
    options: {
      engines,
      duration,
      connections,
      rounds,
      warmup,
      settleSeconds: settleMs / 1000,
      cpuProf: flags['cpu-prof'],
      pinning: pinning ?? 'off',
      v8Options,
    },
  }
  log(
    `verify-hot-path ${environment.date} — commit ${environment.commit}, Node ${environment.node}, ${environment.cpus}, load ${environment.loadAverageBefore.join(' ')}`,
  )
  log(`${connections} connections, ${duration}s per phase, ${rounds} rounds of trivial→authenticated, ${warmup}s warm-up per route`)
  log(pinning ? `load generator pinned to CPU ${pinning.loadGenerator}, server to CPU ${pinning.server}` : 'not pinned to CPUs')

  const results: EngineResult[] = []
  for (const engine of engines) results.push(await measureEngine(engine, stamp))

  const table = report(results)
  log(`\n${table}\n`)

  const dir = join(BENCH_DIR, 'results')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `verify-hot-path-${stamp}.json`)
  writeFileSync(
    file,
    `${JSON.stringify({ benchmark: 'verify-hot-path', ...environment, loadAverageAfter: os.loadavg().map((n) => Number(n.toFixed(2))), targetRatio: TARGET_RATIO, results, table }, null, 2)}\n`,
  )
  log(`results written to ${file}`)

  for (const r of results) {
    log(
      `${r.engine}: Keyward /healthz ÷ bare same body = ${pct(r.healthzVsBare.ratio)}, /api/apikeys/current ÷ bare same JSON = ${pct(r.currentVsBare.ratio)} (target ${pct(TARGET_RATIO)}), verify ÷ bare same JSON = ${pct(r.verifyVsBare.ratio)} (target ${pct(VERIFY_TARGET_RATIO)})`,
    )
    log(
      `${r.engine}: authenticated/trivial = ${pct(r.ratio)} (median round ${pct(r.medianRoundRatio)}, best rounds ${pct(r.bestRoundRatio)}, least CPU ${pct(r.leastCpuRatio)}; rounds ${r.roundRatios.map(pct).join(', ')}) — ${r.meetsTarget ? 'meets' : 'BELOW'} the ${pct(TARGET_RATIO)} target`,
    )
  }
  if (flags.check && results.some((r) => !r.meetsTarget)) process.exitCode = 1
}

try {
  await main()
} catch (error) {
  console.error(`\nverify-hot-path FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  process.exitCode = 1
} finally {
  await cleanUp()
}
