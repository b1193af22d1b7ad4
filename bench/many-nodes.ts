/**
 * Many nodes (issue 12, goal 6): several real `keyward serve` processes on one database (three
 * on PostgreSQL, two on one SQLite file), each under autocannon load with a valid key. A change
 * made on one process (lock, delete, new secret, its role losing web-service access) is timed
 * until every other process refuses the old credentials, polled over loopback. On PostgreSQL a
 * phase also kills a process's `LISTEN` connection (`pg_terminate_backend`) just before each
 * change. A last phase writes from every process and the CLI at once and counts what clients got.
 *
 * Usage: `npx tsx bench/many-nodes.ts [--engines sqlite,postgres] [--trials 25] [--drop-trials 50] [--connections 2] [--root <checkout>]`
 * (PostgreSQL: `KEYWARD_BENCH_POSTGRES_URL`, a server where a database may be created).
 * Writes `bench/results/many-nodes-<date>T<time>.json`.
 *
 * @module
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { resolve } from 'node:path'
import { parseArgs, promisify } from 'node:util'
import pg from 'pg'
import { createTestDatabase, type TestEngine } from '../test/helpers/test-database.js'

const { values: flags } = parseArgs({
  options: {
    root: { type: 'string', default: resolve(import.meta.dirname, '..') },
    engines: { type: 'string', default: 'sqlite,postgres' },
    trials: { type: 'string', default: '25' },
    'drop-trials': { type: 'string', default: '50' },
    connections: { type: 'string', default: '2' },
    'poll-interval': { type: 'string' },
    'write-seconds': { type: 'string', default: '10' },
  },
})
/** The checkout whose server and CLI are measured (another one measures a commit while this tree is edited). */
const BIN = resolve(flags.root, 'bin/keyward.js')
const TRIALS = Number(flags.trials)
const DROP_TRIALS = Number(flags['drop-trials'])
const CONNECTIONS = Number(flags.connections)
/** A trial that takes longer than this counts as this (and is reported as a miss). */
const GIVE_UP_MS = 5000
const KINDS = ['lock', 'delete', 'new-secret', 'role'] as const
type Kind = (typeof KINDS)[number]

process.env.KEYWARD_TEST_POSTGRES_URL ??= process.env.KEYWARD_BENCH_POSTGRES_URL ?? 'postgres://keyward:keyward@127.0.0.1:5432/postgres'
const run = promisify(execFile)

/** Settings of every process: no rate limit or failure throttle, which would answer 429 to the bench's own polling. */
const SERVER_ENV = {
  KEYWARD_LOG_LEVEL: 'warn',
  KEYWARD_DEFAULT_RATE_LIMIT: 'none',
  KEYWARD_AUTH_FAILURES_PER_MINUTE: '1000000',
  KEYWARD_ADMIN_PASSWORD: 'Nodes-passw0rd',
  ...(flags['poll-interval'] ? { KEYWARD_CHANGE_POLL_INTERVAL: flags['poll-interval'] } : {}),
}

interface Server {
  readonly child: ChildProcess
  readonly url: string
  output(): string
}

async function startServer(databaseUrl: string): Promise<Server> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1'], {
    env: { ...process.env, ...SERVER_ENV, KEYWARD_LOG_LEVEL: 'info', KEYWARD_DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolvePromise, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += String(chunk)
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match) resolvePromise(match[1]!)
    })
    child.stderr!.on('data', (chunk) => (output += String(chunk)))
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)))
  })
  // A server that dies mid-run is a finding: say so with what it printed.
  child.on('exit', (code, signal) => {
    if (!stopping.has(child)) process.stdout.write(`a server exited (${code ?? signal}) during the run:\n${output.slice(-4000)}\n`)
  })
  return { child, url, output: () => output }
}

/** Servers the bench is stopping (their exit is expected). */
const stopping = new Set<ChildProcess>()

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return
  stopping.add(server.child)
  const exited = new Promise((r) => server.child.once('exit', r))
  server.child.kill('SIGTERM')
  await exited
}

async function cli(args: string[], databaseUrl: string): Promise<string> {
  const { stdout } = await run(process.execPath, [BIN, ...args, '--database-url', databaseUrl], { env: { ...process.env, ...SERVER_ENV } })
  return stdout
}

/** Status counts of every answer the bench got outside autocannon. */
const answers = new Map<number, number>()

