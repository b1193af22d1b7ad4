import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import express from 'express'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invoiceService } from '../../../examples/invoice-service/service.js'
import { testEngine } from '../../../test/helpers/test-database.js'
import { Keyward, type VerifiedKey } from '../src/index.js'
import { startKeyward, type KeywardOnLoopback } from './helpers/keyward-on-loopback.js'
import { changeOf, connectedClient } from './helpers/stream-events.js'

type Framework = 'fastify' | 'express' | 'hono'
const FRAMEWORKS: readonly Framework[] = ['fastify', 'express', 'hono']
const PERMISSIONS = 'invoices.read'

/**
 * The same service in each framework: GET /invoices needs `invoices.read` (the secret from
 * Authorization or x-api-key) and answers with the key the middleware verified. The Fastify one
 * is the example service in examples/.
 */
async function startService(framework: Framework, keyward: Keyward): Promise<{ url: string; close(): Promise<void> }> {
  const options = { permissions: PERMISSIONS, header: 'x-api-key' }
  if (framework === 'fastify') {
    const app = invoiceService(keyward)
    await app.listen({ host: '127.0.0.1', port: 0 })
    return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, close: () => app.close() }
  }
  if (framework === 'express') {
    const app = express()
    app.get('/invoices', keyward.express(options), (req, res) => {
      const key: VerifiedKey | undefined = keyward.keyOf(req)
      res.json({ key, sameAsLocals: res.locals.apiKey === key })
    })
    const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
    })
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => closeServer(server) }
  }
  const app = new Hono()
  app.get('/invoices', keyward.hono(options), (c) => c.json({ key: keyward.keyOf(c), sameAsGet: c.get('apiKey' as never) === keyward.keyOf(c) }))
  const server = await new Promise<ServerType>((resolve) => {
    const listening = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(listening))
  })
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => closeServer(server) }
}

function closeServer(server: { close(done: () => void): unknown; closeAllConnections?(): void }): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections?.()
  })
}

describe(`${testEngine()}: keyward-client's middleware in real Fastify, Express and Hono services`, () => {
  let kw: KeywardOnLoopback
  let keyward: Keyward
  const services = new Map<Framework, { url: string; close(): Promise<void> }>()
  beforeAll(async () => {
    kw = await startKeyward()
    keyward = await connectedClient({ baseUrl: kw.baseUrl, secretKey: kw.h.keys.fullAccess.secret })
    for (const framework of FRAMEWORKS) services.set(framework, await startService(framework, keyward))
  })
  afterAll(async () => {
    for (const service of services.values()) await service.close()
    await keyward.close()
    await kw.close()
  })

  async function call(framework: Framework, headers: Record<string, string> = {}) {
    const res = await fetch(`${services.get(framework)!.url}/invoices`, { headers })
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as any }
  }

  describe.each(FRAMEWORKS)('%s', (framework) => {
    it('lets a good key through with its ID, name, permissions, meta and externalID, from any of the three headers', async () => {
      const customer = await kw.h.key({ role: 2, permissions: [PERMISSIONS], meta: { plan: 'pro' }, externalID: 'cus_1' })
      const expected = {
        keyID: customer.id,
        keyName: customer.record.keyName,
        roleID: 2,
        permissions: [PERMISSIONS],
        meta: { plan: 'pro' },
        externalID: 'cus_1',
      }
      const variants: Record<string, string>[] = [
        { authorization: `Bearer ${customer.secret}` },
        { authorization: `ApiKey ${customer.secret}` },
        { 'x-api-key': customer.secret },
      ]
      for (const headers of variants) {
        const res = await call(framework, headers)
        expect(res.status, JSON.stringify(res.body)).toBe(200)
        expect(res.body.key).toEqual(expected)
        if (framework !== 'fastify') expect(res.body.sameAsLocals ?? res.body.sameAsGet).toBe(true)
      }
    })

    it('answers a cached key without asking Keyward, and 401 once the key is locked on Keyward', async () => {
      const customer = await kw.h.key({ role: 2, permissions: [PERMISSIONS] })
      const bearer = { authorization: `Bearer ${customer.secret}` }
      expect((await call(framework, bearer)).status).toBe(200)
      const before = kw.requests()
      expect((await call(framework, bearer)).status).toBe(200)
      expect(kw.requests(), 'the second request was answered from the cache').toBe(before)
      const locked = changeOf(keyward.changes!, { keyID: customer.id })
      await kw.h.app.context.services.apiKeys.modify(kw.h.system, customer.id, { active: false })
      await locked
      expect(await call(framework, bearer)).toMatchObject({ status: 401, body: { code: 'LOCKED' } })
    })

    it('refuses with 401, 403 and 429 (with Retry-After) as Keyward decides', async () => {
      const secretOf = async (options: Parameters<typeof kw.h.key>[0]) => ({
        authorization: `Bearer ${(await kw.h.key({ role: 2, permissions: [PERMISSIONS], ...options })).secret}`,
      })
      const offRole = await kw.h.role({ allowWebService: false, permissions: [PERMISSIONS] })
      expect(await call(framework)).toMatchObject({ status: 401, body: { code: 'MISSING_KEY' } })
      expect(await call(framework, { authorization: 'Bearer kw_1_thisisnotakey' })).toMatchObject({ status: 401, body: { code: 'NOT_FOUND' } })
      expect(await call(framework, await secretOf({ locked: true }))).toMatchObject({ status: 401, body: { code: 'LOCKED' } })
      expect(await call(framework, await secretOf({ role: offRole.id }))).toMatchObject({ status: 401, body: { code: 'DISABLED_ROLE' } })
      expect(await call(framework, await secretOf({ ipAllowList: ['192.0.2.0/24'] }))).toMatchObject({ status: 403, body: { code: 'IP_NOT_ALLOWED' } })
      expect(await call(framework, await secretOf({ permissions: [] }))).toMatchObject({ status: 403, body: { code: 'INSUFFICIENT_PERMISSIONS' } })
      const expiring = await secretOf({ expiresAt: kw.h.clock() + 1_000 })
      kw.h.clock.advance(2_000)
      expect(await call(framework, expiring)).toMatchObject({ status: 401, body: { code: 'EXPIRED' } })
      const spent = await kw.h.key({ role: 2, permissions: [PERMISSIONS] })
      await keyward.modifyApiKey(spent.id, { credits: { remaining: 0 } })
      expect(await call(framework, { authorization: `Bearer ${spent.secret}` })).toMatchObject({ status: 429, body: { code: 'USAGE_EXCEEDED' } })
      const limited = await kw.h.key({ role: 2, permissions: [PERMISSIONS] })
      await keyward.modifyApiKey(limited.id, { rateLimits: [{ name: 'default', limit: 1, duration: 60_000 }] })
      const bearer = { authorization: `Bearer ${limited.secret}` }
      expect((await call(framework, bearer)).status).toBe(200)
      const refused = await call(framework, bearer)
      expect(refused).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } })
      expect(Number(refused.retryAfter)).toBeGreaterThan(0)
    })
  })

  it('answers 503, never 200, for a key it cannot verify while Keyward is unreachable', async () => {
    const nowhere = new Keyward({ baseUrl: 'http://127.0.0.1:1', secretKey: kw.h.keys.fullAccess.secret, stream: false })
    const service = await startService('express', nowhere)
    try {
      const res = await fetch(`${service.url}/invoices`, { headers: { authorization: `Bearer ${kw.h.keys.auditor.secret}` } })
      expect(res.status).toBe(503)
      expect(await res.json()).toMatchObject({ code: 'KEYWARD_UNAVAILABLE' })
    } finally {
      await service.close()
    }
  })
})
