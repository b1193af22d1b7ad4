/**
 * Keyward's rights, grouped as in the model API's `rights.platformRights` (and as
 * `src/roles/rights.ts` names them). The console hides or disables what the signed-in
 * administrator's role lacks; the API refuses it anyway.
 *
 * @module
 */
import { useCallback } from 'react'
import { useSignedIn } from '../api/session.js'
import type { RightsObject } from '../api/resources.js'

export const RIGHT_GROUPS = {
  apikeyRights: ['canViewApiKeys', 'canCreateNewApiKeys', 'canEditApiKeyProperties', 'canDeleteApiKeys'],
  administratorRights: ['canViewAdministrators', 'canCreateNewAdministrators', 'canEditAdministratorProperties', 'canDeleteAdministrators'],
  administratorRoleRights: ['canViewAdministratorRoles', 'canCreateNewAdministratorRoles', 'canEditAdministratorRoleProperties', 'canDeleteAdministratorRoles'],
  auditEventRights: ['canViewAuditEvents'],
} as const

export type RightGroup = keyof typeof RIGHT_GROUPS
export type RightName = (typeof RIGHT_GROUPS)[RightGroup][number]
export type Right = { [G in RightGroup]: `${G}.${(typeof RIGHT_GROUPS)[G][number]}` }[RightGroup]

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
