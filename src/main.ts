/**
 * The `keyward` command line: `serve` (the default), `migrate`, and bootstrap/recovery commands
 * that act on the database directly (`apikeys create`, `apikeys unlock`, `administrators unlock`).
 *
 * @module
 */
import { Command, Option } from 'commander'
import { buildApp, VERSION } from './app.js'
import { loadConfig, type ConfigOverrides } from './config.js'
import { KeywardContext } from './context.js'
import { GracefulShutdown } from './http/graceful-shutdown.js'
import { LOCALES, type Locale } from './i18n/translate.js'
import { collectRateLimit, parseCredits, parseRefill } from './limits/cli-options.js'
import type { CreditRefill, RateLimit } from './limits/schema.js'
import { ensureFirstAdministrator, FIRST_ADMINISTRATOR } from './setup/first-start.js'
import { lostSqliteDatabaseOf } from './store/database.js'
import { Store } from './store/store.js'
import { systemClock } from './time/clock.js'
import { toApiKeyBody } from './apikeys/routes/present.js'

interface ServerFlags {
  host?: string
  port?: string
  databaseUrl?: string
}

function configFrom(flags: ServerFlags) {
  const overrides: ConfigOverrides = {
    host: flags.host,
    port: flags.port === undefined ? undefined : Number(flags.port),
    databaseUrl: flags.databaseUrl,
  }
  return loadConfig(process.env, overrides)
}

/** Opens the database for a one-off command, runs it, and closes everything. */
async function withContext<T>(flags: ServerFlags, work: (context: KeywardContext) => Promise<T>): Promise<T> {
  const config = configFrom(flags)
  const store = await Store.open(config.databaseUrl, config)
  try {
    return await work(new KeywardContext(config, store, systemClock))
  } finally {
    await store.close()
  }
}

async function serve(flags: ServerFlags & { init?: boolean }): Promise<void> {
  const config = configFrom(flags)
  const lost = flags.init ? undefined : lostSqliteDatabaseOf(config.databaseUrl)
  if (lost) {
    throw new Error(
      `the database ${lost} is missing, but this folder held one. Restore it from a backup, or run \`keyward serve --init\` to start a new, empty database (every key of the old one stays invalid).`,
    )
  }
  const store = await Store.open(config.databaseUrl, config)
  const app = await buildApp(config, { store })
  const first = await ensureFirstAdministrator(app.context.stores.administrators, { password: config.adminPassword, clock: systemClock })
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
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    app.fastify.log.info(`${signal}: shutting down`)
    const isClean = await shutdown.run(() => store.close())
    process.exit(isClean ? 0 : 1)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
  await app.fastify.listen({ host: config.host, port: config.port })
  app.fastify.log.info(`Keyward ${VERSION} on ${store.displayUrl}`)
}

const program = new Command()
  .name('keyward')
  .description('Keyward: a self-hosted API key manager.')
  .version(VERSION)
  .showHelpAfterError()

const serverOptions = (command: Command) =>
  command
    .option('--host <host>', 'address to listen on (KEYWARD_HOST, default localhost)')
    .option('--port <port>', 'port to listen on (KEYWARD_PORT, default 4119)')
    .option('--database-url <url>', 'sqlite:<file> or postgres://… (KEYWARD_DATABASE_URL, default sqlite:./data/keyward.db)')

serverOptions(program.command('serve', { isDefault: true }).description('start the server (migrates the database first)'))
  .option('--init', 'create a new, empty SQLite database even where one was lost')
  .action(serve)

serverOptions(program.command('migrate').description('bring the database to the latest schema, then exit')).action(async (flags: ServerFlags) => {
  await withContext(flags, async () => console.log('The database schema is up to date.'))
})

const apikeys = program.command('apikeys').description('API keys, directly on the database (bootstrap and recovery)')

serverOptions(
  apikeys
    .command('create')
    .description('create an API key and print its secret once')
    .requiredOption('--name <name>', 'name of the key')
    .requiredOption('--role <role>', 'role name or ID, e.g. "Full Access" or 2')
    .option('--description <text>', 'description', '')
    .addOption(new Option('--locale <locale>', 'language of the key').choices(LOCALES).default('en-US'))
    .option('--time-zone <zone>', 'IANA time zone of the key', 'UTC')
    .option('--expires <date>', 'expiry: ISO 8601 date or date-time (a date alone is the end of that day)')
    .option('--rate-limit <name=limit/duration>', 'a rate limit, e.g. default=500/1m (repeatable; none by default)', collectRateLimit)
    .option('--credits <n>', 'credits the key may spend on verifications (unlimited by default)', parseCredits)
    .option('--refill <interval>', 'with --credits: refill to that amount daily, or monthly[:DAY], at midnight in the key\'s time zone', parseRefill)
    .option('--json', 'print the key as JSON (with secretKey)'),
).action(async (flags: ServerFlags & { name: string; role: string; description: string; locale: Locale; timeZone: string; expires?: string; json?: boolean; rateLimit?: RateLimit[]; credits?: number; refill?: Omit<CreditRefill, 'amount'> }) => {
  await withContext(flags, async (context) => {
    const role = /^\d+$/.test(flags.role)
      ? await context.stores.roles.findById(Number(flags.role))
      : await context.stores.roles.findByName(flags.role)
    if (!role) throw new Error(`no role named or numbered "${flags.role}"`)
    if (flags.refill && flags.credits === undefined) throw new Error('--refill needs --credits: the amount it refills to')
    const principal = await context.systemPrincipal()
    const { record, secret } = await context.services.apiKeys.create(principal, {
      keyName: flags.name,
      description: flags.description,
      roleID: role.id,
      locale: flags.locale,
      timeZone: flags.timeZone,
      expiryDate: flags.expires,
      rateLimits: flags.rateLimit,
      credits: flags.credits === undefined ? undefined : { remaining: flags.credits, ...(flags.refill ? { refill: { ...flags.refill, amount: flags.credits } } : {}) },
    })
    if (flags.json) {
      console.log(JSON.stringify(toApiKeyBody(record, { secretKey: secret }), null, 2))
      return
    }
    console.log(`Created API key ${record.id} "${record.keyName}" with role ${role.name}.`)
    console.log('Secret key (shown once; store it now):')
    console.log(secret)
  })
})

serverOptions(apikeys.command('unlock <key>').description('unlock an API key (by name or ID) and clear its failure count')).action(
  async (key: string, flags: ServerFlags) => {
    await withContext(flags, async (context) => {
      const record = /^\d+$/.test(key) ? await context.stores.apiKeys.findById(Number(key)) : await context.stores.apiKeys.findByName(key)
      if (!record) throw new Error(`no API key named or numbered "${key}"`)
      await context.services.apiKeys.modify(await context.systemPrincipal(), record.id, { active: true })
      console.log(`Unlocked API key ${record.id} "${record.keyName}".`)
    })
  },
)

const administrators = program.command('administrators').description('administrators, directly on the database (recovery)')

serverOptions(administrators.command('unlock <username>').description('unlock an administrator and clear its failure count')).action(
  async (username: string, flags: ServerFlags) => {
    await withContext(flags, async (context) => {
      const admin = await context.stores.administrators.findByUsername(username)
      if (!admin) throw new Error(`no administrator "${username}"`)
      await context.services.administrators.modify(await context.systemPrincipal(), admin.id, { active: true })
      console.log(`Unlocked administrator "${username}".`)
    })
  },
)

try {
  await program.parseAsync(process.argv)
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  console.error(`keyward: ${message}`)
  process.exit(1)
}
