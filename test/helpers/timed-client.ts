import type { AddressInfo } from 'node:net'
import { Worker } from 'node:worker_threads'
import type { Harness } from './harness.js'

/**
 * Times requests from a client on its own thread: a client on the server's thread would see an
 * answer only after whatever the server does next (work deferred until after the answer
 * included), so it would measure that too.
 */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads')
const http = require('node:http')
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
parentPort.on('message', ({ path, headers }) => {
  const started = process.hrtime.bigint()
  const req = http.request({ host: '127.0.0.1', port: workerData.port, path, headers, agent }, (res) => {
    const chunks = []
    res.on('data', (c) => chunks.push(c))
    res.on('end', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      parentPort.postMessage({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8'), ms })
    })
  })
  req.on('error', (error) => parentPort.postMessage({ status: 0, body: String(error), ms: 0 }))
  req.end()
})
`

export interface TimedResponse {
  readonly status: number
  readonly body: string
  readonly ms: number
}

export interface TimedClient {
  get(path: string, headers: Record<string, string>): Promise<TimedResponse>
  close(): Promise<void>
}

/** Listens on 127.0.0.1 (a random port) and returns a client on another thread, one request at a time. */
export async function timedClient(h: Harness): Promise<TimedClient> {
  await h.app.fastify.listen({ host: '127.0.0.1', port: 0 })
  const { port } = h.app.fastify.server.address() as AddressInfo
  const worker = new Worker(CLIENT, { eval: true, workerData: { port } })
  return {
    get: (path, headers) =>
      new Promise((resolve) => {
        worker.once('message', resolve)
        worker.postMessage({ path, headers })
      }),
    close: async () => {
      await worker.terminate()
    },
  }
}
