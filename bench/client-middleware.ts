/**
 * What keyward-client's middleware costs (issue 10): side by side in one run, with autocannon
 * over loopback,
 *   (a) a bare Fastify route and the same route behind `keyward.fastify()` with a cached key
 *       (goal: at least 0.95 of (a)), and
 *   (b) Keyward's own `POST /api/apikeys/verify` and a bare Fastify route returning the same
 *       JSON.
 * Keyward runs in this process on a scratch SQLite database; the services too, so the numbers
 * are ratios within one event loop, alternated a→b→a→b so noise hits both.
 *
 *   npx tsx bench/client-middleware.ts [--duration 5] [--connections 20] [--rounds 2]
 *
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import Fastify, { type FastifyInstance } from 'fastify'
import { Keyward } from '../packages/client/src/index.js'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config.js'
import { FULL_ACCESS_ROLE_ID } from '../src/roles/role.js'

const { values: flags } = parseArgs({
  options: { duration: { type: 'string', default: '5' }, connections: { type: 'string', default: '20' }, rounds: { type: 'string', default: '2' } },
})

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 })
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
}

async function requestsPerSecond(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<number> {
  const result = await autocannon({ url, duration: Number(flags.duration), connections: Number(flags.connections), ...options })
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`)
  return result.requests.average
}

/** Mean requests/s of two targets, measured alternately. */
async function sideBySide(a: () => Promise<number>, b: () => Promise<number>): Promise<[number, number]> {
  let [sumA, sumB] = [0, 0]
  for (let round = 0; round < Number(flags.rounds); round++) {
    sumA += await a()
    sumB += await b()
  }
  return [sumA / Number(flags.rounds), sumB / Number(flags.rounds)]
}

const scratch = mkdtempSync(join(tmpdir(), 'keyward-bench-client-'))
const keywardApp = await buildApp(loadConfig({}, { databaseUrl: `sqlite:${join(scratch, 'keyward.db')}`, logLevel: 'warn' }))
const servers: FastifyInstance[] = []
try {
  const system = await keywardApp.context.systemPrincipal('bench')
  const create = (name: string) =>
    keywardApp.context.services.apiKeys.create(system, { keyName: name, roleID: FULL_ACCESS_ROLE_ID, permissions: ['invoices.read'], rateLimits: [] })
  const [service, customer] = [await create('bench-service'), await create('bench-customer')]
  const keywardUrl = await listen(keywardApp.fastify)
  const keyward = new Keyward({ baseUrl: keywardUrl, secretKey: service.secret })
  const body = { ok: true }

  const bare = Fastify()
  bare.get('/invoices', async () => body)
  const protectedApp = Fastify()
  protectedApp.get('/invoices', { onRequest: keyward.fastify({ permissions: 'invoices.read' }) }, async () => body)
  const verifyAnswer = await keyward.verifyApiKey({ secretKey: customer.secret })
  const bareVerify = Fastify()
  bareVerify.post('/api/apikeys/verify', async () => verifyAnswer)
  servers.push(bare, protectedApp, bareVerify)
  const [bareUrl, protectedUrl, bareVerifyUrl] = [await listen(bare), await listen(protectedApp), await listen(bareVerify)]

  const authorization = { authorization: `Bearer ${customer.secret}` }
  await keyward.verify(customer.secret, { permissions: 'invoices.read' })
  await requestsPerSecond(`${protectedUrl}/invoices`, { headers: authorization })
  const [bareRate, protectedRate] = await sideBySide(
    () => requestsPerSecond(`${bareUrl}/invoices`),
    () => requestsPerSecond(`${protectedUrl}/invoices`, { headers: authorization }),
  )
  const verifyRequest = {
    method: 'POST',
    headers: { 'api-version': 'v1', authorization: `ApiKey ${service.secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ secretKey: customer.secret }),
  }
  const [bareVerifyRate, verifyRate] = await sideBySide(
    () => requestsPerSecond(`${bareVerifyUrl}/api/apikeys/verify`, verifyRequest),
    () => requestsPerSecond(`${keywardUrl}/api/apikeys/verify`, verifyRequest),
  )
  const ratio = protectedRate / bareRate
  console.log(`bare Fastify route               ${bareRate.toFixed(0)} req/s`)
  console.log(
    `same route behind keyward.fastify ${protectedRate.toFixed(0)} req/s  ratio ${ratio.toFixed(3)} (goal >= 0.95: ${ratio >= 0.95 ? 'met' : 'NOT met'})`,
  )
  console.log(`bare route, verify's JSON         ${bareVerifyRate.toFixed(0)} req/s`)
  console.log(`Keyward POST /api/apikeys/verify  ${verifyRate.toFixed(0)} req/s  ratio ${(verifyRate / bareVerifyRate).toFixed(3)}`)
  await keyward.close()
} finally {
  for (const server of servers) await server.close()
  await keywardApp.close()
  rmSync(scratch, { recursive: true, force: true })
}
