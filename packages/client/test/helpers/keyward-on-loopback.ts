import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import type { KeywardApp } from '../../../../src/app.js'
import type { Config } from '../../../../src/config.js'
import { Harness } from '../../../../test/helpers/harness.js'

/** A real Keyward (the harness app) listening on 127.0.0.1, and the count of requests it received. */
export interface KeywardOnLoopback {
  readonly h: Harness
  readonly baseUrl: string
  /** Requests Keyward's HTTP server has received so far. */
  requests(): number
  /** Closes Keyward and its database, cutting every client connection. */
  close(): Promise<void>
}

/**
 * Listens on 127.0.0.1 at `port`, or else at a free port below the ephemeral range (32768 and
 * up): a client that reconnects to a port in that range while nothing listens there can be
 * given that very port as its own and connect to itself, and then waits on its own request.
 */
export async function listenBelowEphemeralPorts(fastify: FastifyInstance, port?: number): Promise<number> {
  if (port !== undefined) {
    await fastify.listen({ host: '127.0.0.1', port })
    return port
  }
  for (let attempt = 0; ; attempt++) {
    try {
      await fastify.listen({ host: '127.0.0.1', port: 20_000 + Math.floor(Math.random() * 12_000) })
      return (fastify.server.address() as AddressInfo).port
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt === 20) throw error
    }
  }
}

/**
 * Stops a Keyward app as a process exit would: its client connections are cut. (fetch's
 * connection pool may open a connection that never sends a request while Keyward closes, and
 * Node's server would wait for it until its headers timeout, a minute.)
 */
export async function stopKeyward(app: KeywardApp): Promise<void> {
  app.fastify.server.on('connection', (socket) => socket.destroy())
  app.fastify.server.closeAllConnections()
  await app.close()
}

export async function startKeyward(config: Partial<Config> = {}): Promise<KeywardOnLoopback> {
  const h = await Harness.start(config)
  let received = 0
  h.app.fastify.server.on('request', () => received++)
  const port = await listenBelowEphemeralPorts(h.app.fastify)
  const close = async () => {
    await stopKeyward(h.app)
    await h.close()
  }
  return { h, baseUrl: `http://127.0.0.1:${port}`, requests: () => received, close }
}
