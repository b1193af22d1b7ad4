import type { RightsObject, Role } from '../../api/resources.js'
import { KeptFields, keptEntries } from '../../components/KeptFields.js'
import { KEPT_RIGHT_GROUPS } from '../../../../src/roles/kept-rights.js'

const KEPT_FIELDS = ['allComputers', 'allPolicies', 'computerIDs', 'computerGroupIDs', 'policyIDs'] as const

/** A role's kept fields and rights by API name, as `[name, value]`, in the published order. */
function keptEntriesOf(role: Role | undefined): [string, string][] {
  if (!role) return []
  const entries = keptEntries(role, KEPT_FIELDS)
  // Read by the names in KEPT_RIGHT_GROUPS, not by the generated type's own keys.
  const rights: RightsObject | undefined = role.rights
  for (const [group, subgroups] of Object.entries(KEPT_RIGHT_GROUPS)) {
    for (const [subgroup, names] of Object.entries(subgroups)) {
      for (const name of names) {
        const value = rights?.[group]?.[subgroup]?.[name]
        if (value !== undefined) entries.push([`${group}.${subgroup}.${name}`, String(value)])
      }
    }
  }
  return entries
}

/**
 * A role's kept fields, and its rights with the form's own `platformRights` groups on top: what
 * Duplicate sends, so that the copy keeps them too.
 */
export function withKeptFieldsOf(role: Role | undefined, rights: RightsObject): Pick<Role, (typeof KEPT_FIELDS)[number] | 'rights'> {
  const kept = Object.fromEntries(KEPT_FIELDS.filter((field) => role?.[field] !== undefined).map((field) => [field, role![field]]))
  return { ...kept, rights: { ...role?.rights, ...rights, platformRights: { ...role?.rights?.platformRights, ...rights.platformRights } } }
}

/** A role's computer scopes and rights on other products, which grant nothing in Keyward, apart and read-only. */
export function KeptRoleFields({ role }: { readonly role: Role | undefined }) {
  return <KeptFields entries={keptEntriesOf(role)} />
}
