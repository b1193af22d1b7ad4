/**
 * `keyward apikeys create`: the API's create operation on the database directly, for bootstrap.
 * The options become the API's request body and pass the same validation and service, so the
 * CLI accepts exactly what the API accepts.
 *
 * @module
 */
import { InvalidArgumentError, Option, type Command } from 'commander'
import { toApiKeyBody } from '../apikeys/routes/present.js'
import { ApiKeyCreateSchema, type ApiKeyCreateInput } from '../apikeys/schema.js'
import type { KeywardContext } from '../context.js'
import { validateBody } from '../http/validation.js'
import { LOCALES, type Locale } from '../i18n/translate.js'
import { collectRateLimit, parseCredits, parseRefill } from '../limits/cli-options.js'
import type { CreditRefill, RateLimit } from '../limits/schema.js'
import type { Role } from '../roles/role.js'
import { databaseOption, withContext, type DatabaseFlags } from './command-context.js'

interface CreateFlags extends DatabaseFlags {
  name: string
  role: string
  description: string
  locale: Locale
  timeZone: string
  expires?: string
  json?: boolean
  rateLimit?: RateLimit[]
  credits?: number
  refill?: Omit<CreditRefill, 'amount'>
  permission?: string[]
  meta?: unknown
  externalId?: string
  ipAllow?: string[]
}

/** Collects a repeatable option's values; the API's validation checks each. */
function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value]
}

/** Reads `--meta JSON`; the API's validation checks that it is an object, and its size. */
function parseJson(value: string): unknown {
  try {
    return JSON.parse(value)
  } catch {
    throw new InvalidArgumentError('expected a JSON object, e.g. \'{"plan":"pro"}\'')
  }
}

/**
 * The role an option names: its ID, or its name in any letter case.
 *
 * @throws Error listing the roles there are.
 */
export async function findRole(context: KeywardContext, nameOrId: string): Promise<Role> {
  const roles = await context.stores.roles.findAll()
  const wanted = nameOrId.trim().toLowerCase()
  const role = roles.find((r) => String(r.id) === wanted || r.name.toLowerCase() === wanted)
  if (!role) throw new Error(`no role named or numbered "${nameOrId}"; the roles are: ${roles.map((r) => `${r.name} (${r.id})`).join(', ')}`)
  return role
}

export function registerApiKeysCreate(apikeys: Command): void {
  databaseOption(
    apikeys
      .command('create')
      .description('create an API key and print its secret once')
      .requiredOption('--name <name>', 'name of the key')
      .requiredOption('--role <role>', 'role name (any letter case) or ID, e.g. "Full Access" or 1')
      .option('--description <text>', 'description', '')
      .addOption(new Option('--locale <locale>', 'language of the key').choices(LOCALES).default('en-US'))
      .option('--time-zone <zone>', 'IANA time zone of the key', 'UTC')
      .option('--expires <date>', 'expiry: ISO 8601 date or date-time (a date alone is the end of that day)')
      .option('--rate-limit <name=limit/duration>', 'a rate limit, e.g. default=500/1m (repeatable; none by default)', collectRateLimit)
      .option('--credits <n>', 'credits the key may spend on verifications (unlimited by default)', parseCredits)
      .option('--refill <interval>', 'with --credits: refill to that amount daily, or monthly[:DAY], at midnight in the key\'s time zone', parseRefill)
      .option('--permission <permission>', 'an application permission the key holds beside its role\'s, e.g. invoices.read or reports:* (repeatable)', collect)
      .option('--meta <json>', 'a JSON object returned when the key is verified, e.g. \'{"plan":"pro"}\'', parseJson)
      .option('--external-id <id>', "the key owner's ID in your own system")
      .option('--ip-allow <range>', 'an IPv4/IPv6 address or CIDR range the key may be used from (repeatable; any address by default)', collect)
      .option('--json', 'print the key as JSON (with secretKey)'),
  ).action(async (flags: CreateFlags) => {
    await withContext(flags, async (context) => {
      const role = await findRole(context, flags.role)
      if (flags.refill && flags.credits === undefined) throw new Error('--refill needs --credits: the amount it refills to')
      const input: ApiKeyCreateInput = {
        keyName: flags.name,
        description: flags.description,
        roleID: role.id,
        locale: flags.locale,
        timeZone: flags.timeZone,
        ...(flags.expires === undefined ? {} : { expiryDate: flags.expires }),
        ...(flags.rateLimit === undefined ? {} : { rateLimits: flags.rateLimit }),
        ...(flags.credits === undefined ? {} : { credits: { remaining: flags.credits, ...(flags.refill ? { refill: { ...flags.refill, amount: flags.credits } } : {}) } }),
        ...(flags.permission === undefined ? {} : { permissions: flags.permission }),
        ...(flags.meta === undefined ? {} : { meta: flags.meta as ApiKeyCreateInput['meta'] }),
        ...(flags.externalId === undefined ? {} : { externalID: flags.externalId }),
        ...(flags.ipAllow === undefined ? {} : { ipAllowList: flags.ipAllow }),
      }
      validateBody(ApiKeyCreateSchema, input)
      const { record, secret } = await context.services.apiKeys.create(await context.systemPrincipal(), input)
      if (flags.json) {
        console.log(JSON.stringify(toApiKeyBody(record, { secretKey: secret }), null, 2))
        return
      }
      console.log(`Created API key ${record.id} "${record.keyName}" with role ${role.name}.`)
      console.log('Secret key (shown once; store it now):')
      console.log(secret)
    })
  })
}
