/**
 * Issue 9, finding 9 (stalls): SQLite runs in the process, so one costly search (50 long LIKE
 * criteria over long descriptions) blocked every other request for seconds. Searches run off
 * the event loop, so /healthz answers within 100 ms, over real HTTP, while the worst search
 * Keyward accepts runs: 50 criteria (the most), each a pattern of nearly 1,000 characters (the
 * longest) that matches every row only after ~1,000 failed tries along a 2,000-character
 * description (the longest), so every criterion is evaluated, slowly, on every row.
 */
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Harness } from '../helpers/harness.js'
import { listen } from '../helpers/raw-socket.js'
import { testEngine } from '../helpers/test-database.js'

const ROWS = 4
const WORST_FILTER = {
  maxItems: 5000,
  countTotal: true,
  searchCriteria: Array.from({ length: 50 }, () => ({ fieldName: 'description', stringValue: `%${'a'.repeat(997)}b%` })),
}

describe(`${testEngine()}: a costly search does not stall other requests`, () => {
  let h: Harness
  let port: number
  beforeAll(async () => {
    h = await Harness.start()
    port = await listen(h)
    const created = h.clock()
    await h.db
      .insertInto('api_keys')
      .values(Array.from({ length: ROWS }, (_, i) => ({ ...stallKey(i), created })))
      .execute()
  })
  afterAll(() => h.close())

  function stallKey(i: number) {
    return {
      ...{
        key_name: `stall-${i}`,
        description: `${'a'.repeat(1999)}b`,
        role_id: 2,
        locale: 'en-US',
        time_zone: 'UTC',
        secret_hash: `stall-${i}`,
        active: 1 as const,
      },
      ...{
        last_sign_in: null,
        last_sign_in_address: null,
        unlock_time: null,
        expiry_date: null,
        service_account: 0 as const,
        created_by_administrator_id: null,
        created_by_api_key_id: null,
      },
      ...{
        rate_limits: null,
        credits_remaining: null,
        credits_refill_interval: null,
        credits_refill_amount: null,
        credits_refill_day: null,
        credits_refilled_at: null,
      },
    }
  }

  function get(path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number; ms: number }> {
    return new Promise((resolve, reject) => {
      const started = performance.now()
      const req = request({ host: '127.0.0.1', port, path, method: body === undefined ? 'GET' : 'POST', headers }, (res) => {
        res.resume()
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }))
      })
      req.on('error', reject)
      req.end(body)
    })
  }

  it('answers /healthz within 100 ms while the worst search runs', async () => {
    const body = JSON.stringify(WORST_FILTER)
    let searching = true
    const search = get(
      '/api/apikeys/search',
      { 'api-version': 'v1', 'api-secret-key': h.keys.fullAccess.secret, 'content-type': 'application/json' },
      body,
    ).finally(() => {
      searching = false
    })
    const during: number[] = []
    while (searching) {
      const health = await get('/healthz')
      expect(health.status).toBe(200)
      during.push(health.ms)
    }
    const result = await search
    expect(result.status).toBe(200)
    // One stalled loop answers nothing until the search ends: one check, seconds long. A free
    // loop answers hundreds; the slowest few wait on the machine (2 cores shared with the
    // search's thread and other test runs), so the bound is on the 95th percentile.
    const times = during.map((ms) => ms.toFixed(1)).join(', ')
    expect(during.length, `health checks answered while the search ran (ms): ${times}`).toBeGreaterThanOrEqual(20)
    const p95 = [...during].sort((a, b) => a - b)[Math.floor(during.length * 0.95)]!
    expect(p95, `95th percentile of health check times (ms): ${times}`).toBeLessThan(100)
  })
})
