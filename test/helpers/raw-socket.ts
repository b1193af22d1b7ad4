import { connect, type Socket } from 'node:net'
import type { Harness } from './harness.js'

/** The harness's app listening on a loopback port (for tests that need real HTTP). */
export async function listen(h: Harness): Promise<number> {
  const address = h.app.fastify.server.address()
  if (address && typeof address === 'object') return address.port
  await h.app.fastify.listen({ port: 0, host: '127.0.0.1' })
  return (h.app.fastify.server.address() as { port: number }).port
}

export interface RawExchange {
  readonly socket: Socket
  /** Everything the server sent, once it closed the connection. */
  readonly closed: Promise<string>
}

/** Opens a raw TCP connection to the port, collecting what the server answers until it closes. */
export function rawConnection(port: number): Promise<RawExchange> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let received = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => {
      received += chunk
    })
    const closed = new Promise<string>((done) => socket.on('close', () => done(received)))
    // A reset by the server ends in 'close' like any other end; only a failed connect rejects.
    socket.on('error', () => undefined)
    socket.once('connect', () => resolve({ socket, closed }))
    socket.once('error', reject)
  })
}

/** A raw HTTP response, split into status, headers (lower-case names) and body. */
export function parseRawResponse(text: string): { status: number; headers: Record<string, string>; body: string } {
  const end = text.indexOf('\r\n\r\n')
  const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n')
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body: text.slice(end + 4) }
}
