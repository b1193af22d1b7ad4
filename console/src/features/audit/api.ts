import type { AuditEvent, SearchCriterion } from '../../api/resources.js'
import { useApiQuery } from '../../api/use-api.js'
import { containsCriterion, pageFilter, totalOf, type ListParams } from '../../components/list-params.js'

export interface AuditFilter {
  /** Part of the actor's name. */
  readonly who: string
  /** One action, e.g. `apikey.lock`. */
  readonly action: string
  readonly resourceType: string
  /** Inclusive range in ms. */
  readonly from?: number
  readonly to?: number
}

function criteriaOf(filter: AuditFilter): SearchCriterion[] {
  const criteria = containsCriterion('actorName', filter.who)
  if (filter.action) criteria.push({ fieldName: 'action', stringValue: filter.action, stringWildcards: false })
  if (filter.resourceType) criteria.push({ fieldName: 'resourceType', choiceValue: filter.resourceType })
  if (filter.from !== undefined || filter.to !== undefined) {
    criteria.push({
      fieldName: 'time',
      ...(filter.from !== undefined ? { firstDateValue: filter.from } : {}),
      ...(filter.to !== undefined ? { lastDateValue: filter.to } : {}),
    })
  }
  return criteria
}

/** One page of the audit log, filtered by who, what and when, on the server. */
export function useAuditEvents(params: ListParams, filter: AuditFilter) {
  const query = useApiQuery<{ auditEvents: AuditEvent[] }>(
    { method: 'POST', path: '/auditevents/search', body: pageFilter(params, criteriaOf(filter)) },
    { keepPrevious: true },
  )
  return { ...query, events: query.data?.data.auditEvents, total: totalOf(query.data?.headers) }
}
