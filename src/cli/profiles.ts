/**
 * Named profiles for the remote CLI: a Keyward address and the secret of an API key, kept in a
 * file only its owner may read (mode 0600, refused otherwise, as ssh refuses a readable key).
 *
 * @module
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'

export interface Profile {
  readonly url: string
  readonly secretKey: string
}

type ProfileFile = { profiles: Record<string, Profile> }

/** `KEYWARD_PROFILES_FILE`, else `$XDG_CONFIG_HOME/keyward/profiles.json` (`~/.config/…`). */
export function profilesFileOf(env: NodeJS.ProcessEnv): string {
  return env.KEYWARD_PROFILES_FILE || join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'keyward', 'profiles.json')
}

const NAME = /^[A-Za-z0-9_.-]{1,64}$/

/**
 * Every profile in the file (none when there is no file).
 *
 * @throws Error when others may read the file, or it is not a profile file.
 */
export function readProfiles(file: string): Record<string, Profile> {
  if (!existsSync(file)) return {}
  const mode = statSync(file).mode & 0o777
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new Error(`the profile file ${file} holds secrets but others may read it (mode ${mode.toString(8)}): run chmod 600 ${file}`)
  }
  let parsed: Partial<ProfileFile>
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<ProfileFile>
  } catch (error) {
    throw new Error(`the profile file ${file} is not JSON: ${(error as Error).message}`)
  }
  const profiles = parsed.profiles ?? {}
  for (const [name, profile] of Object.entries(profiles)) {
    if (typeof profile?.url !== 'string' || typeof profile.secretKey !== 'string')
      throw new Error(`the profile "${name}" in ${file} needs "url" and "secretKey"`)
  }
  return profiles
}

/** @throws Error naming the profiles there are when there is no such one. */
export function readProfile(file: string, name: string): Profile {
  const profiles = readProfiles(file)
  const profile = profiles[name]
  if (!profile)
    throw new Error(`no profile "${name}" in ${file}; the profiles are: ${Object.keys(profiles).join(', ') || 'none ("keyward profiles set" adds one)'}`)
  return profile
}

/** Adds or replaces one profile (`undefined` removes it), writing the file with mode 0600. */
export function writeProfile(file: string, name: string, profile: Profile | undefined): void {
  if (!NAME.test(name)) throw new Error(`a profile name is 1 to 64 letters, digits, ".", "_" or "-", not "${name}"`)
  const profiles = { ...readProfiles(file) }
  if (profile) profiles[name] = profile
  else if (!(name in profiles)) throw new Error(`no profile "${name}" in ${file}`)
  else delete profiles[name]
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  writeFileSync(file, `${JSON.stringify({ profiles } satisfies ProfileFile, null, 2)}\n`, { mode: 0o600 })
}
