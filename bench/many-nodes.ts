/**
 * Many nodes (issue 12, goal 6): several real `keyward serve` processes on one database (three
 * on PostgreSQL, two on one SQLite file), each under autocannon load with a valid key. A change
 * made on one process (lock, delete, new secret, its role losing web-service access) is timed
 * until every other process refuses the old credentials, polled over loopback. On PostgreSQL a
 * phase also kills a process's `LISTEN` connection (`pg_terminate_backend`) just before each
 * change. A last phase writes from every process and the CLI at once and counts what clients got.
 * Before the load, every server's CPU time while idle is read from `/proc/<pid>/stat`.
 *
 * Usage: `npx tsx bench/many-nodes.ts [--engines sqlite,postgres] [--trials 25] [--drop-trials 100] [--parallel 4] [--idle-seconds 20] [--connections 2] [--root <checkout>]`
 * (PostgreSQL: `KEYWARD_BENCH_POSTGRES_URL`, a server where a database may be created).
 * Writes `bench/results/many-nodes-<date>T<time>.json`.
 *
 * @module
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { resolve } from 'node:path'
import { parseArgs, promisify } from 'node:util'
import pg from 'pg'
import { createTestDatabase, type TestEngine } from '../test/helpers/test-database.js'
import { freePort } from './free-port.js'

const { values: flags } = parseArgs({
  options: {
    root: { type: 'string', default: resolve(import.meta.dirname, '..') },
    engines: { type: 'string', default: 'sqlite,postgres' },
    trials: { type: 'string', default: '25' },
    'drop-trials': { type: 'string', default: '100' },
    parallel: { type: 'string', default: '4' },
    'idle-seconds': { type: 'string', default: '20' },
    connections: { type: 'string', default: '2' },
    'poll-interval': { type: 'string' },
    'write-seconds': { type: 'string', default: '10' },
  },
})
/** The checkout whose server and CLI are measured (another one measures a commit while this tree is edited). */
const BIN = resolve(flags.root, 'bin/keyward.js')
const TRIALS = Number(flags.trials)
const DROP_TRIALS = Number(flags['drop-trials'])
/** Trials run at once (each on its own key), so that hundreds of trials take minutes, not an hour. */
const PARALLEL = Number(flags.parallel)
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

/**
 * Starts a server at level warn on a free port and waits for `/readyz`. At level info it logged
 * every request, and the bench kept all of it and searched it on every chunk: by the end of a
 * full run that took the bench's own event loop (its timings, its writes) and piled up in the
 * servers' pipes.
 */
