/**
 * The fields of the model API's role that mean nothing in Keyward (computer and policy scopes,
 * rights on other products): accepted, kept exactly as sent and returned, with no effect, so
 * clients written for the model can create and read back their roles unchanged (issue 15).
 *
 * @module
 */
import { Type, type TSchema } from 'typebox'
import { applyKept, kept } from '../http/kept-fields.js'
import { INT32_MAX } from '../http/schemas.js'
import { KEPT_RIGHT_GROUPS } from './kept-rights.js'

/** Kept rights, only those ever sent: `{ antiMalwareRights: { fileListRights: { canEditFileLists: true } } }`. */
export type KeptRights = Record<string, Record<string, Record<string, boolean>>>

export interface KeptRoleFields {
  allComputers?: boolean
  allPolicies?: boolean
  computerIDs?: number[]
  computerGroupIDs?: number[]
  policyIDs?: number[]
  rights?: KeptRights
}

const ids = (description: string) => Type.Array(Type.Integer({ minimum: 0, maximum: INT32_MAX }), { maxItems: 10_000, ...kept(description) })

export const KEPT_ROLE_SCHEMAS = {
  allComputers: Type.Boolean(kept('Whether holders may access all computers. Model API field.')),
  allPolicies: Type.Boolean(kept('Whether holders may access all policies. Model API field.')),
  computerIDs: ids('Computers holders may access, unless allComputers. Model API field.'),
  computerGroupIDs: ids('Computer groups holders may access, unless allComputers. Model API field.'),
  policyIDs: ids('Policies holders may access, unless allPolicies. Model API field.'),
}

const KEPT_FIELDS = ['allComputers', 'allPolicies', 'computerIDs', 'computerGroupIDs', 'policyIDs'] as const

function subgroupSchema(rights: readonly string[]) {
  return Type.Optional(
    Type.Object(Object.fromEntries(rights.map((right) => [right, Type.Optional(Type.Boolean())])), {
      additionalProperties: false,
      ...kept('Rights of the model API.'),
    }),
  )
}

/** The kept right groups of `group` (`platformRights`, `antiMalwareRights`, …) as schema properties. */
export function keptRightSchemas(group: string): Record<string, TSchema> {
  return Object.fromEntries(Object.entries(KEPT_RIGHT_GROUPS[group] ?? {}).map(([subgroup, rights]) => [subgroup, subgroupSchema(rights)]))
}

/** The top-level groups of `rights` that Keyward keeps whole (every one but `platformRights`). */
export const KEPT_TOP_RIGHT_SCHEMAS: Record<string, TSchema> = Object.fromEntries(
  Object.keys(KEPT_RIGHT_GROUPS)
    .filter((group) => group !== 'platformRights')
    .map((group) => [group, Type.Optional(Type.Object(keptRightSchemas(group), { additionalProperties: false, ...kept('Rights of the model API.') }))]),
)

type KeptInput = Partial<Record<(typeof KEPT_FIELDS)[number], unknown>> & { rights?: unknown }

/**
 * The kept fields after a create or modify body: fields sent replace what was kept, rights
 * sent are set one by one (as Keyward's own rights are), in the published order so that two
 * results compare as JSON.
 */
export function applyKeptFields(base: KeptRoleFields, input: KeptInput): KeptRoleFields {
  const result: KeptRoleFields = applyKept(KEPT_FIELDS, base, input)
  const sent = (input.rights ?? {}) as KeptRights
  const rights: KeptRights = {}
  for (const [group, subgroups] of Object.entries(KEPT_RIGHT_GROUPS)) {
    for (const [subgroup, names] of Object.entries(subgroups)) {
      for (const name of names) {
        const granted = sent[group]?.[subgroup]?.[name] ?? base.rights?.[group]?.[subgroup]?.[name]
        if (granted === undefined) continue
        ;((rights[group] ??= {})[subgroup] ??= {})[name] = granted
      }
    }
  }
  if (Object.keys(rights).length > 0) result.rights = rights
  return result
}

/** Keyward's rights object with the kept rights beside its groups. */
export function withKeptRights<T extends Record<string, unknown>>(rights: T, kept: KeptRights | undefined): T {
  const merged: Record<string, unknown> = { ...rights }
  for (const [group, subgroups] of Object.entries(kept ?? {})) merged[group] = { ...(merged[group] as object | undefined), ...subgroups }
  return merged as T
}
