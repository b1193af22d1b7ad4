import { registerDescribeOperation } from '../../http/operation-routes.js'
import { toAdministratorBody } from '../present.js'
import { ADMINISTRATORS } from './common.js'
import type { Api } from '../../http/api-types.js'
import type { AdministratorService } from '../service.js'

export function registerDescribe(app: Api, administrators: AdministratorService): void {
  const doc = {
    operationId: 'describeAdministrator',
    summary: 'Describe an Administrator',
    description: 'Describes an administrator by ID (never its password).',
  } as const
  registerDescribeOperation(app, ADMINISTRATORS, doc, async (principal, id) => toAdministratorBody(await administrators.describe(principal, id)))
}
