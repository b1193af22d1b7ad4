import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { ApiKeyService } from '../service.js'
import { registerCreate } from './create.js'
import { registerCurrent } from './current.js'
import { registerDelete } from './delete.js'
import { registerDescribe } from './describe.js'
import { registerList } from './list.js'
import { registerModify } from './modify.js'
import { registerNewSecret } from './new-secret.js'
import { registerSearch } from './search.js'

/** `/apikeys`: the ten API key operations of the model API. */
export const apiKeyRoutes: FastifyPluginAsyncTypebox<{ apiKeys: ApiKeyService }> = async (app, { apiKeys }) => {
  for (const register of [registerCreate, registerList, registerSearch, registerCurrent, registerDescribe, registerModify, registerDelete, registerNewSecret]) {
    register(app, apiKeys)
  }
}
