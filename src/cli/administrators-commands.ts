/**
 * `keyward administrators …`: administrators of a running Keyward. `lock`, `unlock` and
 * `set-password` also act on the database directly (`--database-url`): the recovery when
 * nobody can sign in. Passwords are read from standard input or asked for, never taken from the
 * command line.
 *
 * @module
 */
import { Option, type Command } from 'commander'
import { toAdministratorBody } from '../administrators/present.js'
import type { KeywardContext } from '../context.js'
import { LOCALES } from '../i18n/translate.js'
import { findRemoteRole } from './apikeys-commands.js'
import { ApiError } from './api-client.js'
import { field, type CliIo } from './cli-io.js'
import { databaseOption } from './command-context.js'
import {
  fromOption,
  printResult,
  registerLockAndUnlock,
  registerReadAndDelete,
  resolveId,
  withFrom,
  type ApiObject,
  type ResourceSpec,
} from './resource-commands.js'
import { onTarget, remoteOptions, type TargetFlags } from './target.js'

const ADMINISTRATORS: ResourceSpec = {
  noun: 'administrator',
  path: '/administrators',
  listField: 'administrators',
  nameField: 'username',
  columns: [
    field('ID'),
    field('username'),
    field('fullName', 'full name'),
    field('roleID', 'role'),
    { header: 'locked', value: (admin) => (admin.active === false ? 'yes' : '') },
    field('lastSignIn', 'last sign-in'),
  ],
  label: (admin) => `administrator "${admin.username}"`,
}

interface AdministratorFlags extends TargetFlags {
  username?: string
  role?: string
  fullName?: string
  description?: string
  email?: string
  locale?: string
  timeZone?: string
  from?: string
}

function administratorOptions(command: Command, isCreate: boolean): Command {
  return fromOption(
    remoteOptions(
      command[isCreate ? 'requiredOption' : 'option']('--username <username>', 'username to sign in with')
        [isCreate ? 'requiredOption' : 'option']('--role <role>', 'role name (any letter case) or ID')
        .option('--full-name <name>', 'full name')
        .option('--description <text>', 'description')
        .option('--email <address>', 'email address')
        .addOption(new Option('--locale <locale>', 'language of the console and messages').choices(LOCALES))
        .option('--time-zone <zone>', 'IANA time zone of the console'),
    ),
  )
}

function administratorBody(flags: AdministratorFlags): ApiObject {
  return withFrom(flags, {
    ...(flags.username === undefined ? {} : { username: flags.username }),
    ...(flags.fullName === undefined ? {} : { fullName: flags.fullName }),
    ...(flags.description === undefined ? {} : { description: flags.description }),
    ...(flags.email === undefined ? {} : { emailAddress: flags.email }),
    ...(flags.locale === undefined ? {} : { locale: flags.locale }),
    ...(flags.timeZone === undefined ? {} : { timeZone: flags.timeZone }),
  })
}

async function setActiveLocally(context: KeywardContext, username: string, active: boolean): Promise<ApiObject | undefined> {
  const admin = await context.stores.administrators.findByUsername(username)
  return admin && toAdministratorBody(await context.services.administrators.modify(await context.systemPrincipal(), admin.id, { active }))
}

export function registerAdministratorCommands(program: Command, io: CliIo): void {
  const administrators = program
    .command('administrators')
    .description('administrators: through a running Keyward (--url, --profile), or on the database for lock, unlock and set-password')
  registerReadAndDelete(administrators, ADMINISTRATORS, io)

  administratorOptions(
    administrators.command('create').description('create an administrator; the password is read from standard input, or asked for twice'),
    true,
  ).action(async (flags: AdministratorFlags) => {
    const admin = await onTarget(flags, io, {
      remote: async (api) => {
        const roleID = (await findRemoteRole(api, flags.role!)).id
        return api.post('/administrators', { ...administratorBody(flags), roleID, password: await io.readPassword() })
      },
    })
    printResult(io, flags, admin, `Created ${ADMINISTRATORS.label(admin)}.`)
  })

  administratorOptions(administrators.command('modify <username-or-id>').description('change an administrator: only the options given'), false).action(
    async (nameOrId: string, flags: AdministratorFlags) => {
      const admin = await onTarget(flags, io, {
        remote: async (api) => {
          const id = await resolveId(api, ADMINISTRATORS, nameOrId)
          return api.post(`/administrators/${id}`, {
            ...administratorBody(flags),
            ...(flags.role === undefined ? {} : { roleID: (await findRemoteRole(api, flags.role)).id }),
          })
        },
      })
      printResult(io, flags, admin, `Modified ${ADMINISTRATORS.label(admin)}.`)
    },
  )

  registerLockAndUnlock(administrators, ADMINISTRATORS, io, setActiveLocally)

  databaseOption(
    remoteOptions(
      administrators
        .command('set-password <username>')
        .description("set an administrator's password (asked for, or read from standard input) and end its sessions"),
    ),
  ).action(async (username: string, flags: TargetFlags) => {
    const admin = await onTarget(flags, io, {
      remote: async (api) => {
        const id = await resolveId(api, ADMINISTRATORS, username)
        return api.post(`/administrators/${id}`, { password: await io.readPassword() })
      },
      local: async (context) => {
        const found = await context.stores.administrators.findByUsername(username)
        if (!found) throw new ApiError(404, undefined, `no administrator "${username}"`)
        const password = await io.readPassword()
        return toAdministratorBody(await context.services.administrators.modify(await context.systemPrincipal(), found.id, { password }))
      },
    })
    printResult(
      io,
      flags,
      admin,
      `Set a new password for ${ADMINISTRATORS.label(admin)}.${admin.active === false ? ' It is locked: "keyward administrators unlock" unlocks it.' : ''}`,
    )
  })
}
