import type { AddressInfo } from 'node:net'
import type { Config } from '../../../../src/config.js'
import { Harness } from '../../../../test/helpers/harness.js'

/** A real Keyward (the harness app) listening on 127.0.0.1, and the count of requests it received. */
export interface KeywardOnLoopback {
  readonly h: Harness
  readonly baseUrl: string
  /** Requests Keyward's HTTP server has received so far. */
  requests(): number
}

export async function startKeyward(config: Partial<Config> = {}): Promise<KeywardOnLoopback> {
  const h = await Harness.start(config)
  let received = 0
  h.app.fastify.server.on('request', () => received++)
  await h.app.fastify.listen({ host: '127.0.0.1', port: 0 })
  const { port } = h.app.fastify.server.address() as AddressInfo
  return { h, baseUrl: `http://127.0.0.1:${port}`, requests: () => received }
}
