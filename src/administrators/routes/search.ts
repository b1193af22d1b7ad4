import { registerSearchOperation } from '../../http/search-route.js'
import { AdministratorListSchema } from '../schema.js'
import { toAdministratorBody } from '../present.js'
import { ADMINISTRATORS } from './common.js'
import type { Api } from '../../http/api-types.js'
import type { AdministratorService } from '../service.js'

export function registerSearch(app: Api, administrators: AdministratorService): void {
  registerSearchOperation(app, {
    url: '/administrators/search',
    group: ADMINISTRATORS.group,
    operationId: 'searchAdministrators',
    summary: 'Search Administrators',
    description: 'Searches administrators with the search-filter language.',
    listSchema: AdministratorListSchema,
    listKey: 'administrators',
    search: (principal, filter) => administrators.search(principal, filter),
    present: toAdministratorBody,
  })
}
