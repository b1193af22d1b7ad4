/**
 * `keyward apikeys …`: every API key operation, through a running Keyward's API. `create`,
 * `lock` and `unlock` also act on the database directly (`--database-url`), for bootstrap and
 * recovery; there the options become the API's request body and pass the same validation and
 * service, so the CLI accepts exactly what the API accepts.
 *
 * @module
 */
import { InvalidArgumentError, Option, type Command } from 'commander'
import { toApiKeyBody } from '../apikeys/present.js'
import { SETTING_ENTRIES, type SettingCodec } from '../apikeys/key-settings.js'
import { ApiKeyCreateSchema, ApiKeySchema, type ApiKeyCreateInput, type ApiKeyModifyInput } from '../apikeys/schema.js'
import type { KeywardContext } from '../context.js'
import { validateBody } from '../http/validation.js'
import { LOCALES, type Locale } from '../i18n/translate.js'
import { collectRateLimit, parseCredits, parseRefill } from '../limits/cli-options.js'
import type { CreditRefill, RateLimit } from '../limits/schema.js'
import { ApiError, type ApiClient } from './api-client.js'
import { field, type CliIo } from './cli-io.js'
import { databaseOption } from './command-context.js'
import {
  collect,
  parseCount,
  printResult,
  registerLockAndUnlock,
  registerReadAndDelete,
  resolveId,
  type ApiObject,
  type ResourceSpec,
} from './resource-commands.js'
import { CommandFailure, EXIT_CODES } from './run-program.js'
import { onTarget, remoteOptions, type TargetFlags } from './target.js'

interface KeyFlags extends TargetFlags {
  name?: string
  role?: string
  description?: string
  locale?: Locale
  timeZone?: string
  expires?: string
  rateLimit?: RateLimit[]
  credits?: number
  refill?: Omit<CreditRefill, 'amount'>
  /** The settings' options (`settingOptions`), by attribute name. */
  [setting: string]: unknown
}

/** Reads an object setting's JSON (`--meta`); the API's validation checks that it is an object, and its size. */
function parseJsonObject(value: string): unknown {
  try {
    return JSON.parse(value)
  } catch {
    throw new InvalidArgumentError('expected a JSON object, e.g. \'{"plan":"pro"}\'')
  }
}

/** The options of settings named otherwise than the API's name in kebab case (a list's option is singular). */
const SETTING_FLAGS: Readonly<Record<string, string>> = { externalID: '--external-id <id>', ipAllowList: '--ip-allow <range>' }

/** How an option of each kind of setting reads its value: a list's option is repeatable. */
const SETTING_PARSERS: { readonly [C in SettingCodec]?: (value: string, previous: unknown) => unknown } = {
  list: (value, previous) => collect(value, previous as string[] | undefined),
  object: parseJsonObject,
}

/** An option per setting of `key-settings.ts`, described by the API's schema, with the API name its value goes to. */
function settingOptions(isCreate: boolean): { option: Option; apiName: string }[] {
  return SETTING_ENTRIES.map(({ apiName, codec }) => {
    const kebab = apiName.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
    const single = codec === 'list' ? kebab.replace(/s$/, '') : kebab
    const flags = SETTING_FLAGS[apiName] ?? `--${single} <${codec === 'object' ? 'json' : single}>`
    const { description = apiName } = (ApiKeySchema.properties as Record<string, { description?: string }>)[apiName] ?? {}
    // How to search by it is the API's concern.
    const described = description.replace(/ Searchable as \w+\.$/, '')
    const option = new Option(flags, codec === 'list' ? `${described} (repeatable${isCreate ? '' : '; replaces the list'})` : described)
    const parser = SETTING_PARSERS[codec]
    return { option: parser ? option.argParser(parser) : option, apiName }
  })
}

interface NamedRole {
  readonly id: number
  readonly name: string
}

const API_KEYS: ResourceSpec = {
  noun: 'API key',
  path: '/apikeys',
  listField: 'apiKeys',
  nameField: 'keyName',
  columns: [
    field('ID'),
    field('keyName', 'name'),
    field('roleID', 'role'),
    { header: 'locked', value: (key) => (key.active === false ? 'yes' : '') },
    field('expiryDate', 'expires'),
    field('lastSignIn', 'last sign-in'),
    field('description'),
  ],
  label: (key) => `API key ${key.ID} "${key.keyName}"`,
}

