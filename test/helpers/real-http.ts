import { Agent, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Harness } from './harness.js'

export interface RealResponse {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly body: any
  /** Time from sending the request to the end of the answer, in ms (high resolution). */
  readonly ms: number
}

export interface RealRequest {
  readonly method?: 'GET' | 'POST'
  readonly path: string
  readonly headers?: Record<string, string>
  readonly body?: unknown
  /** The loopback address to send from (127.0.0.0/8), so one test can be several clients. */
  readonly from?: string
}

/**
 * The harness's app listening on 127.0.0.1 (a random port), for tests that need real sockets:
 * parallel requests, timing. Closed with the harness (Fastify closes idle keep-alive sockets).
 */
export async function listenOnLoopback(h: Harness): Promise<(req: RealRequest) => Promise<RealResponse>> {
  await h.app.fastify.listen({ host: '127.0.0.1', port: 0 })
  const { port } = h.app.fastify.server.address() as AddressInfo
  const agents = new Map<string, Agent>()
  const agentFor = (from: string) => {
    let agent = agents.get(from)
    if (!agent) {
      agent = new Agent({ keepAlive: true, localAddress: from })
      agents.set(from, agent)
    }
    return agent
  }
  return (req) =>
    new Promise((resolve, reject) => {
      const payload = req.body === undefined ? undefined : JSON.stringify(req.body)
      const headers: Record<string, string> = { 'api-version': 'v1', ...req.headers }
      if (payload !== undefined) headers['content-type'] = 'application/json'
      const started = process.hrtime.bigint()
      const sent = request(
        { host: '127.0.0.1', port, method: req.method ?? 'GET', path: req.path, headers, agent: agentFor(req.from ?? '127.0.0.1') },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () => {
            const ms = Number(process.hrtime.bigint() - started) / 1e6
            const text = Buffer.concat(chunks).toString('utf8')
            let body: unknown
            try {
              body = text === '' ? undefined : JSON.parse(text)
            } catch {
              body = text
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body, ms })
          })
          res.on('error', reject)
        },
      )
      sent.on('error', reject)
      sent.end(payload)
    })
}
