/**
 * The frame's two modes (issue 12, goals 1–3). A Node process serving `/healthz` lands, at its
 * start, in a fast or a slow state, and stays there: the same code then costs ~8–10 µs more
 * CPU per request in the slow one. A bare Fastify 5 with no route but its own lands in the fast
 * one; the same bare Fastify with a few dozen body-validated routes and no Keyward code in it
 * often lands in the slow one, and so does Keyward (whose 34 operations compile validators for
 * their headers and parameters, and 16 for their bodies). So one server process per kind,
 * as `verify-hot-path.ts` starts, measures whichever state each process drew.
 *
 * This bench starts several processes of each kind, pins them to one CPU and itself (the load
 * generator) to another, and measures every process in alternating rounds: server CPU per
 * request (from `/proc/<pid>/stat`, so Linux only) and requests per second, for `GET /healthz`.
 *
 *   npx tsx bench/frame-modes.ts [--processes 4] [--rounds 4] [--duration 2] [--routes 48] [--pin-at start|exec] [--root <checkout or unpacked package>]
 *
 * @module
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { parseArgs, promisify } from 'node:util'
import autocannon from 'autocannon'
import { freePort } from './free-port.js'

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url))
const run = promisify(execFile)

const { values: flags } = parseArgs({
  options: {
    processes: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '4' },
    duration: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    routes: { type: 'string', default: '48' },
    root: { type: 'string' },
    'pin-at': { type: 'string', default: 'start' },
  },
})
if (flags['pin-at'] !== 'start' && flags['pin-at'] !== 'exec') throw new Error(`--pin-at must be start or exec (got "${flags['pin-at']}")`)
/** `exec`: each server runs under `taskset` from its first instruction, so Node sees one CPU. */
const pinAtExec = flags['pin-at'] === 'exec'
const count = (name: keyof typeof flags, min: number): number => {
  const value = Number(flags[name])
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer of at least ${min} (got "${flags[name]}")`)
  return value
}
const processes = count('processes', 1)
const rounds = count('rounds', 1)
const duration = count('duration', 1)
const connections = count('connections', 1)
const routes = count('routes', 1)
const ROOT = resolve(flags.root ?? join(BENCH_DIR, '..'))

if (os.platform() !== 'linux') throw new Error('frame-modes reads server CPU time from /proc: Linux only')
const cpus = os.availableParallelism()
if (cpus < 2) throw new Error('frame-modes pins the servers and the load generator to different CPUs: it needs 2')
const SERVER_CPU = cpus - 1
const TICK_US = 1_000_000 / Number((await run('getconf', ['CLK_TCK'])).stdout.trim())

type Kind = 'bare' | 'bare + routes' | 'keyward'

interface Server {
  readonly kind: Kind
  readonly index: number
  readonly url: string
  readonly child: ChildProcess
  readonly cpuUs: number[]
  readonly requestsPerSecond: number[]
}

const scratch = mkdtempSync(join(os.tmpdir(), 'keyward-bench-modes-'))
const servers: Server[] = []

async function stopAll(): Promise<void> {
  for (const { child } of servers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
  await Promise.all(servers.map(({ child }) => (child.exitCode === null && child.signalCode === null ? new Promise((r) => child.once('exit', r)) : undefined)))
  rmSync(scratch, { recursive: true, force: true })
}
process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)))

async function start(kind: Kind, index: number): Promise<Server> {
  const port = await freePort()
  const keyward = kind === 'keyward'
  const command = [process.execPath, ...(keyward ? ['bin/keyward.js', 'serve'] : [join(BENCH_DIR, 'bare-fastify.mjs')])]
  if (pinAtExec) command.unshift('taskset', '--cpu-list', String(SERVER_CPU))
  const child = spawn(command[0]!, command.slice(1), {
    cwd: ROOT,
    env: {
      ...process.env,
      KEYWARD_HOST: '127.0.0.1',
      KEYWARD_PORT: String(port),
      KEYWARD_LOG_LEVEL: 'warn',
      KEYWARD_DATABASE_URL: `sqlite:${join(scratch, `keyward-${index}.db`)}`,
      KEYWARD_ADMIN_PASSWORD: `${randomBytes(18).toString('base64url')}a1`,
      ...(kind === 'bare + routes' ? { BARE_VALIDATED_ROUTES: String(routes) } : {}),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let errors = ''
  child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-5_000)))
  // Else pinned at once, before it serves: Node has sized its thread pools for every CPU.
  if (!pinAtExec) await run('taskset', ['--all-tasks', '--cpu-list', '--pid', String(SERVER_CPU), String(child.pid)])
  const server: Server = { kind, index, url: `http://127.0.0.1:${port}/healthz`, child, cpuUs: [], requestsPerSecond: [] }
  servers.push(server)
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(100)) {
    if (child.exitCode !== null) break
    const ok = await fetch(server.url).then(
      (response) => response.status === 200,
      () => false,
    )
    if (ok) return server
  }
  throw new Error(`${kind} #${index} did not answer /healthz:\n${errors}`)
}