async function call(url: string, method: string, path: string, secret: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { 'api-version': 'v1', 'api-secret-key': secret, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  answers.set(res.status, (answers.get(res.status) ?? 0) + 1)
  const text = await res.text()
  return { status: res.status, json: text ? JSON.parse(text) : undefined }
}

async function expectOk(url: string, method: string, path: string, secret: string, body?: unknown): Promise<any> {
  const res = await call(url, method, path, secret, body)
  if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.json)}`)
  return res.json
}

/** Milliseconds from `since` until `server` refuses `secret` (401 or 403 on /api/apikeys/current). */
async function refusedAfter(server: Server, secret: string, since: number): Promise<number> {
  for (;;) {
    const { status } = await call(server.url, 'GET', '/api/apikeys/current', secret)
    const elapsed = performance.now() - since
    if (status === 401 || status === 403) return elapsed
    if (status !== 200) throw new Error(`polling answered ${status}`)
    if (elapsed > GIVE_UP_MS) return elapsed
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const round = (n: number) => Math.round(n * 10) / 10
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1)!),
  }
}

/**
 * autocannon in a child process of its own, so the load it generates does not delay the
 * bench's own timing; it runs until told to stop over IPC and sends back its result.
 */
const LOAD_CHILD = `
import autocannon from 'autocannon'
const instance = autocannon({ url: process.argv[1], connections: Number(process.argv[2]), duration: 3600, headers: JSON.parse(process.argv[3]) })
process.once('message', () => instance.stop())
const r = await instance
process.send({ requests: r['2xx'] + r.non2xx, rps: Math.round(r.requests.mean), non2xx: r.non2xx, errors: r.errors, status: r.statusCodeStats }, () => process.exit(0))
`

/** Keeps each server busy with valid authenticated reads until `stop()`. */
function load(servers: Server[], secret: string) {
  const headers = JSON.stringify({ 'api-version': 'v1', 'api-secret-key': secret })
  const children = servers.map((server) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', LOAD_CHILD, `${server.url}/api/apikeys/current`, String(CONNECTIONS), headers], {
      cwd: import.meta.dirname,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    })
    const result = new Promise<unknown>((resolvePromise) => child.once('message', resolvePromise))
    return { child, result }
  })
  return {
    async stop() {
      for (const { child } of children) child.send('stop')
      return Promise.all(children.map((c) => c.result))
    },
  }
}

/** One victim per trial: a fresh key (on its own role with web-service access, for the role change), cached by every server. */
async function victim(writer: Server, others: Server[], secret: string, kind: Kind, n: number) {
  let roleID = 2
  if (kind === 'role') roleID = (await expectOk(writer.url, 'POST', '/api/roles', secret, { name: `nodes-role-${n}-${Date.now()}`, allowWebService: true })).ID
  const key = await expectOk(writer.url, 'POST', '/api/apikeys', secret, { keyName: `nodes-${kind}-${n}-${Date.now()}`, roleID })
  // Warm: every process caches the key (and its role) before the change.
  for (const server of others) {
    const deadline = performance.now() + GIVE_UP_MS
    while ((await call(server.url, 'GET', '/api/apikeys/current', key.secretKey)).status !== 200) {
      if (performance.now() > deadline) throw new Error('a new key never worked on another process')
    }
  }
  return { id: key.ID as number, secret: key.secretKey as string, roleID }
}

async function change(writer: Server, secret: string, kind: Kind, key: { id: number; roleID: number }): Promise<void> {
  if (kind === 'lock') await expectOk(writer.url, 'POST', `/api/apikeys/${key.id}`, secret, { active: false })
  else if (kind === 'delete') await expectOk(writer.url, 'DELETE', `/api/apikeys/${key.id}`, secret)
  else if (kind === 'new-secret') await expectOk(writer.url, 'POST', `/api/apikeys/${key.id}/secretkey`, secret)
  else await expectOk(writer.url, 'POST', `/api/roles/${key.roleID}`, secret, { allowWebService: false })
}

/**
 * `trials` changes of each kind, the writer taking turns among the servers; returns the delay
 * until each other server refused, measured from the write's answer (it commits before answering)
 * and from the write's request.
 */
async function propagation(servers: Server[], secret: string, trials: number, kinds: readonly Kind[], beforeChange?: () => Promise<void>) {
  const fromAnswer: Record<string, number[]> = {}
  const fromRequest: Record<string, number[]> = {}
  for (const kind of kinds) {
    fromAnswer[kind] = []
    fromRequest[kind] = []
    for (let n = 0; n < trials; n++) {
      const writer = servers[n % servers.length]!
      const others = servers.filter((s) => s !== writer)
      const key = await victim(writer, others, secret, kind, n)
      await beforeChange?.()
      const requested = performance.now()
      await change(writer, secret, kind, key)
      const answered = performance.now()
      const delays = await Promise.all(others.map((server) => refusedAfter(server, key.secret, answered)))
      for (const delay of delays) {
        fromAnswer[kind].push(delay)
        fromRequest[kind].push(delay + (answered - requested))
      }
    }
    process.stdout.write(`  ${kind}: ${JSON.stringify(summary(fromAnswer[kind]))} (load ${loadavg()[0]!.toFixed(1)})\n`)
  }
  const all = Object.values(fromAnswer).flat()
  return {
    byKind: Object.fromEntries(kinds.map((k) => [k, { fromAnswer: summary(fromAnswer[k]!), fromRequest: summary(fromRequest[k]!) }])),
    all: summary(all),
    misses: all.filter((ms) => ms > GIVE_UP_MS).length,
  }
}

/** Writes from every server and the CLI at once; counts every answer that is not a 200. */
async function concurrentWrites(servers: Server[], secret: string, databaseUrl: string) {
  const seconds = Number(flags['write-seconds'])
  const statuses = new Map<number, number>()
  const deadline = performance.now() + seconds * 1000
  let n = 0
  const writer = async (server: Server) => {
    while (performance.now() < deadline) {
      const res = await call(server.url, 'POST', '/api/apikeys', secret, { keyName: `w-${n++}`, roleID: 2 }).catch(() => ({ status: 0, json: undefined }))
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
      if (res.status === 200) await call(server.url, 'POST', `/api/apikeys/${res.json.ID}`, secret, { description: 'touched' })
    }
  }
  const cliRuns = { ok: 0, failed: 0, busy: 0 }
  const cliWriter = async () => {
    while (performance.now() < deadline) {
      try {
        await cli(['apikeys', 'create', '--name', `cli-${n++}`, '--role', 'Auditor', '--json'], databaseUrl)
        cliRuns.ok++
      } catch (error) {
        cliRuns.failed++
        if (/SQLITE_BUSY|database is locked/i.test(String((error as { stderr?: string }).stderr ?? error))) cliRuns.busy++
      }
    }
  }
  await Promise.all([...servers.flatMap((s) => [writer(s), writer(s)]), cliWriter(), cliWriter()])
  return { seconds, statuses: Object.fromEntries(statuses), cli: cliRuns }
}

async function engineRun(engine: TestEngine) {
  const database = await createTestDatabase(engine, { migrated: true })
  const servers: Server[] = []
  try {
    const secret = JSON.parse(await cli(['apikeys', 'create', '--name', 'nodes-admin', '--role', 'Full Access', '--json'], database.url)).secretKey as string
    const loadSecret = JSON.parse(await cli(['apikeys', 'create', '--name', 'nodes-load', '--role', 'Auditor', '--json'], database.url)).secretKey as string
    for (let i = 0; i < (engine === 'postgres' ? 3 : 2); i++) servers.push(await startServer(database.url))
    process.stdout.write(`${engine}: ${servers.length} processes, ${CONNECTIONS} connections of load on each\n`)
    const running = load(servers, loadSecret)
    const loadBefore = loadavg()
    const steady = await propagation(servers, secret, TRIALS, KINDS)
    let dropped: Awaited<ReturnType<typeof propagation>> | undefined
    if (engine === 'postgres') {
      process.stdout.write(`${engine}: the LISTEN connection of a receiving process killed just before each change\n`)
      const admin = new pg.Client({ connectionString: process.env.KEYWARD_TEST_POSTGRES_URL })
      await admin.connect()
      const dbName = new URL(database.url).pathname.slice(1)
      try {
        dropped = await propagation(servers, secret, DROP_TRIALS, ['lock'], async () => {
          // Every process loses its listening connection (the only one whose last statement is LISTEN).
          const killed = await admin.query(
            `select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and query like 'LISTEN %' and pid <> pg_backend_pid()`,
            [dbName],
          )
          if (killed.rowCount !== servers.length) process.stdout.write(`  (killed ${killed.rowCount} LISTEN connections, expected ${servers.length})\n`)
        })
      } finally {
        await admin.end()
      }
    }
    const loadResults = await running.stop()
    process.stdout.write(`${engine}: concurrent writes from every process and the CLI\n`)
    const writes = await concurrentWrites(servers, secret, database.url)
    process.stdout.write(`  ${JSON.stringify(writes)}\n`)
    const alive = servers.every((s) => s.child.exitCode === null)
    const serverErrors = servers.map((s) => (s.output().match(/"level":50/g) ?? []).length)
    return {
      engine,
      processes: servers.length,
      loadAverage: { before: loadBefore, after: loadavg() },
      steady,
      dropped,
      load: loadResults,
      writes,
      alive,
      serverErrors,
    }
  } finally {
    for (const server of servers) await stopServer(server)
    await database.drop()
  }
}

const results = []
for (const engine of flags.engines.split(',') as TestEngine[]) results.push(await engineRun(engine))
const report = {
  date: new Date().toISOString(),
  node: process.version,
  trials: TRIALS,
  connections: CONNECTIONS,
  settings: SERVER_ENV,
  results,
  answers: Object.fromEntries(answers),
}
mkdirSync(resolve(import.meta.dirname, 'results'), { recursive: true })
const file = resolve(import.meta.dirname, `results/many-nodes-${report.date.slice(0, 19).replaceAll(':', '')}.json`)
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)
console.log(JSON.stringify(report, null, 2))
console.log(`written to ${file}`)
