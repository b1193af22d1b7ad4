import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import {
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely'
import { DatabaseUnavailableError } from './database-errors.js'

/**
 * The worker: a read-only connection to the same file that runs one statement at a time.
 * Plain CommonJS source, so that it runs the same from `src/` (tests) and `dist/`.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
// Opened at the first statement, so that a file that cannot be opened (deleted, say) fails that
// statement with its SQLite code, as an outage, instead of ending the worker.
let db
function connection() {
  if (db === undefined) {
    db = new Database(workerData.path, { readonly: true, fileMustExist: true })
    db.pragma('busy_timeout = 5000')
  }
  return db
}
parentPort.on('message', ({ id, sql, parameters }) => {
  try {
    const statement = connection().prepare(sql)
    parentPort.postMessage({ id, rows: statement.reader ? statement.all(...parameters) : [] })
  } catch (error) {
    parentPort.postMessage({ id, error: { message: error.message, code: error.code } })
  }
})
`

interface Reply {
  readonly id: number
  readonly rows?: unknown[]
  readonly error?: { message: string; code?: string }
}

/** Sends statements to the worker and matches each reply to its statement. */
class WorkerConnection implements DatabaseConnection {
  readonly #worker: Worker
  readonly #pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (error: Error) => void }>()
  #next = 0
  /** Why the worker is gone, once it is: every statement sent to it from then on would wait forever. */
  #stopped: DatabaseUnavailableError | undefined

  constructor(path: string) {
    this.#worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver: createRequire(import.meta.url).resolve('better-sqlite3') } })
    this.#worker.on('message', (reply: Reply) => {
      const waiting = this.#pending.get(reply.id)
      this.#pending.delete(reply.id)
      if (reply.error) waiting?.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }))
      else waiting?.resolve(reply.rows ?? [])
    })
    // A worker that throws reports 'error', then 'exit'; one that is terminated only 'exit'.
    this.#worker.on('error', (error) => this.#stop(error.message))
    this.#worker.on('exit', (code) => this.#stop(`exit code ${code}`))
  }

  get stopped(): boolean {
    return this.#stopped !== undefined
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#stopped) throw this.#stopped
    const id = ++this.#next
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject })
      this.#worker.postMessage({ id, sql: query.sql, parameters: query.parameters })
    })
    return { rows: rows as R[] }
  }

  // biome-ignore lint/correctness/useYield: a generator that refuses before it yields
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('the SQLite search worker does not stream')
  }

  async close(): Promise<void> {
    await this.#worker.terminate()
  }

  #stop(reason: string): void {
    const cause = `the SQLite search worker stopped (${reason})`
    this.#stopped ??= new DatabaseUnavailableError({ kind: 'down', cause }, cause)
    for (const waiting of this.#pending.values()) waiting.reject(this.#stopped)
    this.#pending.clear()
  }
}

class WorkerDriver implements Driver {
  readonly #path: string
  #connection: WorkerConnection | undefined
  #destroyed = false

  constructor(path: string) {
    this.#path = path
  }

  async init(): Promise<void> {
    this.#connection = new WorkerConnection(this.#path)
  }

  /** A worker that died (a crash, an uncaught error) is replaced by a new one for the next statement. */
  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#connection!.stopped && !this.#destroyed) this.#connection = new WorkerConnection(this.#path)
    return this.#connection!
  }

  async beginTransaction(): Promise<void> {
    throw new Error('the SQLite search worker only reads')
  }

  async commitTransaction(): Promise<void> {}

  async rollbackTransaction(): Promise<void> {}

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    this.#destroyed = true
    await this.#connection?.close()
  }
}

/**
 * A Kysely dialect whose statements run in a worker thread on a read-only connection to the
 * SQLite file. better-sqlite3 is synchronous: a search of many long LIKE patterns over long
 * text, run on the main connection, held the event loop (every request) for seconds.
 * Statements run one at a time, in order; the main connection's commits are visible to each
 * (WAL mode).
 */
export class SqliteSearchDialect implements Dialect {
  readonly #path: string

  constructor(path: string) {
    this.#path = path
  }

  createAdapter() {
    return new SqliteAdapter()
  }

  createDriver(): Driver {
    return new WorkerDriver(this.#path)
  }

  createQueryCompiler() {
    return new SqliteQueryCompiler()
  }

  // biome-ignore lint/suspicious/noExplicitAny: Kysely's dialect interface takes any schema
  createIntrospector(db: Kysely<any>) {
    return new SqliteIntrospector(db)
  }
}
