/**
 * The resource commands of `keyward` (API keys, roles, administrators, the audit log) and its
 * profiles, on a running Keyward or, for bootstrap and recovery, on the database.
 *
 * @module
 */
import type { Command } from 'commander'
import { registerAdministratorCommands } from './administrators-commands.js'
import { registerApiKeyCommands } from './apikeys-commands.js'
import { registerAuditCommands } from './audit-commands.js'
import type { CliIo } from './cli-io.js'
import { registerProfileCommands } from './profiles-commands.js'
import { registerRoleCommands } from './roles-commands.js'

export function registerResourceCommands(program: Command, io: CliIo): void {
  registerApiKeyCommands(program, io)
  registerRoleCommands(program, io)
  registerAdministratorCommands(program, io)
  registerAuditCommands(program, io)
  registerProfileCommands(program, io)
}