/** The role an option names: its ID, or its name in any letter case. @throws Error listing the roles there are. */
function pickRole(roles: readonly NamedRole[], nameOrId: string): NamedRole {
  const wanted = nameOrId.trim().toLowerCase()
  const role = roles.find((r) => String(r.id) === wanted || r.name.toLowerCase() === wanted)
  if (!role) throw new Error(`no role named or numbered "${nameOrId}"; the roles are: ${roles.map((r) => `${r.name} (${r.id})`).join(', ')}`)
  return role
}

async function findRole(context: KeywardContext, nameOrId: string): Promise<NamedRole> {
  return pickRole(await context.stores.roles.findAll(), nameOrId)
}

/** The same through the API; a key that may not view roles can still name one by ID. */
export async function findRemoteRole(api: ApiClient, nameOrId: string): Promise<NamedRole> {
  try {
    const { roles } = (await api.get('/roles')) as { roles: { ID: number; name: string }[] }
    return pickRole(
      roles.map((r) => ({ id: r.ID, name: r.name })),
      nameOrId,
    )
  } catch (error) {
    if (error instanceof ApiError && error.status === 403 && /^\d+$/.test(nameOrId.trim())) return { id: Number(nameOrId), name: nameOrId.trim() }
    throw error
  }
}

/** The options of create (required and defaulted) and modify (only what is given changes). */
function keyOptions(command: Command, isCreate: boolean): Command {
  const option = (flags: string, description: string, fallback?: string) => {
    const made = new Option(flags, description)
    if (isCreate && fallback !== undefined) made.default(fallback)
    return made
  }
  const name = option('--name <name>', 'name of the key')
  const role = option('--role <role>', 'role name (any letter case) or ID, e.g. "Full Access" or 1')
  if (isCreate) for (const o of [name, role]) o.makeOptionMandatory()
  command
    .addOption(name)
    .addOption(role)
    .addOption(option('--description <text>', 'description', ''))
    .addOption(option('--locale <locale>', 'language of the key', 'en-US').choices(LOCALES))
    .addOption(option('--time-zone <zone>', 'IANA time zone of the key', 'UTC'))
    .option('--expires <date>', 'expiry: ISO 8601 date or date-time (a date alone is the end of that day), or "never"')
    .option(
      '--rate-limit <name=limit/duration>',
      `a rate limit, e.g. default=500/1m (repeatable; ${isCreate ? "none on the database, the server's default through the API" : "replaces the key's"})`,
      collectRateLimit,
    )
    .option('--credits <n>', 'credits the key may spend on verifications (unlimited by default)', parseCredits)
    .option('--refill <interval>', "with --credits: refill to that amount daily, or monthly[:DAY], at midnight in the key's time zone", parseRefill)
  for (const { option } of settingOptions(isCreate)) command.addOption(option)
  return command
}

/** The request body the options give, but for the role (which each transport looks up its own way). */
function keyBody(flags: KeyFlags): Omit<ApiKeyModifyInput, 'roleID'> {
  if (flags.refill && flags.credits === undefined) throw new Error('--refill needs --credits: the amount it refills to')
  return {
    ...(flags.name === undefined ? {} : { keyName: flags.name }),
    ...(flags.description === undefined ? {} : { description: flags.description }),
    ...(flags.locale === undefined ? {} : { locale: flags.locale }),
    ...(flags.timeZone === undefined ? {} : { timeZone: flags.timeZone }),
    ...(flags.expires === undefined ? {} : { expiryDate: flags.expires === 'never' ? null : flags.expires }),
    ...(flags.rateLimit === undefined ? {} : { rateLimits: flags.rateLimit }),
    ...(flags.credits === undefined
      ? {}
      : { credits: { remaining: flags.credits, ...(flags.refill ? { refill: { ...flags.refill, amount: flags.credits } } : {}) } }),
    ...Object.fromEntries(
      settingOptions(false).flatMap(({ option, apiName }) => (flags[option.attributeName()] === undefined ? [] : [[apiName, flags[option.attributeName()]]])),
    ),
  }
}

function printCreated(io: CliIo, flags: KeyFlags, key: ApiObject, role: NamedRole): void {
  printResult(io, flags, key, `Created API key ${key.ID} "${key.keyName}" with role ${role.name}.\nSecret key (shown once; store it now):\n${key.secretKey}`)
}

