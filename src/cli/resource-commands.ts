/**
 * The commands every resource has on a running Keyward, written once: list, search, describe,
 * delete, and lock/unlock for those that can be locked out. A resource is named on the command
 * line by ID or by its unique name.
 *
 * @module
 */
import { readFileSync } from 'node:fs'
import { InvalidArgumentError, type Command } from 'commander'
import type { KeywardContext } from '../context.js'
import type { SearchFilter } from '../search/schema.js'
import { ApiError, type ApiClient } from './api-client.js'
import { renderJson, renderRecord, renderTable, type CliIo, type Column } from './cli-io.js'
import { databaseOption } from './command-context.js'
import { onTarget, remoteOptions, type RemoteFlags, type TargetFlags } from './target.js'

export type ApiObject = Record<string, any>

export interface ResourceSpec {
  /** What one is called in messages, e.g. `API key`. */
  readonly noun: string
  /** The API's path, e.g. `/apikeys`. */
  readonly path: string
  /** The field of a list or search answer that holds the objects, e.g. `apiKeys`. */
  readonly listField: string
  /** The unique, searchable name field, e.g. `keyName`. */
  readonly nameField: string
  readonly columns: readonly Column[]
  /** How messages name one object, e.g. `API key 3 "ci"`. */
  readonly label: (item: ApiObject) => string
}

/** What a lock or unlock does on the database directly, for recovery: the object changed, as the API shows it, or undefined when there is none by that name. */
export type LocalSetActive = (context: KeywardContext, nameOrId: string, active: boolean) => Promise<ApiObject | undefined>

const ID = /^\d+$/

/**
 * The ID of the object a command names: digits are an ID, anything else its exact name.
 *
 * @throws ApiError 404 when no object has that name.
 */
export async function resolveId(api: ApiClient, spec: ResourceSpec, nameOrId: string): Promise<number> {
  if (ID.test(nameOrId)) return Number(nameOrId)
  const found = await api.post(`${spec.path}/search`, {
    maxItems: 1,
    searchCriteria: [{ fieldName: spec.nameField, stringValue: nameOrId, stringWildcards: false }],
  })
  const item = (found[spec.listField] as ApiObject[])[0]
  if (!item) throw new ApiError(404, undefined, `no ${spec.noun} named or numbered "${nameOrId}"`)
  return item.ID as number
}

/** Prints one object (or, with `--json`, the API's JSON); `message` says what was done. */
export function printResult(io: CliIo, flags: RemoteFlags, item: ApiObject, message?: string): void {
  if (flags.json) io.out(renderJson(item))
  else io.out(message ?? renderRecord(item))
}

/** JSON from the command line, or from the file `@FILE` names. */
function readJsonArgument(what: string, text: string): unknown {
  const json = text.startsWith('@') ? readFileSync(text.slice(1), 'utf8') : text
  try {
    return JSON.parse(json) as unknown
  } catch (error) {
    throw new Error(`${what} is not JSON: ${(error as Error).message}`)
  }
}

/** `--from`: fields of the request body the other options do not offer. */
export function fromOption(command: Command): Command {
  return command.option('--from <json>', 'more fields of the request body, as JSON or @FILE holding it (the other options win)')
}

/** The `--from` body under the fields the options give. */
export function withFrom(flags: { from?: string }, body: ApiObject): ApiObject {
  const from = flags.from === undefined ? {} : readJsonArgument('--from', flags.from)
  if (typeof from !== 'object' || from === null || Array.isArray(from)) throw new Error('--from must be a JSON object')
  return { ...from, ...body }
}

interface SearchFlags extends RemoteFlags {
  name?: string
  maxItems?: number
}

/** A search filter from the command line (the API checks it). */
function searchFilterOf(spec: ResourceSpec, text: string | undefined, flags: SearchFlags): SearchFilter {
  const filter = (text === undefined ? {} : readJsonArgument('the search filter', text)) as SearchFilter
  return {
    ...filter,
    ...(flags.maxItems === undefined ? {} : { maxItems: flags.maxItems }),
    ...(flags.name === undefined ? {} : { searchCriteria: [...(filter.searchCriteria ?? []), { fieldName: spec.nameField, stringValue: flags.name }] }),
  }
}

