import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { AdministratorService } from '../service.js'
import { registerCreate } from './create.js'
import { registerList } from './list.js'
import { registerSearch } from './search.js'
import { registerCurrent } from './current.js'
import { registerMfa } from './mfa.js'
import { registerDescribe } from './describe.js'
import { registerModify } from './modify.js'
import { registerDelete } from './delete.js'

/** `/administrators`: the six operations of the model API, plus the signed-in administrator's own. */
export const administratorRoutes: FastifyPluginAsyncTypebox<{ administrators: AdministratorService }> = async (app, { administrators }) => {
  for (const register of [registerCreate, registerList, registerSearch, registerCurrent, registerMfa, registerDescribe, registerModify, registerDelete]) {
    register(app, administrators)
  }
}
