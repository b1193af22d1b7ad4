/**
 * Which Keyward a command acts on: a running one over its API (`--url` and `--secret-key`, or a
 * profile), or the database directly (`--database-url`; bootstrap and recovery). A command is
 * defined once; these flags choose its transport.
 *
 * @module
 */
import type { Command } from 'commander'
import type { KeywardContext } from '../context.js'
import { KeywardError } from '../errors/keyward-error.js'
import { ApiClient, ApiError } from './api-client.js'
import type { CliIo } from './cli-io.js'
import { withContext, type DatabaseFlags } from './command-context.js'
import { profilesFileOf, readProfile } from './profiles.js'

export interface RemoteFlags {
  url?: string
  secretKey?: string
  profile?: string
  json?: boolean
}

export type TargetFlags = RemoteFlags & DatabaseFlags

/** The flags of every command that can call a running Keyward. */
export function remoteOptions(command: Command): Command {
  return command
    .option('--url <url>', "a running Keyward's address, to act through its API (KEYWARD_URL)")
    .option('--secret-key <secret>', 'secret key of the API key to call it with (KEYWARD_SECRET_KEY; prefer the variable or a profile: a flag shows in ps)')
    .option('--profile <name>', 'call the Keyward of a saved profile (KEYWARD_PROFILE; see "keyward profiles")')
    .option('--json', "print the API's JSON answer, for scripts")
}

function clientFor(url: string, secretKey: string | undefined, where: string): ApiClient {
  if (!secretKey) throw new Error(`${where} needs the secret key of an API key: --secret-key, KEYWARD_SECRET_KEY or a profile`)
  return new ApiClient(url, secretKey)
}

/**
 * The client for the Keyward the flags, else the environment, name; undefined when none does.
 * A flag beats a variable, and a secret given apart beats a profile's.
 *
 * @throws Error for a URL without a secret, an unknown profile, or a database named too.
 */
export function remoteClientOf(flags: TargetFlags, env: NodeJS.ProcessEnv): ApiClient | undefined {
  const explicit = flags.url !== undefined || flags.profile !== undefined
  if (explicit && flags.databaseUrl !== undefined)
    throw new Error('--database-url acts on the database directly, --url and --profile through a running Keyward: give one or the other')
  const secretKey = flags.secretKey ?? env.KEYWARD_SECRET_KEY
  if (flags.url !== undefined) return clientFor(flags.url, secretKey, '--url')
  if (flags.profile !== undefined) {
    const profile = readProfile(profilesFileOf(env), flags.profile)
    return clientFor(profile.url, flags.secretKey ?? profile.secretKey, `the profile "${flags.profile}"`)
  }
  // A database named on the command line beats a server named in the environment.
  if (flags.databaseUrl !== undefined) return undefined
  if (env.KEYWARD_URL) return clientFor(env.KEYWARD_URL, secretKey, 'KEYWARD_URL')
  if (env.KEYWARD_PROFILE) {
    const profile = readProfile(profilesFileOf(env), env.KEYWARD_PROFILE)
    return clientFor(profile.url, flags.secretKey ?? profile.secretKey, `the profile "${env.KEYWARD_PROFILE}"`)
  }
  return undefined
}

/** What a command does through the API, and (for bootstrap and recovery commands) on the database. */
export interface Transports<T> {
  remote(api: ApiClient): Promise<T>
  local?(context: KeywardContext): Promise<T>
}

/**
 * Runs a command on the Keyward its flags name.
 *
 * @throws Error when the command needs a running Keyward and none is named.
 */
export async function onTarget<T>(flags: TargetFlags, io: CliIo, transports: Transports<T>): Promise<T> {
  const api = remoteClientOf(flags, io.env)
  if (api) return transports.remote(api)
  if (!transports.local)
    throw new Error('this command acts on a running Keyward: give --url (or KEYWARD_URL) and --secret-key (or KEYWARD_SECRET_KEY), or --profile')
  try {
    return await withContext(flags, transports.local)
  } catch (error) {
    // The services refuse as the API does: reported, and exited with, the same way.
    if (error instanceof KeywardError) throw new ApiError(error.status, error.code, error.message)
    throw error
  }
}