async function startServer(databaseUrl: string): Promise<Server> {
  const port = await freePort()
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...process.env, ...SERVER_ENV, KEYWARD_DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += String(chunk)))
  child.stderr!.on('data', (chunk: Buffer) => (output += String(chunk)))
  const url = `http://127.0.0.1:${port}`
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`))))
  // Its later exit, expected or not, is reported below, not as an unhandled rejection.
  exited.catch(() => {})
  for (;;) {
    const ready = await Promise.race([
      fetch(`${url}/readyz`).then(
        (res) => res.ok,
        () => false,
      ),
      exited,
    ])
    if (ready) break
    await Promise.race([new Promise((r) => setTimeout(r, 50)), exited])
  }
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

/** What polling one process with a secret saw, in `performance.now()` ms. */
interface Refusal {
  /** When the first refused request (401 or 403) was sent: every request from then on is refused. */
  readonly refusedSent: number
  /** When it was answered. */
  readonly refusedAnswered: number
  /** When the last accepted request before it was sent: the process still accepted the key then (or earlier). */
  readonly acceptedSent: number
}

/**
 * Polls `server` with `secret` on GET /api/apikeys/current, one request after another, from now
 * until it refuses (or `GIVE_UP_MS` after `changed()` resolves): started before the change, so the
 * refusal is pinned between two requests' send times whatever one request takes on a loaded server.
 */
async function pollUntilRefused(server: Server, secret: string, changed: Promise<number>): Promise<Refusal> {
  let acceptedSent = Number.NaN
  let changedAt: number | undefined
  void changed.then((at) => (changedAt = at))
  for (;;) {
    const sent = performance.now()
    const { status } = await call(server.url, 'GET', '/api/apikeys/current', secret)
    const answered = performance.now()
    if (status === 401 || status === 403 || (changedAt !== undefined && answered - changedAt > GIVE_UP_MS))
      return { refusedSent: sent, refusedAnswered: answered, acceptedSent }
    if (status !== 200) throw new Error(`polling answered ${status}`)
    acceptedSent = sent
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

function summary(values: number[]) {
  // NaN: a poll that saw no accepted request (the change was in before the first one).
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b)
  const round = (n: number) => Math.round(n * 10) / 10
  return {
    n: sorted.length,
    min: round(sorted[0]!),
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
  const created = performance.now()
  // Warm: every process caches the key (and its role) before the change. On the way, how soon
  // after the creation's answer each other process has accepted the new key (the processes asked
  // one after the other), and what they refused first.
  const firstAccepted: number[] = []
  let refusedFirst = 0
  for (const server of others) {
    const deadline = performance.now() + GIVE_UP_MS
    for (;;) {
      if ((await call(server.url, 'GET', '/api/apikeys/current', key.secretKey)).status === 200) {
        firstAccepted.push(performance.now() - created)
        break
      }
      refusedFirst++
      if (performance.now() > deadline) throw new Error('a new key never worked on another process')
    }
  }
  return { id: key.ID as number, secret: key.secretKey as string, roleID, firstAccepted, refusedFirst }
}

async function change(writer: Server, secret: string, kind: Kind, key: { id: number; roleID: number }): Promise<void> {
  if (kind === 'lock') await expectOk(writer.url, 'POST', `/api/apikeys/${key.id}`, secret, { active: false })
  else if (kind === 'delete') await expectOk(writer.url, 'DELETE', `/api/apikeys/${key.id}`, secret)
  else if (kind === 'new-secret') await expectOk(writer.url, 'POST', `/api/apikeys/${key.id}/secretkey`, secret)
  else await expectOk(writer.url, 'POST', `/api/roles/${key.roleID}`, secret, { allowWebService: false })
}

/**
 * Hears PostgreSQL's change notices in the bench's own process: when one arrives, compared with
 * the writer's answer, tells the database's delivery apart from the receiving server's reaction.
 */
async function noticeListener(url: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const arrived = new Map<string, { at: number; recorded: number }>()
  client.on('notification', (message) => {
    const at = performance.now()
    const payload = JSON.parse(message.payload ?? '{}')
    // The writer's Date.now() inside its transaction, just before the commit, on the bench's timeline.
    const recorded = payload.t - performance.timeOrigin
    for (const [resource, id] of payload.c ?? []) arrived.set(`${resource}:${id}`, { at, recorded })
  })
  await client.query('LISTEN keyward_changes')
  const pid = (await client.query('select pg_backend_pid() as pid')).rows[0].pid as number
  return {
    pid,
    arrived: (resource: string, id: number) => arrived.get(`${resource}:${id}`),
    /** Forgets what was heard of a row (its creation's notice), so that only the next change's notice is paired with it. */
    forget: (resource: string, id: number) => arrived.delete(`${resource}:${id}`),
    end: () => client.end(),
  }
}
type Notices = Awaited<ReturnType<typeof noticeListener>>

/**
 * `trials` changes of each kind, the writer taking turns among the servers, `PARALLEL` at a time
 * (each on its own key). Every other server is polled with the key's secret from before the
 * change; returns, in ms from the writer's answer (it commits before answering): `refused`, when
 * the first refused request was sent (the figure of record: from then on the key is refused);
 * `acceptedSent`, the last accepted one (negative when the first request after the answer was
 * refused already); `refusedAnswered`, when the refusal reached the bench; `write`, the write's
 * own time; on PostgreSQL `notice`, when the bench's own LISTEN heard the change, and
 * `refusedFromRecord`, `refused` counted from the writer's clock just before its commit.
 */
async function propagation(
  servers: Server[],
  secret: string,
  trials: number,
  kinds: readonly Kind[],
  options: { beforeBatch?: () => Promise<void>; notices?: Notices } = {},
) {
  const series = ['refused', 'refusedFromRecord', 'refusedAnswered', 'acceptedSent', 'write', 'notice', 'newKeyAccepted'] as const
  let noticesMissing = 0
  const newKeyRefused: Record<string, number> = {}
  const times = Object.fromEntries(kinds.map((k) => [k, Object.fromEntries(series.map((name) => [name, [] as number[]]))]))
  for (const kind of kinds) {
    const t = times[kind]!
    for (let first = 0; first < trials; first += PARALLEL) {
      const batch = Array.from({ length: Math.min(PARALLEL, trials - first) }, (_, i) => first + i)
      const roles = (n: number) => ({ writer: servers[n % servers.length]!, others: servers.filter((_, i) => i !== n % servers.length) })
      const keys = await Promise.all(batch.map((n) => victim(roles(n).writer, roles(n).others, secret, kind, n)))
      for (const key of keys) {
        t.newKeyAccepted!.push(...key.firstAccepted)
        newKeyRefused[kind] = (newKeyRefused[kind] ?? 0) + key.refusedFirst
      }
      await options.beforeBatch?.()
      await Promise.all(
        batch.map(async (n, i) => {
          const { writer, others } = roles(n)
          const key = keys[i]!
          let answered!: (at: number) => void
          const changed = new Promise<number>((r) => (answered = r))
          const polls = others.map((server) => pollUntilRefused(server, key.secret, changed))
          const [resource, id] = kind === 'role' ? (['role', key.roleID] as const) : (['apikey', key.id] as const)
          options.notices?.forget(resource, id)
          const requested = performance.now()
          await change(writer, secret, kind, key)
          const answeredAt = performance.now()
          answered(answeredAt)
          t.write!.push(answeredAt - requested)
          const refusals = await Promise.all(polls)
          // Read after the polls: a notice that reaches the bench after the writer's answer still counts.
          const notice = options.notices?.arrived(resource, id)
          if (notice) t.notice!.push(notice.at - answeredAt)
          else if (options.notices) noticesMissing++
          for (const refusal of refusals) {
            t.refused!.push(refusal.refusedSent - answeredAt)
            t.refusedAnswered!.push(refusal.refusedAnswered - answeredAt)
            t.acceptedSent!.push(refusal.acceptedSent - answeredAt)
            if (notice) t.refusedFromRecord!.push(refusal.refusedSent - notice.recorded)
          }
        }),
      )
    }
    process.stdout.write(`  ${kind}: ${JSON.stringify(summary(t.refused!))} (load ${loadavg()[0]!.toFixed(1)})\n`)
  }
  const all = (name: (typeof series)[number]) => kinds.flatMap((k) => times[k]![name]!)
  const summaries = (list: Record<string, number[]>) =>
    Object.fromEntries(
      Object.entries(list)
        .filter(([, v]) => v.length > 0)
        .map(([name, v]) => [name, summary(v)]),
    )
  return {
    byKind: Object.fromEntries(kinds.map((k) => [k, summaries(times[k]!)])),
    all: summaries(Object.fromEntries(series.map((name) => [name, all(name)]))),
    misses: all('refused').filter((ms) => ms > GIVE_UP_MS).length,
    noticesMissing,
    /** Requests with a new key that another process refused before accepting it, by kind of trial. */
    newKeyRefused,
  }
}

/** CPU seconds per minute each server spends with nothing to do (user + system, from /proc). */
async function idleCpu(servers: Server[], seconds: number): Promise<number[]> {
  if (seconds <= 0) return []
  const ticks = (server: Server) => {
    const fields = readFileSync(`/proc/${server.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    // utime and stime, fields 14 and 15 of stat(5), counted from the state (field 3); 100 ticks a second on Linux.
    return Number(fields[11]) + Number(fields[12])
  }
  const before = servers.map(ticks)
  await new Promise((r) => setTimeout(r, seconds * 1000))
  return servers.map((server, i) => Math.round(((ticks(server) - before[i]!) / 100) * (60 / seconds) * 100) / 100)
}

