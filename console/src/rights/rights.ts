/**
 * Keyward's rights, grouped as in the model API's `rights.platformRights`, from
 * `src/roles/rights.ts`. The console hides or disables what the signed-in
 * administrator's role lacks; the API refuses it anyway.
 *
 * @module
 */
import { useCallback } from 'react'
import { useSignedIn } from '../api/session.js'
import type { RightsObject } from '../api/resources.js'
// The server's list of rights is plain data: one list for both.
import { RIGHT_GROUPS as SERVER_RIGHT_GROUPS, type Right, type RightGroup } from '../../../src/roles/rights.js'

export type { Right, RightGroup }

type RightNames = { readonly [G in RightGroup]: readonly (keyof (typeof SERVER_RIGHT_GROUPS)[G] & string)[] }

/** The rights of each group, as lists (Object.keys forgets the literal names, hence the cast). */
export const RIGHT_GROUPS = Object.fromEntries(
  Object.entries(SERVER_RIGHT_GROUPS).map(([group, rights]) => [group, Object.keys(rights)]),
) as unknown as RightNames

export const RIGHT_GROUP_NAMES = Object.keys(RIGHT_GROUPS) as RightGroup[]
export const RIGHT_COUNT = RIGHT_GROUP_NAMES.reduce((sum, group) => sum + RIGHT_GROUPS[group].length, 0)

export function hasRight(rights: RightsObject | undefined, right: Right): boolean {
  const [group = '', name = ''] = right.split('.')
  return rights?.platformRights?.[group]?.[name] === true
}

export function countRights(rights: RightsObject | undefined): number {
  return RIGHT_GROUP_NAMES.reduce((sum, group) => sum + RIGHT_GROUPS[group].filter((name) => hasRight(rights, `${group}.${name}` as Right)).length, 0)
}

/** Whether the signed-in administrator's role holds a right. */
export function useCan(): (right: Right) => boolean {
  const { role } = useSignedIn()
  return useCallback((right: Right) => hasRight(role.rights, right), [role])
}

/** Creating, editing or deleting what one cannot see makes no sense: these need their group's View right. */
const NEEDS_VIEW = /^can(Create|Edit|Delete)/

/**
 * A group's ticked rights after a change in the role dialog: ticking one that needs View
 * ticks View too, and unticking View unticks those (issue 13). The server takes any set.
 */
export function withViewRight(group: RightGroup, before: readonly string[], after: string[]): string[] {
  const view = RIGHT_GROUPS[group].find((right) => right.startsWith('canView'))
  if (!view) return after
  if (before.includes(view) && !after.includes(view)) return after.filter((right) => !NEEDS_VIEW.test(right))
  return after.some((right) => NEEDS_VIEW.test(right)) && !after.includes(view) ? [view, ...after] : after
}
