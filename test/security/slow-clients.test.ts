/**
 * Issue 9, finding 9 (slow clients): a request body sent one byte every few seconds held its
 * connection open indefinitely. Requests must arrive whole within KEYWARD_REQUEST_TIMEOUT and
 * their headers within KEYWARD_HEADERS_TIMEOUT, or the connection is answered 408 and closed.
 * The test runs with short timeouts and a client that trickles a byte every 50 ms: it passes
 * once the server cuts the client off, long before the client would have finished.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Harness } from '../helpers/harness.js'
import { listen, parseRawResponse, rawConnection } from '../helpers/raw-socket.js'
import { testEngine } from '../helpers/test-database.js'

/** A trickle that would take ~100 s to finish. */
const TRICKLE_BYTES = 2000
const TRICKLE_EVERY_MS = 50

describe(`${testEngine()}: slow clients are cut off`, () => {
  let h: Harness
  let port: number
  beforeAll(async () => {
    h = await Harness.start({ requestTimeoutMs: 1000, headersTimeoutMs: 500 })
    port = await listen(h)
  })
  afterAll(() => h.close())

  /** Sends `head`, then one byte of `x` at a time until the server closes (or the trickle ends). */
  async function trickle(head: string): Promise<{ response: ReturnType<typeof parseRawResponse>; trickled: number }> {
    const { socket, closed } = await rawConnection(port)
    socket.write(head)
    let trickled = 0
    const timer = setInterval(() => {
      if (socket.destroyed || trickled >= TRICKLE_BYTES) return clearInterval(timer)
      socket.write('x')
      trickled++
    }, TRICKLE_EVERY_MS)
    const text = await closed
    clearInterval(timer)
    return { response: parseRawResponse(text), trickled }
  }

  it('cuts off a body sent one byte at a time (408 request.timeout)', async () => {
    const { response, trickled } = await trickle(
      `POST /api/session HTTP/1.1\r\nHost: x\r\nApi-Version: v1\r\nContent-Type: application/json\r\nContent-Length: ${TRICKLE_BYTES}\r\n\r\n`,
    )
    expect(trickled).toBeLessThan(TRICKLE_BYTES)
    expect(response.status, JSON.stringify(response)).toBe(408)
    expect(JSON.parse(response.body)).toEqual({ message: 'The request did not arrive in time; the connection is closed.', code: 'request.timeout' })
  })

  it('cuts off a body that trickles on after an early refusal', async () => {
    const { response, trickled } = await trickle(`POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Length: ${TRICKLE_BYTES}\r\n\r\n`)
    expect(trickled).toBeLessThan(TRICKLE_BYTES)
    expect(response.status).toBe(400)
    expect(
      response.body.startsWith(JSON.stringify({ message: 'The api-version header is required. Send api-version: v1.', code: 'request.api_version_missing' })),
    ).toBe(true)
  })

  it('cuts off headers sent one byte at a time (408 request.timeout)', async () => {
    const { response, trickled } = await trickle('GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ')
    expect(trickled).toBeLessThan(TRICKLE_BYTES)
    expect(response.status, JSON.stringify(response)).toBe(408)
    expect(JSON.parse(response.body).code).toBe('request.timeout')
  })
})