/** A server's resident memory in MB, from `/proc/<pid>/status` (0 when it has exited). */
function rssMb(server: Server): number {
  if (server.child.exitCode !== null) return 0
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.child.pid}/status`, 'utf8'))?.[1]
  return Math.round(Number(kb) / 1024)
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

/**
 * Lock trials right after every server's LISTEN connection was killed (`pg_terminate_backend`),
 * and how long each server took to LISTEN again (the new connection's LISTEN statement, from
 * `pg_stat_activity`, against the kill).
 */
async function afterDroppedListen(servers: Server[], secret: string, url: string, notices: Notices) {
  process.stdout.write(`postgres: every LISTEN connection killed just before each batch of ${PARALLEL} changes\n`)
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  const relistened: number[] = []
  const listening = `from pg_stat_activity where datname = current_database() and query like 'LISTEN %' and pid <> pg_backend_pid() and pid <> $1`
  let killedAt: number | undefined
  const collect = async () => {
    if (killedAt === undefined) return
    const rows = (await admin.query(`select extract(epoch from query_start) * 1000 as at ${listening}`, [notices.pid])).rows
    for (const row of rows) relistened.push(Number(row.at) - killedAt)
  }
  try {
    const result = await propagation(servers, secret, DROP_TRIALS, ['lock'], {
      notices,
      beforeBatch: async () => {
        await collect()
        const killed = await admin.query(`select pg_terminate_backend(pid) ${listening}`, [notices.pid])
        killedAt = Date.now()
        if (killed.rowCount !== servers.length) process.stdout.write(`  (killed ${killed.rowCount} LISTEN connections, expected ${servers.length})\n`)
      },
    })
    await collect()
    return { ...result, relistened: summary(relistened) }
  } finally {
    await admin.end()
  }
}

async function engineRun(engine: TestEngine) {
  const database = await createTestDatabase(engine, { migrated: true })
  const servers: Server[] = []
  try {
    const secret = JSON.parse(await cli(['apikeys', 'create', '--name', 'nodes-admin', '--role', 'Full Access', '--json'], database.url)).secretKey as string
    const loadSecret = JSON.parse(await cli(['apikeys', 'create', '--name', 'nodes-load', '--role', 'Auditor', '--json'], database.url)).secretKey as string
    for (let i = 0; i < (engine === 'postgres' ? 3 : 2); i++) servers.push(await startServer(database.url))
    const idle = await idleCpu(servers, Number(flags['idle-seconds']))
    process.stdout.write(`${engine}: idle CPU per server, s per minute: ${idle.join(', ')} (load ${loadavg()[0]!.toFixed(1)})\n`)
    process.stdout.write(`${engine}: ${servers.length} processes, ${CONNECTIONS} connections of load on each, ${PARALLEL} trials at a time\n`)
    const notices = engine === 'postgres' ? await noticeListener(database.url) : undefined
    const running = load(servers, loadSecret)
    const loadBefore = loadavg()
    let steady: Awaited<ReturnType<typeof propagation>>
    let dropped: Awaited<ReturnType<typeof afterDroppedListen>> | undefined
    try {
      steady = await propagation(servers, secret, TRIALS, KINDS, { notices })
      if (engine === 'postgres') dropped = await afterDroppedListen(servers, secret, database.url, notices!)
    } finally {
      await notices?.end()
    }
    const loadResults = await running.stop()
    process.stdout.write(`${engine}: concurrent writes from every process and the CLI\n`)
    const writes = await concurrentWrites(servers, secret, database.url)
    process.stdout.write(`  ${JSON.stringify(writes)}\n`)
    const alive = servers.every((s) => s.child.exitCode === null)
    const rss = servers.map(rssMb)
    process.stdout.write(`${engine}: servers' RSS at the end, MB: ${rss.join(', ')}\n`)
    const serverErrors = servers.map((s) => (s.output().match(/"level":50/g) ?? []).length)
    return {
      engine,
      processes: servers.length,
      loadAverage: { before: loadBefore, after: loadavg() },
      idleCpuSecondsPerMinute: idle,
      steady,
      dropped,
      load: loadResults,
      writes,
      alive,
      rssMb: rss,
      serverErrors,
    }
  } catch (error) {
    // An answer the bench did not expect (a 500, say) is a finding: show what the servers logged.
    for (const server of servers)
      for (const line of server.output().split('\n')) if (line.includes('"level":50')) process.stdout.write(`${line.slice(0, 4000)}\n`)
    throw error
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
const figures = (s: ReturnType<typeof summary> | undefined) => (s ? `${s.p50} / ${s.p99} / ${s.max} (${s.n})` : '')
console.log(
  '\nms from the writer’s answer, p50 / p99 / max (n = trials × other processes): the first refused request sent, the last accepted one sent, the notice heard by the bench; and from the writer’s commit\n',
)
console.log('| engine | change | refused | last accepted | notice heard | refused, from the commit |')
console.log('|---|---|---|---|---|---|')
type Summaries = Record<string, ReturnType<typeof summary> | undefined>
const row = (engine: string, label: string, k: Summaries) =>
  console.log(`| ${engine} | ${label} | **${figures(k.refused)}** | ${figures(k.acceptedSent)} | ${figures(k.notice)} | ${figures(k.refusedFromRecord)} |`)
for (const r of results) {
  for (const [kind, k] of Object.entries(r.steady.byKind)) row(r.engine, kind, k as Summaries)
  row(r.engine, 'all kinds', r.steady.all as Summaries)
  console.log(
    `| ${r.engine} | a new key: accepted by each other process (asked in turn), ms after the creation's answer; requests refused first: ${JSON.stringify(r.steady.newKeyRefused)} | ${figures((r.steady.all as Summaries).newKeyAccepted)} | | | |`,
  )
  if (r.dropped) {
    row(r.engine, 'lock, just after every LISTEN was killed', r.dropped.all as Summaries)
    console.log(`| ${r.engine} | LISTEN again, ms after the kill | ${figures(r.dropped.relistened)} | | | |`)
  }
  console.log(
    `| ${r.engine} | idle CPU, s per minute per server | ${r.idleCpuSecondsPerMinute.join(', ')} | load ${r.loadAverage.before[0]!.toFixed(1)}–${r.loadAverage.after[0]!.toFixed(1)} | | |`,
  )
}
console.log(`written to ${file}`)
