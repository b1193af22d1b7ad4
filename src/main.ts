/**
 * The `keyward` command line: `serve` (the default), `migrate`, `backup`, `restore`, and the
 * resource commands (src/cli), which act on a running Keyward through its API or, for
 * bootstrap and recovery, on the database directly.
 *
 * @module
 */
import { Command } from 'commander'
import { buildApp, VERSION } from './app.js'
import { processIo } from './cli/cli-io.js'
import { databaseOption, openStore, withContext, type DatabaseFlags } from './cli/command-context.js'
import { registerResourceCommands } from './cli/commands.js'
import { runProgram } from './cli/run-program.js'
import { loadConfig, type ConfigOverrides } from './config.js'
import { GracefulShutdown } from './http/graceful-shutdown.js'
import { ensureFirstAdministrator, FIRST_ADMINISTRATOR } from './setup/first-start.js'
import { lostSqliteDatabaseOf } from './store/database.js'
import { systemClock } from './time/clock.js'
import { buildMetricsServer } from './metrics/metrics-server.js'
import { backupDatabase, restoreDatabase } from './store/backup.js'

interface ServerFlags extends DatabaseFlags {
  host?: string
  port?: string
  tlsCert?: string
  tlsKey?: string
}

function configFrom(flags: ServerFlags) {
  const overrides: ConfigOverrides = {
    host: flags.host,
    port: flags.port === undefined ? undefined : Number(flags.port),
    databaseUrl: flags.databaseUrl,
    tlsCertFile: flags.tlsCert,
    tlsKeyFile: flags.tlsKey,
  }
  return loadConfig(process.env, overrides)
}

async function serve(flags: ServerFlags & { init?: boolean }): Promise<void> {
  const config = configFrom(flags)
  const lost = flags.init ? undefined : lostSqliteDatabaseOf(config.databaseUrl)
  if (lost) {
    throw new Error(
      `the database ${lost} is missing, but this folder held one. Restore it from a backup, or run \`keyward serve --init\` to start a new, empty database (every key of the old one stays invalid).`,
    )
  }
  const store = await openStore(config, { mustExist: false })
  const app = await buildApp(config, { store })
  // What can fail (a port out of range or in use) fails before the first administrator is made:
  // its password is shown once.
  await app.fastify.listen({ host: config.host, port: config.port })
  const first = await ensureFirstAdministrator(app.context.stores.administrators, {
    password: config.adminPassword,
    policy: config.passwordPolicy,
    clock: systemClock,
  })
  if (first.generatedPassword !== undefined) {
    // Printed once, to the terminal only: it is not in the logs and cannot be shown again.
    process.stdout.write(
      `\n  First start: created administrator "${FIRST_ADMINISTRATOR}" with Full Access.\n` +
        `  Password (shown once; set KEYWARD_ADMIN_PASSWORD to choose it): ${first.generatedPassword}\n\n`,
    )
  } else if (first.created) {
    app.fastify.log.info(`first start: created administrator "${FIRST_ADMINISTRATOR}" with the password from KEYWARD_ADMIN_PASSWORD`)
  }
  const shutdown = new GracefulShutdown(app, config.shutdownTimeoutMs)
  const metrics = config.metricsListen && buildMetricsServer(app.context.metrics)
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    app.fastify.log.info(`${signal}: shutting down`)
    if (metrics) await metrics.close()
    const isClean = await shutdown.run(() => store.close())
    process.exit(isClean ? 0 : 1)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
  if (metrics) app.fastify.log.info(`metrics at ${await metrics.listen(config.metricsListen)}/metrics`)
  app.fastify.log.info(`Keyward ${VERSION} on ${store.displayUrl}`)
}

const program = new Command().name('keyward').description('Keyward: a self-hosted API key manager.').version(VERSION).showHelpAfterError()

databaseOption(
  program
    .command('serve', { isDefault: true })
    .description('start the server (migrates the database first)')
    .option('--host <host>', 'address to listen on (KEYWARD_HOST, default localhost)')
    .option('--port <port>', 'port to listen on (KEYWARD_PORT, default 4119)'),
)
  .option('--init', 'create a new, empty SQLite database even where one was lost')
  .option('--tls-cert <file>', 'PEM certificate: serve HTTPS (KEYWARD_TLS_CERT; needs --tls-key)')
  .option('--tls-key <file>', 'PEM private key of --tls-cert (KEYWARD_TLS_KEY)')
  .action(serve)

databaseOption(program.command('migrate').description('bring the database to the latest schema (creating it), then exit')).action(
  async (flags: DatabaseFlags) => {
    await withContext(flags, async () => console.log('The database schema is up to date.'), { mustExist: false })
  },
)

databaseOption(program.command('backup <file>').description('copy the SQLite database to a new file, consistently, while servers run')).action(
  async (file: string, flags: ServerFlags) => {
    const pages = await backupDatabase(configFrom(flags).databaseUrl, file)
    console.log(`Backed up the database to ${file} (${pages} pages).`)
  },
)

databaseOption(program.command('restore <file>').description('replace the SQLite database with a backup (stop the servers first)')).action(
  async (file: string, flags: ServerFlags) => {
    await restoreDatabase(configFrom(flags).databaseUrl, file)
    console.log(`Restored the database from ${file}. Start Keyward to bring its schema up to date.`)
  },
)

registerResourceCommands(program, processIo)

const exitCode = await runProgram(program, process.argv, processIo)
if (exitCode !== 0) process.exit(exitCode)
