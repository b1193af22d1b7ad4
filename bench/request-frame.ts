/**
 * The request frame in process (issue 12, goals 1–3): the server CPU per request of Keyward's
 * `/healthz`, `/api/apikeys/current` and `POST /api/apikeys/verify`, and of a bare Fastify 5
 * answering the same JSON, through `fastify.inject` (no sockets, so what differs is Keyward's
 * own work around the handler). One process, rounds alternated over every app, CPU time from
 * `process.cpuUsage()`: single-digit µs differences that throughput runs on a shared machine
 * cannot resolve. With `--root` given twice (a `git archive` of the commit before, and this
 * checkout), before and after are measured side by side in the same rounds.
 *
 *   npx tsx bench/request-frame.ts [--root <checkout>]... [--rounds 8] [--requests 5000] [--cpu-prof <dir>]
 *
 * @module
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import Fastify, { type FastifyInstance, type InjectOptions } from 'fastify'
import { compareProfiles, type CpuProfile, formatComparison } from './cpuprofile-summary.js'

const { values: flags } = parseArgs({
  options: {
    root: { type: 'string', multiple: true, default: ['.'] },
    rounds: { type: 'string', default: '8' },
    requests: { type: 'string', default: '5000' },
    'cpu-prof': { type: 'string' },
  },
})
const rounds = Number(flags.rounds)
const requests = Number(flags.requests)

interface Target {
  readonly name: string
  readonly fastify: FastifyInstance
  readonly requests: Record<'healthz' | 'current' | 'verify', InjectOptions>
  close(): Promise<void>
}

const scratch = mkdtempSync(join(tmpdir(), 'keyward-bench-frame-'))

/** Keyward's app of one checkout on a scratch SQLite database, with a Full Access key. */
async function keyward(root: string, index: number): Promise<Target> {
  const from = (path: string) => import(pathToFileURL(join(resolve(root), path)).href)
  const [{ buildApp }, { loadConfig }, { FULL_ACCESS_ROLE_ID }] = await Promise.all([from('src/app.ts'), from('src/config.ts'), from('src/roles/role.ts')])
  const app = await buildApp(loadConfig({}, { databaseUrl: `sqlite:${join(scratch, `keyward-${index}.db`)}`, logLevel: 'warn' }))
  const system = await app.context.systemPrincipal('bench')
  const { secret } = await app.context.services.apiKeys.create(system, { keyName: 'bench', roleID: FULL_ACCESS_ROLE_ID, rateLimits: [] })
  const headers = { 'api-version': 'v1', 'api-secret-key': secret }
  return {
    name: `Keyward ${root}`,
    fastify: app.fastify,
    requests: {
      healthz: { method: 'GET', url: '/healthz' },
      current: { method: 'GET', url: '/api/apikeys/current', headers },
      verify: {
        method: 'POST',
        url: '/api/apikeys/verify',
        headers: { ...headers, 'content-type': 'application/json' },
        payload: JSON.stringify({ secretKey: secret }),
      },
    },
    close: () => app.close(),
  }
}

/** Bare Fastify 5 (as `bare-fastify.mjs`) answering the bodies Keyward answered to the same requests. */
async function bare(reference: Target): Promise<Target> {
  const answer = async (name: keyof Target['requests']) => {
    const res = await reference.fastify.inject(reference.requests[name])
    if (res.statusCode !== 200) throw new Error(`${reference.name} ${name}: ${res.statusCode} ${res.body}`)
    return res.json() as object
  }
  const [healthz, current, verify] = [await answer('healthz'), await answer('current'), await answer('verify')]
  const fastify = Fastify({ logger: false })
  fastify.get('/healthz', () => healthz)
  fastify.get('/api/apikeys/current', () => current)
  fastify.post('/api/apikeys/verify', () => verify)
  await fastify.ready()
  return { name: 'bare Fastify', fastify, requests: reference.requests, close: () => fastify.close() }
}

