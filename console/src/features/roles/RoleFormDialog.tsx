import { Button, Checkbox, Fieldset, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { fieldOfError } from '../../api/field-errors.js'
import type { NewRole, RightsObject, Role } from '../../api/resources.js'
import { useDeleteQuestion } from '../../components/ConfirmDialog.js'
import { entriesOf, textOf } from '../../components/ListTextarea.js'
import { notifySuccess } from '../../components/notify.js'
import { permissionsError, PermissionsInput } from '../../components/PermissionsInput.js'
import { ResourceFormDialog, useSubmitFailure } from '../../components/ResourceDialog.js'
import { RIGHT_GROUP_NAMES, RIGHT_GROUPS, hasRight, withViewRight, type RightGroup } from '../../rights/rights.js'
import { useRoleActions } from './api.js'
import { useRoleName } from './role-name.js'
import { KeptRoleFields, withKeptFieldsOf } from './KeptRoleFields.js'

export type RoleDialogMode = 'new' | 'properties' | 'duplicate'

interface RoleFormValues {
  name: string
  description: string
  allowUserInterface: boolean
  allowWebService: boolean
  canOnlyManipulateUsersWithEqualOrLesserRights: boolean
  rights: Record<RightGroup, string[]>
  /** Application permissions, one per line. */
  permissions: string
}

const FIELDS = ['name', 'description', 'permissions']
const FIELD_BY_CODE = { 'role.name_in_use': 'name', 'permission.invalid': 'permissions' }

/** What a new role may use; a role defined for API keys needs the web service (issue 13). */
export type RoleAccess = Pick<RoleFormValues, 'allowUserInterface' | 'allowWebService'>

function valuesOf(role: Role | undefined, name: string, access: RoleAccess | undefined): RoleFormValues {
  const rights = Object.fromEntries(
    RIGHT_GROUP_NAMES.map((group) => [group, RIGHT_GROUPS[group].filter((right) => hasRight(role?.rights, `${group}.${right}` as never))]),
  ) as Record<RightGroup, string[]>
  return {
    name,
    description: role?.description ?? '',
    // A new role may use the console and not the web service, as in the model product, and is
    // bound by the equal-or-lesser rule (Keyward's secure default).
    allowUserInterface: role?.allowUserInterface ?? access?.allowUserInterface ?? true,
    allowWebService: role?.allowWebService ?? access?.allowWebService ?? false,
    canOnlyManipulateUsersWithEqualOrLesserRights: role?.canOnlyManipulateUsersWithEqualOrLesserRights ?? true,
    rights,
    permissions: textOf(role?.permissions),
  }
}

/** Every right, true or false, in the model's nested shape. */
function rightsObject(selected: Record<RightGroup, string[]>): RightsObject {
  const platformRights: Record<string, Record<string, boolean>> = {}
  for (const group of RIGHT_GROUP_NAMES) {
    platformRights[group] = Object.fromEntries(RIGHT_GROUPS[group].map((right) => [right, selected[group].includes(right)]))
  }
  return { platformRights }
}

export interface RoleFormDialogProps {
  /** Stacked dialogs stay mounted while closed: Modal.Stack learns of a close from `opened`. */
  readonly opened?: boolean
  readonly stackId: string
  readonly mode: RoleDialogMode
  /** The role shown (properties) or copied (duplicate). */
  readonly role?: Role
  readonly readOnly: boolean
  /** A new role's console and web-service access, when not the defaults. */
  readonly newRoleAccess?: RoleAccess
  readonly canDelete?: boolean
  onSaved(role: Role): void
  onClose(): void
  onDeleted?(): void
}

/**
 * A role's properties: name, description, console and web-service access, and its rights
 * grouped as in the model (API key, administrator, role and audit rights). Used on the Roles
 * page and, to define a role without leaving the flow, from the API key and user dialogs.
 */
export function RoleFormDialog(props: RoleFormDialogProps) {
  const { role } = props
  const { t } = useTranslation()
  const actions = useRoleActions()
  const deletion = useDeleteQuestion(`${props.stackId}-delete`, 'roles', role && { name: role.name, remove: () => actions.remove(role.ID) }, props.onDeleted)
  const immutable = props.mode === 'properties' && role?.immutable === true
  const readOnly = props.readOnly || immutable
  const roleName = useRoleName()
  const initialName = props.mode === 'duplicate' && role ? t('roles.copyOf', { name: roleName(role) }) : props.mode === 'new' || !role ? '' : roleName(role)
  const form = useForm<RoleFormValues>({
    initialValues: valuesOf(props.mode === 'new' ? undefined : role, initialName, props.newRoleAccess),
    validate: {
      name: (value) => (value.trim() === '' ? t('validation.required') : value.length > 255 ? t('validation.tooLong', { max: 255 }) : null),
      description: (value) => (value.length > 2000 ? t('validation.tooLong', { max: 2000 }) : null),
      permissions: (text) => permissionsError(text, t),
    },
  })

  const title = props.mode === 'new' ? t('roles.newTitle') : props.mode === 'duplicate' ? t('roles.duplicateTitle') : t('roles.propertiesTitle')

  const { failure, attempt } = useSubmitFailure(form.setFieldError, (error) => fieldOfError(error, FIELDS, FIELD_BY_CODE))
  const submit = form.onSubmit(async (values) => {
    const input: NewRole = {
      name: values.name.trim(),
      description: values.description,
      allowUserInterface: values.allowUserInterface,
      allowWebService: values.allowWebService,
      canOnlyManipulateUsersWithEqualOrLesserRights: values.canOnlyManipulateUsersWithEqualOrLesserRights,
      permissions: entriesOf(values.permissions),
      // A modify leaves the kept fields as they are; a duplicate copies them.
      ...(props.mode === 'duplicate' ? withKeptFieldsOf(role, rightsObject(values.rights)) : { rights: rightsObject(values.rights) }),
    }
    await attempt(async () => {
      const saved = props.mode === 'properties' && role ? await actions.modify(role.ID, input) : await actions.create(input)
      notifySuccess(props.mode === 'properties' ? t('common.saved') : t('common.created', { name: saved.name }))
      props.onSaved(saved)
    })
  })

  return (
    <>
      <ResourceFormDialog
        opened={props.opened}
        stackId={props.stackId}
        title={title}
        size="xl"
        readOnly={readOnly}
        readOnlyNote={immutable ? t('roles.immutable') : undefined}
        failure={failure}
        form={form}
        onSubmit={submit}
        onClose={props.onClose}
        buttons={
          props.mode === 'properties' &&
          props.canDelete &&
          !immutable && (
            <Button color="red" variant="outline" onClick={deletion.ask}>
              {t('common.delete')}
            </Button>
          )
        }
      >
        <Fieldset legend={t('roles.general')} disabled={readOnly}>
          <Stack gap="sm">
            <TextInput label={t('roles.name')} required data-autofocus {...form.getInputProps('name')} />
            <Textarea label={t('roles.description')} autosize minRows={2} maxRows={5} {...form.getInputProps('description')} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('roles.access')} disabled={readOnly}>
          <Stack gap="xs">
            <Checkbox label={t('roles.allowUserInterface')} {...form.getInputProps('allowUserInterface', { type: 'checkbox' })} />
            <Checkbox label={t('roles.allowWebService')} {...form.getInputProps('allowWebService', { type: 'checkbox' })} />
            <Checkbox label={t('roles.equalOrLesser')} {...form.getInputProps('canOnlyManipulateUsersWithEqualOrLesserRights', { type: 'checkbox' })} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('roles.rights')} disabled={readOnly}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="md">
            {RIGHT_GROUP_NAMES.map((group) => (
              <Checkbox.Group
                key={group}
                label={t(`roles.groups.${group}`)}
                {...form.getInputProps(`rights.${group}`)}
                onChange={(next) => form.setFieldValue(`rights.${group}`, withViewRight(group, form.values.rights[group], next))}
              >
                <Stack gap={6} mt={6}>
                  {RIGHT_GROUPS[group].map((right) => (
                    <Checkbox key={right} value={right} label={t(`roles.rightNames.${right}`)} />
                  ))}
                </Stack>
              </Checkbox.Group>
            ))}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('roles.permissions')} disabled={readOnly}>
          <PermissionsInput description={t('roles.permissionsHint')} {...form.getInputProps('permissions')} />
        </Fieldset>
        <KeptRoleFields role={props.mode === 'new' ? undefined : role} />
      </ResourceFormDialog>
      {deletion.question}
    </>
  )
}