/** User plus system CPU time of a process, in µs. */
function cpuTime(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * TICK_US
}

async function measure(server: Server, seconds: number): Promise<{ cpuUs: number; requestsPerSecond: number }> {
  const before = cpuTime(server.child.pid!)
  const result = await autocannon({ url: server.url, connections, duration: seconds })
  if (result.non2xx > 0 || result.errors > 0 || result.requests.total === 0) {
    throw new Error(`${server.kind} #${server.index}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  }
  return { cpuUs: (cpuTime(server.child.pid!) - before) / result.requests.total, requestsPerSecond: result.requests.total / seconds }
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

await run('taskset', ['--all-tasks', '--cpu-list', '--pid', '0', String(process.pid)])
const kinds: Kind[] = ['bare', 'bare + routes', 'keyward']
try {
  // Started interleaved, so that no kind has the machine's quiet or busy minute to itself.
  for (let index = 0; index < processes; index++) for (const kind of kinds) await start(kind, index)
  for (const server of servers) await measure(server, 1) // warm-up: optimised code, grown heap
  const load = os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')
  console.log(
    `frame-modes: pinned at ${flags['pin-at']}, ${processes} processes per kind, ${rounds} rounds × ${duration} s, ${connections} connections, load ${load}`,
  )
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? [...servers].reverse() : servers
    for (const server of order) {
      const { cpuUs, requestsPerSecond } = await measure(server, duration)
      server.cpuUs.push(cpuUs)
      server.requestsPerSecond.push(requestsPerSecond)
    }
  }
} finally {
  await stopAll()
}

const bareMedian = median(servers.filter((s) => s.kind === 'bare').flatMap((s) => s.cpuUs))
const rows = servers.map((s) => ({
  kind: s.kind,
  process: s.index,
  cpuUsPerRequest: median(s.cpuUs),
  requestsPerSecond: median(s.requestsPerSecond),
  bareCpuRatio: bareMedian / median(s.cpuUs),
  rounds: s.cpuUs,
}))
console.log('\n| kind | process | CPU µs/request (median) | each round | req/s (median) | bare CPU ÷ this |')
console.log('|---|---:|---:|---|---:|---:|')
for (const kind of kinds) {
  for (const row of rows.filter((r) => r.kind === kind).sort((a, b) => a.cpuUsPerRequest - b.cpuUsPerRequest)) {
    const each = row.rounds.map((us) => us.toFixed(1)).join(', ')
    console.log(
      `| ${kind} | ${row.process} | ${row.cpuUsPerRequest.toFixed(1)} | ${each} | ${Math.round(row.requestsPerSecond)} | ${row.bareCpuRatio.toFixed(2)} |`,
    )
  }
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)
mkdirSync(join(BENCH_DIR, 'results'), { recursive: true })
const file = join(BENCH_DIR, 'results', `frame-modes-${stamp}.json`)
writeFileSync(file, `${JSON.stringify({ stamp, root: ROOT, pinAt: flags['pin-at'], processes, rounds, duration, connections, routes, rows }, null, 2)}\n`)
console.log(`\nwritten: ${file}`)
