import { createServer, connect, type Server, type Socket } from 'node:net'

/**
 * A TCP proxy in front of a database server, to fail it without touching it (the PostgreSQL
 * server is shared): `cut()` drops every connection and refuses new ones, as a stopped server
 * does; `pause()` forwards nothing, as a hung (SIGSTOPped) server does.
 */
export class TcpProxy {
  readonly #target: { host: string; port: number }
  readonly #pairs = new Set<[Socket, Socket]>()
  #server: Server | undefined
  #port = 0
  #paused = false

  private constructor(target: { host: string; port: number }) {
    this.#target = target
  }

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const proxy = new TcpProxy(target)
    await proxy.restore()
    return proxy
  }

  /** `url` with its host and port replaced by the proxy's. */
  url(url: string): string {
    const proxied = new URL(url)
    proxied.hostname = '127.0.0.1'
    proxied.port = String(this.#port)
    return proxied.toString()
  }

  /** Listens again (on the same port after a cut). */
  async restore(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(this.#target.port, this.#target.host)
      const pair: [Socket, Socket] = [client, upstream]
      this.#pairs.add(pair)
      client.pipe(upstream)
      upstream.pipe(client)
      if (this.#paused) for (const socket of pair) socket.pause()
      const end = () => {
        this.#pairs.delete(pair)
        client.destroy()
        upstream.destroy()
      }
      client.on('error', end).on('close', end)
      upstream.on('error', end).on('close', end)
    })
    await new Promise<void>((resolve) => server.listen(this.#port, '127.0.0.1', resolve))
    this.#port = (server.address() as { port: number }).port
    this.#server = server
  }

  /** Drops every connection and refuses new ones. */
  async cut(): Promise<void> {
    const server = this.#server
    this.#server = undefined
    const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
    for (const [client, upstream] of this.#pairs) {
      client.destroy()
      upstream.destroy()
    }
    await closed
  }

  /** Forwards nothing until `resume()`: connections stay open, as to a hung server. */
  pause(): void {
    this.#paused = true
    for (const pair of this.#pairs) for (const socket of pair) socket.pause()
  }

  resume(): void {
    this.#paused = false
    for (const pair of this.#pairs) for (const socket of pair) socket.resume()
  }

  async close(): Promise<void> {
    this.resume()
    await this.cut()
  }
}
