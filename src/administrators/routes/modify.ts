import { registerModifyOperation } from '../../http/operation-routes.js'
import { AdministratorModifySchema } from '../schema.js'
import { toAdministratorBody } from '../present.js'
import { ADMINISTRATORS } from './common.js'
import type { Api } from '../../http/api-types.js'
import type { AdministratorService } from '../service.js'

export function registerModify(app: Api, administrators: AdministratorService): void {
  const doc = {
    operationId: 'modifyAdministrator',
    summary: 'Modify an Administrator',
    description:
      'Changes the properties sent; the rest stay. `password` sets a new password; `active: false` locks the administrator out, `active: true` unlocks it; `mfaType: none` turns its second factor off.',
    body: AdministratorModifySchema,
  } as const
  registerModifyOperation(app, ADMINISTRATORS, doc, async (principal, id, body) => toAdministratorBody(await administrators.modify(principal, id, body)))
}
