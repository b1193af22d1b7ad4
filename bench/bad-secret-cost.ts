/**
 * What one refused secret costs (issue 12, goal 4), in process: server CPU µs per request of
 * `GET /api/apikeys/current` with a valid key, a malformed secret (bad checksum), a wrong secret
 * of a real key (checked against its hash and booked as a failure), a secret of a key that
 * does not exist, and secrets of such keys each new (a flood of distinct unknown IDs), against a bare Fastify 5 route answering the same 401 JSON. Through
 * `fastify.inject` (no sockets), rounds alternated, CPU from `process.cpuUsage()`; key lock-out
 * off and no failure throttle, as for a flood from many addresses.
 *
 *   npx tsx bench/bad-secret-cost.ts [--rounds 8] [--requests 3000] [--database-url postgres://…]
 *
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import Fastify, { type FastifyInstance, type InjectOptions } from 'fastify'
import { buildApp } from '../src/app.js'
import { createSecret } from '../src/auth/secret-format.js'
import { loadConfig } from '../src/config.js'
import { FULL_ACCESS_ROLE_ID } from '../src/roles/role.js'

const { values: flags } = parseArgs({
  options: { rounds: { type: 'string', default: '8' }, requests: { type: 'string', default: '3000' }, 'database-url': { type: 'string' } },
})
const scratch = mkdtempSync(join(tmpdir(), 'keyward-bench-bad-secret-'))
const env = { KEYWARD_AUTH_FAILURES_PER_MINUTE: '1000000000', KEYWARD_KEY_LOCKOUT: 'false' }
const app = await buildApp(loadConfig(env, { databaseUrl: flags['database-url'] ?? `sqlite:${join(scratch, 'keyward.db')}`, logLevel: 'warn' }))
const bare: FastifyInstance = Fastify({ logger: false })
try {
  const system = await app.context.systemPrincipal('bench')
  const create = (keyName: string) =>
    app.context.services.apiKeys.create(system, { keyName: `${keyName}-${Date.now()}`, roleID: FULL_ACCESS_ROLE_ID, rateLimits: [] })
  const valid = await create('bench-valid')
  const victim = await create('bench-victim')
  const asking = (secret: string): InjectOptions => ({ method: 'GET', url: '/api/apikeys/current', headers: { 'api-version': 'v1', 'api-secret-key': secret } })
  let unknownId = 1_000_000_000
  const cases: Record<string, { options: () => InjectOptions; status: number }> = {
    valid: { options: () => asking(valid.secret), status: 200 },
    malformed: { options: () => asking(`${valid.secret.slice(0, -1)}${valid.secret.endsWith('A') ? 'B' : 'A'}`), status: 401 },
    'wrong secret': { options: () => asking(createSecret(victim.record.id)), status: 401 },
    'unknown key': { options: () => asking(createSecret(999_999)), status: 401 },
    'unknown keys, each new': { options: () => asking(createSecret(unknownId++)), status: 401 },
  }
  const refusal = await app.fastify.inject(cases.malformed!.options())
  bare.get('/api/apikeys/current', (_, reply) => reply.code(401).send(refusal.json()))
  await bare.ready()

  const cpuPerRequest = async (fastify: FastifyInstance, name: string, count: number) => {
    const { options, status } = cases[name]!
    const start = process.cpuUsage()
    for (let sent = 0; sent < count; sent += 50) {
      const answers = await Promise.all(Array.from({ length: 50 }, () => fastify.inject(options())))
      for (const res of answers) if (res.statusCode !== status) throw new Error(`${name}: ${res.statusCode} ${res.body}`)
    }
    // The failure bookkeeping is written after the answer: count its CPU too.
    await app.context.verifier.failures.settled()
    const used = process.cpuUsage(start)
    return (used.user + used.system) / count
  }
  const samples = new Map<string, number[]>()
  const rounds = Number(flags.rounds)
  for (let round = -1; round < rounds; round++) {
    const runs: [string, FastifyInstance, string][] = [
      ...Object.keys(cases).map((name): [string, FastifyInstance, string] => [`Keyward ${name}`, app.fastify, name]),
      ['bare Fastify 401', bare, 'malformed'],
    ]
    for (const [label, fastify, name] of round % 2 === 0 ? runs : runs.reverse()) {
      const perRequest = await cpuPerRequest(fastify, name, round < 0 ? 500 : Number(flags.requests))
      if (round >= 0) samples.set(label, [...(samples.get(label) ?? []), perRequest])
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  console.log(`bad-secret-cost: ${app.context.store.engine}, ${rounds} rounds × ${flags.requests} requests, load ${loadavg()[0]!.toFixed(2)}`)
  console.log('| request | CPU µs/req least | median |\n|---|---:|---:|')
  for (const [label, xs] of samples) console.log(`| ${label} | ${Math.min(...xs).toFixed(1)} | ${median(xs).toFixed(1)} |`)
} finally {
  await bare.close()
  await app.close()
  rmSync(scratch, { recursive: true, force: true })
}
