import { registerCreateOperation } from '../../http/operation-routes.js'
import { AdministratorCreateSchema } from '../schema.js'
import { toAdministratorBody } from '../present.js'
import { ADMINISTRATORS } from './common.js'
import type { Api } from '../../http/api-types.js'
import type { AdministratorService } from '../service.js'

export function registerCreate(app: Api, administrators: AdministratorService): void {
  const doc = {
    operationId: 'createAdministrator',
    summary: 'Create an Administrator',
    description: 'Creates an administrator; the password must satisfy the password policy.',
    body: AdministratorCreateSchema,
  } as const
  registerCreateOperation(app, ADMINISTRATORS, doc, async (principal, body) => toAdministratorBody(await administrators.create(principal, body)))
}
