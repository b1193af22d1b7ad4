import { Select } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../api/resources.js'
import { useCan } from '../../rights/rights.js'
import { RoleFormDialog, type RoleAccess } from './RoleFormDialog.js'
import { useRoleList } from './api.js'
import { useRoleName } from './role-name.js'

/** The list's last entry, "New…", defines a role without leaving the dialog. */
const NEW_ROLE = 'new-role'

export interface RoleSelectProps {
  readonly label: string
  /** The role ID, as text (empty for none yet). */
  readonly value: string
  readonly error?: React.ReactNode
  readonly readOnly: boolean
  /** What a role defined with "New…" may use: an API key's role needs the web service, not the console. */
  readonly newRoleAccess?: RoleAccess
  onChange(roleId: string): void
}

/**
 * The Role field of the key and user dialogs: the roles, the present role even when the
 * signed-in administrator may not see it, and "New…" (for whoever may create roles), which
 * opens the role dialog on top and selects the new role when it is saved.
 */
export function RoleSelect(props: RoleSelectProps) {
  const { t } = useTranslation()
  const can = useCan()
  const { roles, mutate: reloadRoles } = useRoleList()
  const roleName = useRoleName()
  const [definingRole, setDefiningRole] = useState(false)
  // A new key each time the role dialog opens, so it starts empty.
  const [roleDialogKey, setRoleDialogKey] = useState(0)

  const options = [
    ...(roles ?? []).map((role) => ({ value: String(role.ID), label: roleName(role) })),
    ...(props.value !== '' && !roles?.some((role) => String(role.ID) === props.value)
      ? [{ value: props.value, label: t('apiKeys.roleUnknown', { id: props.value }) }]
      : []),
    ...(can('administratorRoleRights.canCreateNewAdministratorRoles') && !props.readOnly ? [{ value: NEW_ROLE, label: t('apiKeys.newRole') }] : []),
  ]

  const roleCreated = async (role: Role) => {
    setDefiningRole(false)
    await reloadRoles()
    props.onChange(String(role.ID))
  }

  return (
    <>
      <Select
        label={props.label}
        required
        data={options}
        allowDeselect={false}
        value={props.value === '' ? null : props.value}
        error={props.error}
        onChange={(value) => {
          if (value === NEW_ROLE) {
            setRoleDialogKey((n) => n + 1)
            setDefiningRole(true)
          } else if (value) props.onChange(value)
        }}
      />
      <RoleFormDialog
        key={roleDialogKey}
        opened={definingRole}
        stackId="new-role"
        mode="new"
        readOnly={false}
        newRoleAccess={props.newRoleAccess}
        onSaved={(role) => void roleCreated(role)}
        onClose={() => setDefiningRole(false)}
      />
    </>
  )
}