/** Collects a repeatable option's values; the API's validation checks each. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value]
}

export function parseCount(value: string): number {
  if (!ID.test(value)) throw new InvalidArgumentError(`expected a whole number, not "${value}"`)
  return Number(value)
}

/**
 * Keeps printing what a list or search finds as it appears, until `io.signal` aborts; `filter`
 * is the search's (none for a list).
 */
export type Follow = (api: ApiClient, flags: RemoteFlags, filter: SearchFilter) => Promise<void>

interface FollowFlags extends SearchFlags {
  follow?: boolean
}

/** `list` and `search` of a resource; with `follow`, both take `--follow`. */
export function registerListAndSearch(parent: Command, spec: ResourceSpec, io: CliIo, listDescription: string, follow?: Follow): void {
  const printList = (flags: RemoteFlags, body: ApiObject) =>
    io.out(flags.json ? renderJson(body) : renderTable(body[spec.listField] as ApiObject[], spec.columns))
  const withFollow = (command: Command) =>
    follow ? command.option('--follow', 'then keep printing new ones as they come, oldest first (Ctrl-C ends)') : command
  withFollow(remoteOptions(parent.command('list').description(listDescription))).action(async (flags: FollowFlags) => {
    await onTarget(flags, io, { remote: async (api) => (follow && flags.follow ? follow(api, flags, {}) : printList(flags, await api.get(spec.path))) })
  })
  withFollow(
    remoteOptions(
      parent
        .command('search [filter]')
        .description(
          `search with the API's search filter: JSON, or @FILE holding it, e.g. '{"searchCriteria": [{"fieldName": "${spec.nameField}", "stringValue": "ci%"}]}'`,
        )
        .option('--name <pattern>', `only those whose ${spec.nameField} matches (% and _ are wildcards)`)
        .option('--max-items <n>', 'at most this many', parseCount),
    ),
  ).action(async (text: string | undefined, flags: FollowFlags) => {
    const filter = searchFilterOf(spec, text, flags)
    await onTarget(flags, io, {
      remote: async (api) => (follow && flags.follow ? follow(api, flags, filter) : printList(flags, await api.post(`${spec.path}/search`, filter))),
    })
  })
}

/** Registers list, search, describe and delete of a resource under `parent`. */
export function registerReadAndDelete(parent: Command, spec: ResourceSpec, io: CliIo): void {
  registerListAndSearch(parent, spec, io, 'list them all, by ID')

  remoteOptions(parent.command('describe <name-or-id>').description('show one')).action(async (nameOrId: string, flags: RemoteFlags) => {
    printResult(io, flags, await onTarget(flags, io, { remote: async (api) => api.get(`${spec.path}/${await resolveId(api, spec, nameOrId)}`) }))
  })

  remoteOptions(parent.command('delete <name-or-id>').description('delete one')).action(async (nameOrId: string, flags: RemoteFlags) => {
    const item = await onTarget(flags, io, {
      remote: async (api) => {
        const path = `${spec.path}/${await resolveId(api, spec, nameOrId)}`
        const found = (await api.get(path)) as ApiObject
        await api.delete(path)
        return found
      },
    })
    printResult(io, flags, item, `Deleted ${spec.label(item)}.`)
  })
}

/** Registers lock and unlock (`active` false and true), on the database too when `local` says how. */
export function registerLockAndUnlock(parent: Command, spec: ResourceSpec, io: CliIo, setActiveLocally: LocalSetActive): void {
  for (const [verb, active] of [
    ['lock', false],
    ['unlock', true],
  ] as const) {
    const done = active ? 'Unlocked' : 'Locked'
    databaseOption(
      remoteOptions(parent.command(`${verb} <name-or-id>`).description(active ? 'unlock one and clear its failure count' : 'lock one out at once')),
    ).action(async (nameOrId: string, flags: TargetFlags) => {
      const item = await onTarget(flags, io, {
        remote: async (api) => api.post(`${spec.path}/${await resolveId(api, spec, nameOrId)}`, { active }),
        local: async (context) => {
          const changed = await setActiveLocally(context, nameOrId, active)
          if (!changed) throw new ApiError(404, undefined, `no ${spec.noun} named or numbered "${nameOrId}"`)
          return changed
        },
      })
      printResult(io, flags, item, `${done} ${spec.label(item)}.`)
    })
  }
}
