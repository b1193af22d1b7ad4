import { Code, Fieldset, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { RightsObject, Role } from '../../api/resources.js'
import { KEPT_RIGHT_GROUPS } from '../../../../src/roles/kept-rights.js'

const KEPT_FIELDS = ['allComputers', 'allPolicies', 'computerIDs', 'computerGroupIDs', 'policyIDs'] as const

/** A role's kept fields and rights by API name, as `[name, value]`, in the published order. */
function keptEntriesOf(role: Role | undefined): [string, string][] {
  if (!role) return []
  const entries: [string, string][] = []
  for (const field of KEPT_FIELDS) if (role[field] !== undefined) entries.push([field, String(role[field])])
  for (const [group, subgroups] of Object.entries(KEPT_RIGHT_GROUPS)) {
    for (const [subgroup, names] of Object.entries(subgroups)) {
      for (const name of names) {
        const value = role.rights?.[group]?.[subgroup]?.[name]
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

/**
 * The fields of the model API that a client set on a role and that mean nothing in Keyward
 * (computer scopes, rights on other products), read-only, so that nobody takes them for
 * rights this role grants. Nothing when there are none.
 */
export function KeptRoleFields({ role }: { readonly role: Role | undefined }) {
  const { t } = useTranslation()
  const entries = keptEntriesOf(role)
  if (entries.length === 0) return null
  return (
    <Fieldset legend={t('roles.kept.title')}>
      <Text size="sm" c="dimmed" mb="xs">
        {t('roles.kept.description')}
      </Text>
      <Table.ScrollContainer minWidth={400} mah={200}>
        <Table withRowBorders={false} verticalSpacing={2}>
          <Table.Tbody>
            {entries.map(([name, value]) => (
              <Table.Tr key={name}>
                <Table.Td>
                  <Code>{name}</Code>
                </Table.Td>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Fieldset>
  )
}
