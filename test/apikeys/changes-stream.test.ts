import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KeywardApp } from '../../src/app.js'
import { expectStatus, Harness, type TestKey } from '../helpers/harness.js'
import { testEngine } from '../helpers/test-database.js'

interface StreamEvent {
  readonly id: number
  readonly event: string
  readonly data: any
}

/** A client of the stream over real HTTP: it collects events and waits for them, without timers. */
class StreamClient {
  readonly events: StreamEvent[] = []
  readonly #controller = new AbortController()
  readonly #waiters: { count: number; resolve: () => void }[] = []
  done: Promise<void> = Promise.resolve()

  static async open(
    baseUrl: string,
    secret: string,
    options: { lastEventId?: number; query?: string } = {},
  ): Promise<{ client: StreamClient; status: number; body?: unknown }> {
    const client = new StreamClient()
    const headers: Record<string, string> = { 'api-version': 'v1', 'api-secret-key': secret }
    if (options.lastEventId !== undefined) headers['last-event-id'] = String(options.lastEventId)
    const res = await fetch(`${baseUrl}/api/apikeys/changes${options.query ?? ''}`, { headers, signal: client.#controller.signal })
    if (res.status !== 200) return { client, status: res.status, body: await res.json() }
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    client.done = client.#read(res.body!)
    return { client, status: res.status }
  }

  async #read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder()
    let buffer = ''
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true })
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const fields = Object.fromEntries(
            block
              .split('\n')
              .filter((line) => !line.startsWith(':') && line.includes(': '))
              .map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)]),
          )
          if (fields.event === undefined) continue
          this.events.push({ id: Number(fields.id), event: fields.event, data: JSON.parse(fields.data ?? 'null') })
          for (const waiter of [...this.#waiters]) if (this.events.length >= waiter.count) waiter.resolve()
        }
      }
    } catch (error) {
      if ((error as Error).name !== 'AbortError') throw error
    }
  }

  /** Waits until `count` events (the ready event included) have arrived. */
  async waitFor(count: number): Promise<StreamEvent[]> {
    if (this.events.length < count) await new Promise<void>((resolve) => this.#waiters.push({ count, resolve }))
    return this.events
  }

  close(): void {
    this.#controller.abort()
  }
}

async function listen(app: KeywardApp): Promise<string> {
  await app.fastify.listen({ host: '127.0.0.1', port: 0 })
  return `http://127.0.0.1:${(app.fastify.server.address() as AddressInfo).port}`
}

