import { Modal } from '@mantine/core'
import { useListNavigate } from '../../components/list-params.js'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { ResourceDialogPending } from '../../components/ResourceDialog.js'
import { useCan } from '../../rights/rights.js'
import { RoleFormDialog, type RoleDialogMode } from './RoleFormDialog.js'
import { useRole } from './api.js'

/** `/roles/new`, `/roles/:id` (Properties) and `/roles/:id/duplicate`. */
export function RoleDialogRoute({ mode }: { mode: RoleDialogMode }) {
  const { t } = useTranslation()
  const can = useCan()
  const { id } = useParams()
  const goTo = useListNavigate()
  const roleId = mode === 'new' ? undefined : Number(id)
  const valid = roleId === undefined || (Number.isInteger(roleId) && roleId > 0)
  const read = useRole(valid ? roleId : undefined)
  const { role } = read
  const close = () => goTo('/roles')

  if (mode !== 'new' && !role) {
    return (
      <Modal.Stack>
        <ResourceDialogPending stackId="role" title={t('roles.propertiesTitle')} size="xl" read={read} notFound={!valid} onClose={close} />
      </Modal.Stack>
    )
  }
  const readOnly =
    mode === 'properties' ? !can('administratorRoleRights.canEditAdministratorRoleProperties') : !can('administratorRoleRights.canCreateNewAdministratorRoles')
  return (
    <Modal.Stack>
      <RoleFormDialog
        key={`${mode}-${role?.ID ?? 'new'}`}
        stackId="role"
        mode={mode}
        role={role}
        readOnly={readOnly}
        canDelete={can('administratorRoleRights.canDeleteAdministratorRoles')}
        onSaved={close}
        onClose={close}
        onDeleted={close}
      />
    </Modal.Stack>
  )
}
