/**
 * Issue 9, finding 10 (refusals): requests that Node's HTTP parser refuses before Fastify sees
 * them (bad header bytes, headers over the size limit, a malformed request line) answered
 * Fastify's own JSON. They answer Keyward's `{"message","code"}` like every other error.
 * Sent over a raw socket: inject() never reaches Node's parser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Harness } from '../helpers/harness.js'
import { listen, parseRawResponse, rawConnection } from '../helpers/raw-socket.js'
import { testEngine } from '../helpers/test-database.js'

describe(`${testEngine()}: requests Node refuses get Keyward's error shape`, () => {
  let h: Harness
  let port: number
  beforeAll(async () => {
    h = await Harness.start()
    port = await listen(h)
  })
  afterAll(() => h.close())

  async function send(request: string) {
    const { socket, closed } = await rawConnection(port)
    socket.write(request, 'latin1')
    return parseRawResponse(await closed)
  }

  it.each([
    ['a control character in a header value', 400, 'request.malformed', 'GET /api/apikeys HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n'],
    ['a space in a header name', 400, 'request.malformed', 'GET /api/apikeys HTTP/1.1\r\nHost: x\r\nBad Name: 1\r\n\r\n'],
    ['a malformed request line', 400, 'request.malformed', 'GARBAGE\r\n\r\n'],
    ['an unknown HTTP version', 400, 'request.malformed', 'GET / HTTP/9.9\r\nHost: x\r\n\r\n'],
    ['a Content-Length that is no number', 400, 'request.malformed', 'POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n'],
    ['headers larger than 16 KB', 431, 'request.headers_too_large', `GET /api/apikeys HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`],
  ])('answers %s with %i %s as JSON, and closes', async (_what, status, code, request) => {
    const res = await send(request)
    expect(res.status, JSON.stringify(res)).toBe(status)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(JSON.parse(res.body)).toEqual({ message: expect.any(String), code })
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.body))
  })

  it('keeps serving afterwards', async () => {
    const res = await send('GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    expect(res.status).toBe(200)
  })
})