/** CPU µs per request of `count` requests, sent in batches of 50 at once (as connections would). */
async function cpuPerRequest(target: Target, route: keyof Target['requests'], count: number): Promise<number> {
  const options = target.requests[route]
  const start = process.cpuUsage()
  for (let sent = 0; sent < count; sent += 50) {
    const answers = await Promise.all(Array.from({ length: 50 }, () => target.fastify.inject(options)))
    for (const res of answers) if (res.statusCode !== 200) throw new Error(`${target.name} ${route}: ${res.statusCode} ${res.body}`)
  }
  const used = process.cpuUsage(start)
  return (used.user + used.system) / count
}

const targets: Target[] = []
try {
  for (const [i, root] of flags.root.entries()) targets.push(await keyward(root, i))
  targets.push(await bare(targets[0]!))
  const routes = ['healthz', 'current', 'verify'] as const
  const samples = new Map<string, number[]>()
  for (let round = -1; round < rounds; round++) {
    for (const route of routes) {
      for (const target of round % 2 === 0 ? targets : [...targets].reverse()) {
        const perRequest = await cpuPerRequest(target, route, round < 0 ? 1000 : requests)
        if (round < 0) continue // warm-up
        const key = `${target.name}\t${route}`
        samples.set(key, [...(samples.get(key) ?? []), perRequest])
      }
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  const least = (xs: number[]) => Math.min(...xs)
  const bareName = targets.at(-1)!.name
  console.log(
    `request-frame: ${rounds} rounds × ${requests} requests per app and route, load ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  )
  console.log('| app | route | CPU µs/req least | median | ratio to bare (least) | ratio to bare (median) |')
  console.log('|---|---|---:|---:|---:|---:|')
  for (const route of routes) {
    const bareSamples = samples.get(`${bareName}\t${route}`)!
    for (const target of targets) {
      const xs = samples.get(`${target.name}\t${route}`)!
      console.log(
        `| ${target.name} | ${route} | ${least(xs).toFixed(1)} | ${median(xs).toFixed(1)} | ${(least(bareSamples) / least(xs)).toFixed(2)} | ${(median(bareSamples) / median(xs)).toFixed(2)} |`,
      )
    }
  }
  if (targets.length > 2) {
    // Rounds alternate the order, so drift over a round cancels in the median of paired differences.
    console.log(`\nPaired per-round difference to ${targets[0]!.name}, CPU µs/req (median, and the middle half of the rounds):`)
    for (const route of routes) {
      const before = samples.get(`${targets[0]!.name}\t${route}`)!
      for (const target of targets.slice(1, -1)) {
        const diffs = samples
          .get(`${target.name}\t${route}`)!
          .map((x, i) => x - before[i]!)
          .sort((a, b) => a - b)
        const q = (f: number) => diffs[Math.floor((diffs.length - 1) * f)]!.toFixed(1)
        console.log(`${target.name} ${route}: ${q(0.5)} (${q(0.25)} … ${q(0.75)})`)
      }
    }
  }
  if (flags['cpu-prof']) {
    const session = new Session()
    session.connect()
    for (const route of routes) {
      const profiles: CpuProfile[] = []
      for (const target of targets) {
        await session.post('Profiler.enable')
        // Every 100 µs rather than V8's 1 ms: a profile of a few thousand requests needs the samples.
        await session.post('Profiler.setSamplingInterval', { interval: 100 })
        await session.post('Profiler.start')
        await cpuPerRequest(target, route, requests * 2)
        const { profile } = await session.post('Profiler.stop')
        const file = join(resolve(flags['cpu-prof']), `request-frame-${target.name.replace(/\W+/g, '_')}-${route}.cpuprofile`)
        writeFileSync(file, JSON.stringify(profile))
        console.log(`profile: ${file}`)
        profiles.push(profile as CpuProfile)
      }
      // Where each Keyward's gap to bare Fastify goes on this route (bare is the last target).
      const bareProfile = profiles.at(-1)!
      for (const [i, target] of targets.slice(0, -1).entries()) {
        console.log(`\n${target.name} vs bare Fastify, ${route}, in process:\n`)
        console.log(formatComparison(compareProfiles(bareProfile, requests * 2, profiles[i]!, requests * 2, 25), 'bare', 'Keyward'))
      }
    }
    session.disconnect()
  }
} finally {
  for (const target of targets) await target.close()
  rmSync(scratch, { recursive: true, force: true })
}
