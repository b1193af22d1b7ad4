/**
 * `keyward profiles set|list|remove`: saved Keyward addresses and secret keys, so that
 * `--profile NAME` (or `KEYWARD_PROFILE`) stands for `--url` and `--secret-key`.
 *
 * @module
 */
import type { Command } from 'commander'
import { ApiClient } from './api-client.js'
import { renderJson, renderTable, type CliIo } from './cli-io.js'
import { profilesFileOf, readProfiles, writeProfile } from './profiles.js'

export function registerProfileCommands(program: Command, io: CliIo): void {
  const profiles = program
    .command('profiles')
    .description(`saved Keyward addresses and secret keys, for --profile (in KEYWARD_PROFILES_FILE, default ~/.config/keyward/profiles.json, mode 0600)`)

  profiles
    .command('set <name>')
    .description('save a profile, after checking that the key works there; the secret is read from KEYWARD_SECRET_KEY, standard input, or asked for')
    .requiredOption('--url <url>', "Keyward's address, e.g. https://keys.example.com")
    .action(async (name: string, flags: { url: string }) => {
      const secretKey = (io.env.KEYWARD_SECRET_KEY || (await io.readSecretKey())).trim()
      const key = await new ApiClient(flags.url, secretKey).get('/apikeys/current')
      const file = profilesFileOf(io.env)
      writeProfile(file, name, { url: flags.url, secretKey })
      io.out(`Saved the profile "${name}" in ${file}: API key ${key.ID} "${key.keyName}" at ${flags.url}.`)
    })

  profiles
    .command('list')
    .description('list the profiles (never their secrets)')
    .option('--json', 'print JSON')
    .action((flags: { json?: boolean }) => {
      const rows = Object.entries(readProfiles(profilesFileOf(io.env))).map(([name, profile]) => ({ name, url: profile.url }))
      io.out(
        flags.json
          ? renderJson(rows)
          : renderTable(rows, [
              { header: 'name', value: (row) => row.name },
              { header: 'url', value: (row) => row.url },
            ]),
      )
    })

  profiles
    .command('remove <name>')
    .description('remove a profile')
    .action((name: string) => {
      const file = profilesFileOf(io.env)
      writeProfile(file, name, undefined)
      io.out(`Removed the profile "${name}" from ${file}.`)
    })
}
