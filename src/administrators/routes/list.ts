import { registerListOperation } from '../../http/operation-routes.js'
import { AdministratorListSchema } from '../schema.js'
import { toAdministratorBody } from '../present.js'
import { ADMINISTRATORS } from './common.js'
import type { Api } from '../../http/api-types.js'
import type { AdministratorService } from '../service.js'

export function registerList(app: Api, administrators: AdministratorService): void {
  const doc = {
    operationId: 'listAdministrators',
    summary: 'List Administrators',
    description: 'Lists all administrators, by ID.',
    list: AdministratorListSchema,
  } as const
  registerListOperation(app, ADMINISTRATORS, doc, async (principal) => ({ administrators: (await administrators.list(principal)).map(toAdministratorBody) }))
}
