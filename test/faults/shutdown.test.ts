import { connect, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSecret, hashSecret } from '../../src/auth/secret-format.js'
import { loadConfig } from '../../src/config.js'
import { FULL_ACCESS_ROLE_ID } from '../../src/roles/role.js'
import { Store } from '../../src/store/store.js'
import { startServer, type RunningServer } from '../helpers/cli.js'
import { createTestDatabase, testEngine, type TestDatabase } from '../helpers/test-database.js'

const KEYS = 12_000
const DESCRIPTION = 'd'.repeat(1500)

/** Seeds many keys with long descriptions straight into the database: a list of them is ~20 MB. */
async function seed(url: string): Promise<string> {
  const store = await Store.open(url, loadConfig({}, { databaseUrl: url }))
  try {
    const secret = createSecret(1)
    const row = (id: number) => ({
      id,
      key_name: `key-${id}`,
      description: DESCRIPTION,
      locale: 'en-US',
      role_id: FULL_ACCESS_ROLE_ID,
      time_zone: 'UTC',
      active: 1 as const,
      created: Date.now(),
      secret_hash: id === 1 ? hashSecret(secret) : `${id}`.padStart(64, '0'),
      service_account: 0 as const,
    })
    for (let first = 1; first <= KEYS; first += 1000) {
      await store.db
        .insertInto('api_keys')
        .values(Array.from({ length: 1000 }, (_, i) => row(first + i)))
        .execute()
    }
    return secret
  } finally {
    await store.close()
  }
}

/** Sends raw requests on one connection (pipelined) and collects everything that comes back. */
function rawConnection(url: string): { socket: Socket; received: Buffer[]; firstData: Promise<void>; closed: Promise<void> } {
  const { hostname, port } = new URL(url)
  const socket = connect(Number(port), hostname)
  const received: Buffer[] = []
  let onFirst!: () => void
  const firstData = new Promise<void>((resolve) => (onFirst = resolve))
  socket.on('data', (chunk) => {
    received.push(chunk)
    onFirst()
  })
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()))
  socket.on('error', () => {})
  return { socket, received, firstData, closed }
}

function request(path: string, secret: string): string {
  return `GET ${path} HTTP/1.1\r\nHost: keyward\r\napi-version: v1\r\napi-secret-key: ${secret}\r\n\r\n`
}

/** Splits what came back into responses, by Content-Length. */
function responses(raw: Buffer): { status: number; headers: string; body: Buffer }[] {
  const out = []
  let rest = raw
  while (rest.length > 0) {
    const end = rest.indexOf('\r\n\r\n')
    if (end < 0) break
    const headers = rest.subarray(0, end).toString('latin1')
    rest = rest.subarray(end + 4)
    if (/transfer-encoding: chunked/i.test(headers)) {
      // A streamed answer (the API key list): chunks of hexadecimal length, ending with one of 0.
      const chunks: Buffer[] = []
      for (;;) {
        const line = rest.indexOf('\r\n')
        const size = Number.parseInt(rest.subarray(0, line).toString('latin1'), 16)
        chunks.push(rest.subarray(line + 2, line + 2 + size))
        rest = rest.subarray(line + 2 + size + 2)
        if (size === 0 || Number.isNaN(size)) break
      }
      out.push({ status: Number(headers.split(' ')[1]), headers, body: Buffer.concat(chunks) })
      continue
    }
    const length = Number(/content-length: (\d+)/i.exec(headers)?.[1] ?? 0)
    out.push({ status: Number(headers.split(' ')[1]), headers, body: rest.subarray(0, length) })
    rest = rest.subarray(length)
  }
  return out
}

/** Resolves when the server has printed `text`. */
function printed(server: RunningServer, text: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (server.output().includes(text)) {
        server.process.stdout!.off('data', check)
        resolve()
      }
    }
    server.process.stdout!.on('data', check)
    check()
  })
}

function exited(server: RunningServer): Promise<number | null> {
  return server.process.exitCode !== null
    ? Promise.resolve(server.process.exitCode)
    : new Promise((resolve) => server.process.once('exit', (code) => resolve(code)))
}

/**
 * Issue 11, case 5: SIGTERM during a large answer once sent a 200 and then cut its body,
 * exited 0, and reset the connections of later requests.
 */
describe(`${testEngine()}: SIGTERM during a large answer`, () => {
  let database: TestDatabase
  let secret: string
  beforeAll(async () => {
    database = await createTestDatabase()
    secret = await seed(database.url)
  })
  afterAll(() => database?.drop())

  it('finishes the answer in flight, answers later requests on open connections with 503 + Connection: close, and exits 0', async () => {
    const server = await startServer({ KEYWARD_DATABASE_URL: database.url, KEYWARD_ADMIN_PASSWORD: 'Faults-passw0rd' })
    try {
      const slow = rawConnection(server.url)
      const idle = rawConnection(server.url)
      idle.socket.write(request('/healthz', secret))
      await idle.firstData
      slow.socket.write(request('/api/apikeys', secret))
      await slow.firstData
      // The client reads no more for now: the server is stuck writing, as to a slow client.
      slow.socket.pause()
      server.process.kill('SIGTERM')
      await printed(server, 'SIGTERM: shutting down')

      // A request after SIGTERM on a connection opened before it.
      idle.socket.write(request('/api/apikeys/current', secret))
      await idle.closed
      const [health, later, ...more] = responses(Buffer.concat(idle.received))
      expect(health?.status).toBe(200)
      expect(later?.status, later?.headers).toBe(503)
      expect(later!.headers).toMatch(/connection: close/i)
      expect(later!.headers).toMatch(/retry-after: \d+/i)
      expect(JSON.parse(later!.body.toString('utf8'))).toEqual({ code: 'server.shutting_down', message: expect.stringContaining('shutting down') })
      expect(more).toEqual([])

      slow.socket.resume()
      await slow.closed
      const [list] = responses(Buffer.concat(slow.received))
      expect(list?.status).toBe(200)
      expect(JSON.parse(list!.body.toString('utf8')).apiKeys).toHaveLength(KEYS)
      expect(await exited(server)).toBe(0)
    } finally {
      await server.stop()
    }
  })

  it('exits non-zero when the drain deadline cuts an answer short', async () => {
    const server = await startServer({ KEYWARD_DATABASE_URL: database.url, KEYWARD_ADMIN_PASSWORD: 'Faults-passw0rd', KEYWARD_SHUTDOWN_TIMEOUT: '500ms' })
    try {
      const connection = rawConnection(server.url)
      connection.socket.write(request('/api/apikeys', secret))
      await connection.firstData
      connection.socket.pause()
      server.process.kill('SIGTERM')
      expect(
        await exited(server),
        server
          .output()
          .split('\n')
          .filter((l) => /DBG|shut|drain|rror/.test(l))
          .join('\n'),
      ).toBe(1)
      expect(server.output()).toMatch(/the drain deadline \(500 ms\) cut 1 response/)
      connection.socket.destroy()
    } finally {
      await server.stop()
    }
  })
})
