// Preloaded into the Keyward server child by bench/verify-hot-path.ts
// (`node --import ./bench/server-probe.mjs bin/keyward.js serve`); never part of the product.
//
// It answers the benchmark over the child's IPC channel, so the benchmark can ask the real
// server, between phases, what it did:
//   { type: 'stats' }                     → CPU time, event-loop utilisation, SQL statements run,
//                                           garbage collections (count and time by kind), heap, young generation and RSS
//   { type: 'profile-start', intervalUs } → starts V8's CPU profiler (what `node --cpu-prof` uses)
//   { type: 'profile-stop', path }        → stops it and writes a .cpuprofile file
//
// SQL statements are counted by wrapping the calls every statement goes through:
// `better-sqlite3`'s `Statement#run`, `#all`, `#get` and `#iterate` (Keyward's driver keeps
// prepared statements, so `Database#prepare` would count only the first run; `Database#exec`,
// its BEGIN and COMMIT, is not counted) and `pg`'s `Client#query` (Kysely's pool clients and the
// LISTEN connection). The wrapper costs one Map update per statement; on a hot path that runs no
// SQL it costs nothing at all.
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector'
import { createRequire } from 'node:module'
import { PerformanceObserver, constants, performance } from 'node:perf_hooks'
import { join } from 'node:path'
import { getHeapSpaceStatistics } from 'node:v8'

const require = createRequire(join(process.cwd(), 'package.json'))

/** Statement text (trimmed, at most 160 characters) → how many times it ran. */
const statements = new Map()
let total = 0

function count(sql) {
  const text = typeof sql === 'string' ? sql : typeof sql?.text === 'string' ? sql.text : '(non-text query)'
  const key = text.replace(/\s+/g, ' ').trim().slice(0, 160)
  statements.set(key, (statements.get(key) ?? 0) + 1)
  total++
}

const hooked = []
try {
  const Sqlite = require('better-sqlite3')
  const probe = new Sqlite(':memory:')
  const Statement = Object.getPrototypeOf(probe.prepare('select 1'))
  probe.close()
  for (const name of ['run', 'all', 'get', 'iterate']) {
    const execute = Statement[name]
    Statement[name] = function countedExecution(...rest) {
      count(this.source)
      return execute.apply(this, rest)
    }
  }
  hooked.push('better-sqlite3')
} catch {
  // not installed: nothing to count
}
try {
  const pg = require('pg')
  const query = pg.Client.prototype.query
  pg.Client.prototype.query = function countedQuery(config, ...rest) {
    count(config)
    return query.call(this, config, ...rest)
  }
  hooked.push('pg')
} catch {
  // not installed: nothing to count
}

/** Garbage collections since start, by kind: count and total pause in ms. */
const GC_KINDS = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
}
const gc = { minor: { count: 0, ms: 0 }, major: { count: 0, ms: 0 }, incremental: { count: 0, ms: 0 }, weakcb: { count: 0, ms: 0 } }
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const kind = gc[GC_KINDS[entry.detail?.kind]]
    if (!kind) continue
    kind.count++
    kind.ms += entry.duration
  }
}).observe({ entryTypes: ['gc'] })

let session

function post(method, params) {
  return new Promise((resolve, reject) => {
    session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result)))
  })
}

async function handle(message) {
  switch (message?.type) {
    case 'stats': {
      const cpu = process.cpuUsage()
      return {
        type: 'stats',
        hooked,
        cpuUserUs: cpu.user,
        cpuSystemUs: cpu.system,
        elu: performance.eventLoopUtilization(),
        sqlTotal: total,
        sqlStatements: Object.fromEntries(statements),
        rssBytes: process.memoryUsage().rss,
        heapUsedBytes: process.memoryUsage().heapUsed,
        // The young generation's size: V8 grows and shrinks it, and scavenges as often as it fills.
        newSpaceBytes: getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0,
        gc: structuredClone(gc),
      }
    }
    case 'profile-start': {
      session ??= new Session()
      session.connect()
      await post('Profiler.enable')
      await post('Profiler.setSamplingInterval', { interval: message.intervalUs ?? 500 })
      await post('Profiler.start')
      return { type: 'profile-started' }
    }
    case 'profile-stop': {
      const { profile } = await post('Profiler.stop')
      await post('Profiler.disable')
      session.disconnect()
      writeFileSync(message.path, JSON.stringify(profile))
      return { type: 'profile-stopped', path: message.path }
    }
    default:
      return { type: 'error', error: `unknown message ${JSON.stringify(message)}` }
  }
}

if (process.send) {
  process.on('message', (message) => {
    handle(message).then(
      (reply) => process.send?.({ ...reply, id: message?.id }),
      (error) => process.send?.({ type: 'error', id: message?.id, error: String(error?.stack ?? error) }),
    )
  })
  // The channel alone must not keep the process alive.
  process.channel?.unref()
}
