import { registerDeleteOperation } from '../../http/operation-routes.js'
import { ADMINISTRATORS } from './common.js'
import type { Api } from '../../http/api-types.js'
import type { AdministratorService } from '../service.js'

export function registerDelete(app: Api, administrators: AdministratorService): void {
  const doc = {
    operationId: 'deleteAdministrator',
    summary: 'Delete an Administrator',
    description:
      'Deletes an administrator and ends its sessions. Nobody can delete themselves or the last active administrator with Full Access. Answers 200 with no body.',
    conflicts: true,
  } as const
  registerDeleteOperation(app, ADMINISTRATORS, doc, (principal, id) => administrators.delete(principal, id))
}