describe(`${testEngine()}: the stream of key changes (GET /apikeys/changes)`, () => {
  let h: Harness
  let service: TestKey
  let baseUrl: string
  const admin = () => ({ secret: h.keys.fullAccess.secret })

  beforeAll(async () => {
    h = await Harness.start()
    service = await h.key({ role: (await h.role({ name: 'listener', rights: ['apikeyRights.canVerifyApiKeys'] })).id })
    baseUrl = await listen(h.app)
  })
  afterAll(() => h.close())

  it('streams lock, unlock, new secret, role, permission, expiry and IP changes, and a delete, each with its key and fields', async () => {
    const key = await h.key({ role: 2 })
    const role = await h.role({ name: 'streamed-role', permissions: ['a'] })
    const { client } = await StreamClient.open(baseUrl, service.secret)
    const [ready] = await client.waitFor(1)
    expect(ready).toMatchObject({ event: 'ready' })
    expectStatus(await h.post(`/api/apikeys/${key.id}`, { ...admin(), body: { active: false } }), 200)
    expectStatus(await h.post(`/api/apikeys/${key.id}`, { ...admin(), body: { active: true } }), 200)
    expectStatus(await h.post(`/api/apikeys/${key.id}/secretkey`, admin()), 200)
    expectStatus(
      await h.post(`/api/apikeys/${key.id}`, {
        ...admin(),
        body: { roleID: role.id, permissions: ['b'], expiryDate: h.clock() + 86_400_000, ipAllowList: ['192.0.2.0/24'] },
      }),
      200,
    )
    expectStatus(await h.post(`/api/roles/${role.id}`, { ...admin(), body: { permissions: ['a', 'c'] } }), 200)
    expectStatus(await h.delete(`/api/apikeys/${key.id}`, admin()), 200)
    const events = (await client.waitFor(7)).slice(1)
    client.close()
    expect(events.map((e) => [e.event, e.data.keyID ?? `role ${e.data.roleID}`])).toEqual([
      ['apikey.lock', key.id],
      ['apikey.unlock', key.id],
      ['apikey.new_secret', key.id],
      ['apikey.modify', key.id],
      ['role.modify', `role ${role.id}`],
      ['apikey.delete', key.id],
    ])
    expect(events[3]!.data.fields).toEqual(expect.arrayContaining(['roleID', 'permissions', 'expiryDate', 'ipAllowList']))
    expect(events[4]!.data.fields).toEqual(['permissions'])
    const ids = events.map((e) => e.id)
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    for (const event of events) expect(event.data.id).toBe(event.id)
    expect(ids[0]).toBeGreaterThan(ready!.id)
  })

  it('resumes after Last-Event-ID: the changes made while disconnected arrive once each, in order', async () => {
    const key = await h.key({ role: 2 })
    const { client } = await StreamClient.open(baseUrl, service.secret)
    expectStatus(await h.post(`/api/apikeys/${key.id}`, { ...admin(), body: { active: false } }), 200)
    const seen = await client.waitFor(2)
    const lastId = seen[1]!.id
    client.close()
    await client.done
    expectStatus(await h.post(`/api/apikeys/${key.id}`, { ...admin(), body: { active: true } }), 200)
    expectStatus(await h.post(`/api/apikeys/${key.id}/secretkey`, admin()), 200)
    const { client: resumed } = await StreamClient.open(baseUrl, service.secret, { lastEventId: lastId })
    expectStatus(await h.post(`/api/apikeys/${key.id}`, { ...admin(), body: { description: 'live again' } }), 200)
    const events = (await resumed.waitFor(4)).slice(1)
    resumed.close()
    expect(events.map((e) => e.event)).toEqual(['apikey.unlock', 'apikey.new_secret', 'apikey.modify'])
    expect(new Set(events.map((e) => e.id)).size).toBe(3)
  })

  it('loses nothing across a restart: a fresh process resumes from the database, and changes made in another process are streamed', async () => {
    const key = await h.key({ role: 2 })
    const mark = await h.app.context.services.keyChanges.latestId()
    expectStatus(await h.post(`/api/apikeys/${key.id}`, { ...admin(), body: { active: false } }), 200)
    // A process started after the change, with nothing in memory, has it from the database.
    const fresh = await h.otherProcess()
    const res = await fresh.fastify.inject({
      method: 'GET',
      url: '/api/apikeys/changes?follow=false',
      headers: { 'api-version': 'v1', 'api-secret-key': service.secret, 'last-event-id': String(mark) },
    })
    expect(res.statusCode).toBe(200)
    expect(res.body).toMatch(new RegExp(`event: apikey\\.lock\ndata: \\{"id":\\d+,"action":"apikey\\.lock","time":\\d+,"keyID":${key.id},`))
    // A change made in that other process reaches this process's stream through the change feed.
    const { client } = await StreamClient.open(baseUrl, service.secret)
    await client.waitFor(1)
    const unlock = await fresh.fastify.inject({
      method: 'POST',
      url: `/api/apikeys/${key.id}`,
      headers: { 'api-version': 'v1', 'api-secret-key': h.keys.fullAccess.secret, 'content-type': 'application/json' },
      payload: '{"active":true}',
    })
    expect(unlock.statusCode).toBe(200)
    expect((await client.waitFor(2))[1]).toMatchObject({ event: 'apikey.unlock', data: { keyID: key.id } })
    client.close()
  })

  it('with follow=false sends what happened since the resume point, then ends', async () => {
    const key = await h.key({ role: 2 })
    const mark = await h.app.context.services.keyChanges.latestId()
    expectStatus(await h.post(`/api/apikeys/${key.id}`, { ...admin(), body: { active: false } }), 200)
    const res = await h.get(`/api/apikeys/changes?follow=false&since=${mark}`, { secret: service.secret })
    expectStatus(res, 200)
    expect(res.text).toContain(`event: ready`)
    expect(res.text).toContain(`event: apikey.lock\ndata: {"id":`)
    expect(res.text.match(/^event: apikey\./gm)).toHaveLength(1)
  })

  it('needs canVerifyApiKeys (403 in JSON) and credentials (401)', async () => {
    const denied = await StreamClient.open(baseUrl, h.keys.auditor.secret)
    expect(denied.status).toBe(403)
    expect(denied.body).toMatchObject({ code: 'apikey.verify_denied' })
    const anonymous = await fetch(`${baseUrl}/api/apikeys/changes`, { headers: { 'api-version': 'v1' } })
    expect(anonymous.status).toBe(401)
  })
})
