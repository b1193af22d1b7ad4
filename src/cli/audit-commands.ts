/**
 * `keyward auditevents list|search [--follow]`: the audit log of a running Keyward. `--follow`
 * prints the newest entries, then every new one as it is written, oldest first, until stopped.
 *
 * @module
 */
import { setTimeout as sleep } from 'node:timers/promises'
import type { Command } from 'commander'
import { parseDuration } from '../config.js'
import type { SearchFilter } from '../search/schema.js'
import type { ApiClient } from './api-client.js'
import { field, renderTable, type CliIo } from './cli-io.js'
import { registerListAndSearch, type ApiObject, type ResourceSpec } from './resource-commands.js'
import type { RemoteFlags } from './target.js'

const changedFields = (event: ApiObject) => Object.keys(event.changes as object).join(', ')

const AUDIT_EVENTS: ResourceSpec = {
  noun: 'audit event',
  path: '/auditevents',
  listField: 'auditEvents',
  nameField: 'resourceName',
  columns: [
    field('ID'),
    field('time'),
    { header: 'actor', value: (e) => `${e.actorType} ${e.actorName}` },
    field('action'),
    { header: 'resource', value: (e) => `${e.resourceType} ${e.resourceName}` },
    field('address'),
    { header: 'changed', value: changedFields },
  ],
  label: (event) => `audit event ${event.ID}`,
}

/** Entries printed before following, when the search does not say how many. */
const FOLLOW_BACKLOG = 20
const PAGE_SIZE = 500
/**
 * On PostgreSQL an entry's ID is taken when it is inserted and it appears at commit, so a lower
 * ID can appear after a higher one: each poll looks this many IDs back for late arrivals.
 */
const LATE_WINDOW = 100

interface AuditFollowFlags extends RemoteFlags {
  interval: string
}

async function follow(api: ApiClient, io: CliIo, flags: AuditFollowFlags, filter: SearchFilter): Promise<void> {
  const intervalMs = parseDuration('--interval', flags.interval)
  const criteria = filter.searchCriteria ?? []
  const seen = new Set<number>()
  let last = 0
  let isFirstRow = true
  const print = (events: ApiObject[]) => {
    for (const event of events) {
      if (seen.has(event.ID)) continue
      seen.add(event.ID)
      last = Math.max(last, event.ID)
      if (flags.json) io.out(JSON.stringify(event))
      else {
        const table = renderTable([event], AUDIT_EVENTS.columns).split('\n')
        io.out(isFirstRow ? table.join('\n') : table[1]!)
      }
      isFirstRow = false
    }
  }
  const backlogSize = filter.maxItems ?? FOLLOW_BACKLOG
  const backlog = (await api.post('/auditevents/search', { searchCriteria: criteria, maxItems: backlogSize, sortByObjectID: true, sortDescending: true }))
    .auditEvents as ApiObject[]
  // Older entries than a full backlog's were left out on purpose: looking back for late arrivals must not print them.
  const floor = backlog.length === backlogSize ? (backlog.at(-1)!.ID as number) : 0
  print(backlog.reverse())
  while (!io.signal?.aborted) {
    const page = (
      await api.post('/auditevents/search', {
        searchCriteria: [...criteria, { idTest: 'greater-than', idValue: Math.max(0, floor - 1, last - LATE_WINDOW) }],
        maxItems: PAGE_SIZE,
        sortByObjectID: true,
      })
    ).auditEvents as ApiObject[]
    print(page)
    for (const id of seen) if (id <= last - LATE_WINDOW) seen.delete(id)
    if (page.length === PAGE_SIZE) continue
    try {
      await sleep(intervalMs, undefined, { signal: io.signal })
    } catch {
      return
    }
  }
}

export function registerAuditCommands(program: Command, io: CliIo): void {
  const audit = program.command('auditevents').description('the audit log of a running Keyward (--url, --profile)')
  registerListAndSearch(audit, AUDIT_EVENTS, io, 'list the newest entries, newest first (with --follow: oldest first, then new ones)', (api, flags, filter) =>
    follow(api, io, flags as AuditFollowFlags, filter),
  )
  for (const command of audit.commands) command.option('--interval <duration>', 'with --follow: how often to ask for new entries', '1s')
}
