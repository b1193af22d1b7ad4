import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KeywardApp } from '../../../src/app.js'
import { testEngine } from '../../../test/helpers/test-database.js'
import { Keyward, UNREACHABLE } from '../src/index.js'
import { listenBelowEphemeralPorts, startKeyward, stopKeyward, type KeywardOnLoopback } from './helpers/keyward-on-loopback.js'
import { changeOf, connectedClient, nextEvent } from './helpers/stream-events.js'

const FALLBACK_AGE_MS = 10_000

describe(`${testEngine()}: keyward-client's cache follows Keyward's stream of key changes`, () => {
  let kw: KeywardOnLoopback
  let keyward: Keyward
  beforeAll(async () => {
    kw = await startKeyward()
    keyward = await connectedClient({ baseUrl: kw.baseUrl, secretKey: kw.h.keys.fullAccess.secret })
  })
  afterAll(async () => {
    await keyward.close()
    await kw.close()
  })

  /** Verifies a key twice, the second time from the cache (no request reaches Keyward). */
  async function cached(secret: string, permissions?: string) {
    const answer = await keyward.verify(secret, { permissions })
    expect(answer.valid, JSON.stringify(answer)).toBe(true)
    const before = kw.requests()
    await keyward.verify(secret, { permissions })
    expect(kw.requests(), 'the second verification came from the cache').toBe(before)
    return answer
  }

  it('feels a lock, a new secret, a delete and a role change as soon as their events arrive', async () => {
    const system = kw.h.system
    const keys = kw.h.app.context.services.apiKeys
    const [locked, renewed, deleted] = [await kw.h.key({ role: 2 }), await kw.h.key({ role: 2 }), await kw.h.key({ role: 2 })]
    const role = await kw.h.role({ permissions: ['invoices.read'] })
    const ofRole = await kw.h.key({ role: role.id })
    for (const key of [locked, renewed, deleted]) await cached(key.secret)
    await cached(ofRole.secret, 'invoices.read')

    let arrived = changeOf(keyward.changes!, { keyID: locked.id })
    await keys.modify(system, locked.id, { active: false })
    await arrived
    expect(await keyward.verify(locked.secret)).toMatchObject({ valid: false, code: 'LOCKED' })

    arrived = changeOf(keyward.changes!, { keyID: renewed.id })
    await keys.newSecret(system, renewed.id)
    await arrived
    expect(await keyward.verify(renewed.secret)).toMatchObject({ valid: false, code: 'NOT_FOUND' })

    arrived = changeOf(keyward.changes!, { keyID: deleted.id })
    await keys.delete(system, deleted.id)
    await arrived
    expect(await keyward.verify(deleted.secret)).toMatchObject({ valid: false, code: 'NOT_FOUND' })

    arrived = changeOf(keyward.changes!, { roleID: role.id })
    await kw.h.app.context.services.roles.modify(system, role.id, { permissions: [] })
    await arrived
    expect(await keyward.verify(ofRole.secret, { permissions: 'invoices.read' })).toMatchObject({ valid: false, code: 'INSUFFICIENT_PERMISSIONS' })
  })

  it('resumes after a Keyward restart without losing a change, and keeps cached keys only for the fallback age while Keyward is down', async () => {
    let offset = 0
    const clock = () => Date.now() + offset
    const first = await kw.h.otherProcess()
    const port = await listenBelowEphemeralPorts(first.fastify)
    let second: KeywardApp | undefined
    const client = new Keyward({
      baseUrl: `http://127.0.0.1:${port}`,
      secretKey: kw.h.keys.fullAccess.secret,
      clock,
      stream: { reconnectDelayMs: 10, maxReconnectDelayMs: 50 },
    })
    try {
      const [kept, lockedWhileDown] = [await kw.h.key({ role: 2 }), await kw.h.key({ role: 2 })]
      const connected = nextEvent(client.changes!, (event) => event.type === 'connected')
      await client.verify(kept.secret)
      await connected
      for (const key of [kept, lockedWhileDown]) await client.verify(key.secret)

      const lost = nextEvent(client.changes!, (event) => event.type === 'disconnected')
      await stopKeyward(first)
      await lost
      await kw.h.app.context.services.apiKeys.modify(kw.h.system, lockedWhileDown.id, { active: false })

      // Keyward is down: cached answers stand for the fallback age, unknown keys are refused.
      expect(await client.verify(kept.secret)).toMatchObject({ valid: true })
      await expect(client.verify(kw.h.keys.auditor.secret)).rejects.toMatchObject({ status: 503, code: UNREACHABLE })
      offset += FALLBACK_AGE_MS
      await expect(client.verify(kept.secret)).rejects.toMatchObject({ status: 503, code: UNREACHABLE })

      const heard: number[] = []
      client.changes!.subscribe((event) => event.type === 'change' && heard.push(event.change.keyID ?? 0))
      const resumed = nextEvent(client.changes!, (event) => event.type === 'connected')
      second = await kw.h.otherProcess()
      await listenBelowEphemeralPorts(second.fastify, port)
      expect(await resumed).toMatchObject({ type: 'connected', isResumed: true })
      // Events come in order: once a change made after the restart has arrived, any earlier one has.
      const sentinel = await kw.h.key({ role: 2 })
      const arrived = changeOf(client.changes!, { keyID: sentinel.id })
      await kw.h.app.context.services.apiKeys.delete(kw.h.system, sentinel.id)
      await arrived
      expect(heard, 'the lock made while Keyward was down reached the client').toContain(lockedWhileDown.id)
      expect(await client.verify(lockedWhileDown.secret)).toMatchObject({ valid: false, code: 'LOCKED' })
      expect(await client.verify(kept.secret)).toMatchObject({ valid: true })
    } finally {
      await client.close()
      if (second) await stopKeyward(second)
    }
  })
})
