/**
 * Crash test (issue 11): `kill -9` of a real `keyward serve` at random moments under write
 * load, several rounds, then a check that every acknowledged write, and its audit entry,
 * survived. Also measures what SQLite's synchronous=FULL costs against NORMAL.
 *
 * Usage: `npx tsx bench/crash.ts [--rounds 5] [--writers 8] [--engines sqlite,postgres]`
 * (PostgreSQL: `KEYWARD_BENCH_POSTGRES_URL`, a server where a database may be created).
 * Writes `bench/results/crash-<date>T<time>.json`; exits 1 when anything acknowledged is lost.
 *
 * @module
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs, promisify } from 'node:util'
import { loadConfig } from '../src/config.js'
import { Store } from '../src/store/store.js'
import { createTestDatabase, type TestEngine } from '../test/helpers/test-database.js'

const BIN = resolve(import.meta.dirname, '../bin/keyward.js')
const { values: flags } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    writers: { type: 'string', default: '8' },
    engines: { type: 'string', default: 'sqlite,postgres' },
    'sync-seconds': { type: 'string', default: '8' },
  },
})
const ROUNDS = Number(flags.rounds)
const WRITERS = Number(flags.writers)

// The bench makes its databases as the tests do; PostgreSQL's server comes from the bench's variable.
process.env.KEYWARD_TEST_POSTGRES_URL ??= process.env.KEYWARD_BENCH_POSTGRES_URL
const createDatabase = (engine: string) => createTestDatabase(engine as TestEngine)

async function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1'], {
    env: { ...process.env, KEYWARD_LOG_LEVEL: 'info', KEYWARD_ADMIN_PASSWORD: 'Crash-passw0rd', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const url = await new Promise<string>((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      output += String(chunk)
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match) resolvePromise(match[1]!)
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk) => (output += String(chunk)))
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)))
  })
  return { child, url }
}

/** A migrated database with one Full Access key (the CLI refuses a database that does not exist yet). */
async function createKey(databaseUrl: string): Promise<string> {
  await promisify(execFile)(process.execPath, [BIN, 'migrate', '--database-url', databaseUrl])
  const { stdout } = await promisify(execFile)(process.execPath, [
    BIN,
    'apikeys',
    'create',
    '--name',
    `writer-${Date.now()}`,
    '--role',
    'Full Access',
    '--json',
    '--database-url',
    databaseUrl,
  ])
  return JSON.parse(stdout).secretKey
}

/** Writes keys from `WRITERS` loops until `stop()`; returns the IDs the server acknowledged. */
function writeLoad(url: string, secret: string, prefix: string) {
  const acknowledged: number[] = []
  let errors = 0
  let stopped = false
  let n = 0
  const loop = async () => {
    while (!stopped) {
      const name = `${prefix}-${n++}`
      try {
        const res = await fetch(`${url}/api/apikeys`, {
          method: 'POST',
          headers: { 'api-version': 'v1', 'api-secret-key': secret, 'content-type': 'application/json' },
          body: JSON.stringify({ keyName: name, roleID: 2 }),
        })
        if (res.status === 200) acknowledged.push((await res.json()).ID)
        else {
          errors++
          await res.arrayBuffer()
        }
      } catch {
        // The server was killed: what it acknowledged before is what counts.
        errors++
        if (stopped) return
      }
    }
  }
  const loops = Promise.all(Array.from({ length: WRITERS }, loop))
  return {
    acknowledged,
    errors: () => errors,
    stop: async () => {
      stopped = true
      await loops
    },
  }
}

async function crashRounds(engine: string) {
  const database = await createDatabase(engine)
  try {
    const secret = await createKey(database.url)
    const acknowledged: number[] = []
    const rounds = []
    for (let round = 0; round < ROUNDS; round++) {
      const server = await startServer({ KEYWARD_DATABASE_URL: database.url })
      const load = writeLoad(server.url, secret, `r${round}`)
      const killAfterMs = 500 + Math.floor(Math.random() * 2500)
      await new Promise((r) => setTimeout(r, killAfterMs))
      const exited = new Promise((r) => server.child.once('exit', r))
      server.child.kill('SIGKILL')
      await exited
      await load.stop()
      acknowledged.push(...load.acknowledged)
      rounds.push({ round, killAfterMs, acknowledged: load.acknowledged.length, failedOrCut: load.errors() })
      process.stdout.write(`${engine} round ${round}: killed after ${killAfterMs} ms, ${load.acknowledged.length} acknowledged\n`)
    }
    const store = await Store.open(database.url, loadConfig({}, { databaseUrl: database.url }))
    try {
      const keys = new Set((await store.db.selectFrom('api_keys').select('id').execute()).map((row) => row.id))
      const audited = new Set(
        (await store.db.selectFrom('audit_events').select('resource_id').where('action', '=', 'apikey.create').execute()).map((row) => row.resource_id),
      )
      const lost = acknowledged.filter((id) => !keys.has(id))
      const unaudited = acknowledged.filter((id) => keys.has(id) && !audited.has(id))
      const keysWithoutAudit = [...keys].filter((id) => !audited.has(id)).length
      return { engine, rounds, acknowledged: acknowledged.length, lost: lost.length, unaudited: unaudited.length, keysWithoutAudit }
    } finally {
      await store.close()
    }
  } finally {
    await database.drop()
  }
}

/** Acknowledged writes per second on SQLite with synchronous FULL and NORMAL, alternated. */
async function synchronousCost() {
  const seconds = Number(flags['sync-seconds'])
  const results: { synchronous: string; writesPerSecond: number }[] = []
  for (const synchronous of ['full', 'normal', 'full', 'normal']) {
    const database = await createDatabase('sqlite')
    try {
      const secret = await createKey(database.url)
      const server = await startServer({ KEYWARD_DATABASE_URL: database.url, KEYWARD_SQLITE_SYNCHRONOUS: synchronous })
      const load = writeLoad(server.url, secret, synchronous)
      await new Promise((r) => setTimeout(r, seconds * 1000))
      await load.stop()
      server.child.kill('SIGTERM')
      await new Promise((r) => server.child.once('exit', r))
      results.push({ synchronous, writesPerSecond: Math.round(load.acknowledged.length / seconds) })
      process.stdout.write(`sqlite synchronous=${synchronous}: ${results.at(-1)!.writesPerSecond} acknowledged writes/s\n`)
    } finally {
      await database.drop()
    }
  }
  return results
}

const engines = flags.engines.split(',')
const crash = []
for (const engine of engines) crash.push(await crashRounds(engine))
const synchronous = engines.includes('sqlite') ? await synchronousCost() : []
const report = { date: new Date().toISOString(), rounds: ROUNDS, writers: WRITERS, crash, synchronous }
mkdirSync(resolve(import.meta.dirname, 'results'), { recursive: true })
const file = resolve(import.meta.dirname, `results/crash-${report.date.slice(0, 19).replaceAll(':', '')}.json`)
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)
console.log(JSON.stringify(report, null, 2))
console.log(`written to ${file}`)
if (crash.some((r) => r.lost > 0 || r.unaudited > 0)) process.exit(1)