function registerCreate(apikeys: Command, io: CliIo): void {
  databaseOption(remoteOptions(keyOptions(apikeys.command('create').description('create an API key and print its secret once'), true))).action(
    async (flags: KeyFlags) => {
      const body = keyBody(flags)
      const [key, role] = await onTarget(flags, io, {
        remote: async (api) => {
          const role = await findRemoteRole(api, flags.role!)
          return [(await api.post('/apikeys', { ...body, roleID: role.id })) as ApiObject, role] as const
        },
        local: async (context) => {
          const role = await findRole(context, flags.role!)
          const input = { ...body, roleID: role.id } as ApiKeyCreateInput
          validateBody(ApiKeyCreateSchema, input)
          const { record, secret } = await context.services.apiKeys.create(await context.systemPrincipal(), input)
          return [toApiKeyBody(record, { secretKey: secret }) as ApiObject, role] as const
        },
      })
      printCreated(io, flags, key, role)
    },
  )
}

async function setActiveLocally(context: KeywardContext, nameOrId: string, active: boolean): Promise<ApiObject | undefined> {
  const record = /^\d+$/.test(nameOrId) ? await context.stores.apiKeys.findById(Number(nameOrId)) : await context.stores.apiKeys.findByName(nameOrId)
  return record && toApiKeyBody(await context.services.apiKeys.modify(await context.systemPrincipal(), record.id, { active }))
}

export function registerApiKeyCommands(program: Command, io: CliIo): void {
  const apikeys = program
    .command('apikeys')
    .description('API keys: through a running Keyward (--url, --profile), or on the database for create, lock and unlock')
  registerReadAndDelete(apikeys, API_KEYS, io)
  registerCreate(apikeys, io)

  remoteOptions(keyOptions(apikeys.command('modify <name-or-id>').description('change an API key: only the options given'), false)).action(
    async (nameOrId: string, flags: KeyFlags) => {
      const body = keyBody(flags)
      const key = await onTarget(flags, io, {
        remote: async (api) => {
          const id = await resolveId(api, API_KEYS, nameOrId)
          return api.post(`/apikeys/${id}`, { ...body, ...(flags.role === undefined ? {} : { roleID: (await findRemoteRole(api, flags.role)).id }) })
        },
      })
      printResult(io, flags, key, `Modified ${API_KEYS.label(key)}.`)
    },
  )

  remoteOptions(
    apikeys.command('new-secret <name-or-id>').description('replace the secret of an API key (same ID and settings) and print the new one once'),
  ).action(async (nameOrId: string, flags: TargetFlags) => {
    const key = await onTarget(flags, io, { remote: async (api) => api.post(`/apikeys/${await resolveId(api, API_KEYS, nameOrId)}/secretkey`) })
    printResult(io, flags, key, `New secret key for ${API_KEYS.label(key)} (shown once; store it now; the old one no longer works):\n${key.secretKey}`)
  })

  registerLockAndUnlock(apikeys, API_KEYS, io, setActiveLocally)

  remoteOptions(
    apikeys
      .command('verify')
      .description(
        'ask whether a secret key is good, as your service would; the secret is read from standard input, or asked for (exit code 10 when it is not valid)',
      )
      .option('--permissions <query>', 'a permission query the key must satisfy, e.g. "invoices.read AND reports.read"')
      .option('--address <ip>', "the client's address, for the key's IP allow-list")
      .option('--cost <n>', "what the check costs against the key's rate limits and credits (the API's default is 1)", parseCount),
  ).action(async (flags: TargetFlags & { permissions?: string; address?: string; cost?: number }) => {
    const verdict = await onTarget(flags, io, {
      remote: async (api) =>
        api.post('/apikeys/verify', {
          secretKey: (await io.readSecretKey()).trim(),
          ...(flags.permissions === undefined ? {} : { permissions: flags.permissions }),
          ...(flags.address === undefined ? {} : { address: flags.address }),
          ...(flags.cost === undefined ? {} : { cost: flags.cost }),
        }),
    })
    printResult(
      io,
      flags,
      verdict,
      `${verdict.code}: ${verdict.message}${verdict.keyID === undefined ? '' : ` (API key ${verdict.keyID} "${verdict.keyName}")`}`,
    )
    if (!verdict.valid) throw new CommandFailure(EXIT_CODES.notValid)
  })
}
