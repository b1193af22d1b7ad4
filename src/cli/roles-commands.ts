/**
 * `keyward roles …`: administrator roles of a running Keyward.
 *
 * @module
 */
import { InvalidArgumentError, type Command } from 'commander'
import { isRight, type Right } from '../roles/rights.js'
import { field, type CliIo } from './cli-io.js'
import { collect, fromOption, printResult, registerReadAndDelete, resolveId, withFrom, type ApiObject, type ResourceSpec } from './resource-commands.js'
import { onTarget, remoteOptions, type RemoteFlags } from './target.js'

const ROLES: ResourceSpec = {
  noun: 'role',
  path: '/roles',
  listField: 'roles',
  nameField: 'name',
  columns: [field('ID'), field('name'), { header: 'built in', value: (role) => (role.immutable ? 'yes' : '') }, field('description')],
  label: (role) => `role ${role.ID} "${role.name}"`,
}

interface RoleFlags extends RemoteFlags {
  name?: string
  description?: string
  right?: Right[]
  permission?: string[]
  from?: string
}

function collectRight(value: string, previous: Right[] = []): Right[] {
  if (!isRight(value)) throw new InvalidArgumentError('expected a right such as apikeyRights.canViewApiKeys (see README, Roles)')
  return [...previous, value]
}

/** The rights object that grants `rights` and leaves every other one out (kept on modify, not granted on create). */
function granting(rights: readonly Right[]): ApiObject {
  const platformRights: Record<string, Record<string, boolean>> = {}
  for (const right of rights) {
    const [group, name] = right.split('.') as [string, string]
    platformRights[group] = { ...platformRights[group], [name]: true }
  }
  return { platformRights }
}

function roleOptions(command: Command, isCreate: boolean): Command {
  return fromOption(
    remoteOptions(
      command[isCreate ? 'requiredOption' : 'option']('--name <name>', 'name of the role')
        .option('--description <text>', 'description')
        .option(
          '--right <group.right>',
          `grant a right, e.g. apikeyRights.canViewApiKeys (repeatable${isCreate ? '' : '; others keep their values'})`,
          collectRight,
        )
        .option('--permission <permission>', 'an application permission for its keys (repeatable; replaces the list)', collect),
    ),
  )
}

function roleBody(flags: RoleFlags): ApiObject {
  return withFrom(flags, {
    ...(flags.name === undefined ? {} : { name: flags.name }),
    ...(flags.description === undefined ? {} : { description: flags.description }),
    ...(flags.right === undefined ? {} : { rights: granting(flags.right) }),
    ...(flags.permission === undefined ? {} : { permissions: flags.permission }),
  })
}

export function registerRoleCommands(program: Command, io: CliIo): void {
  const roles = program.command('roles').description('administrator roles of a running Keyward (--url, --profile)')
  registerReadAndDelete(roles, ROLES, io)
  roleOptions(roles.command('create').description('create a role (rights left out are not granted)'), true).action(async (flags: RoleFlags) => {
    const role = await onTarget(flags, io, { remote: (api) => api.post('/roles', roleBody(flags)) })
    printResult(io, flags, role, `Created ${ROLES.label(role)}.`)
  })
  roleOptions(roles.command('modify <name-or-id>').description('change a role: only the options given'), false).action(
    async (nameOrId: string, flags: RoleFlags) => {
      const role = await onTarget(flags, io, { remote: async (api) => api.post(`/roles/${await resolveId(api, ROLES, nameOrId)}`, roleBody(flags)) })
      printResult(io, flags, role, `Modified ${ROLES.label(role)}.`)
    },
  )
}
