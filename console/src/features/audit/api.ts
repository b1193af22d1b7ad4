import type { AuditEvent, SearchCriterion } from '../../api/resources.js'
import { containsCriterion, type ListParamsControl, useSearchPage } from '../../components/list-params.js'
import { type DateFormat, useDateFormat } from '../../format/date-format.js'

/**
 * The audit log's filter, from its URL: part of the actor's name (`who`), one action (`action`,
 * e.g. `apikey.lock`), a resource type (`resource`), and an inclusive range of days (`from`,
 * `to`, YYYY-MM-DD in the administrator's time zone).
 */
function criteriaOf(params: ListParamsControl, format: DateFormat): SearchCriterion[] {
  const criteria = containsCriterion('actorName', params.get('who'))
  const action = params.get('action')
  const resourceType = params.get('resource')
  const fromDay = params.get('from')
  const toDay = params.get('to')
  if (action) criteria.push({ fieldName: 'action', stringValue: action, stringWildcards: false })
  if (resourceType) criteria.push({ fieldName: 'resourceType', choiceValue: resourceType })
  if (fromDay || toDay) {
    criteria.push({
      fieldName: 'time',
      ...(fromDay ? { firstDateValue: format.startOfDay(fromDay) } : {}),
      ...(toDay ? { lastDateValue: format.endOfDay(toDay) } : {}),
    })
  }
  return criteria
}

/** One page of the audit log, filtered by who, what and when, on the server. */
export function useAuditEvents() {
  const format = useDateFormat()
  return useSearchPage<AuditEvent>('/auditevents/search', 'auditEvents', { sort: 'time', descending: true }, (params) => criteriaOf(params, format))
}
