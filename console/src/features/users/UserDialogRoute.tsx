import { Button, Checkbox, Fieldset, Modal, PasswordInput, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useListNavigate } from '../../components/list-params.js'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { fieldOfError } from '../../api/field-errors.js'
import type { Administrator, AdministratorChanges, TimeFormat } from '../../api/resources.js'
import { useSignedIn } from '../../api/session.js'
import { useDeleteQuestion } from '../../components/ConfirmDialog.js'
import { KeptFields, keptEntries } from '../../components/KeptFields.js'
import { LanguageSelect, TimeFormatSelect } from '../../components/ChoiceSelect.js'
import { ResourceDialogPending, ResourceFormDialog, useSubmitFailure } from '../../components/ResourceDialog.js'
import { TimeZoneSelect } from '../../components/TimeZoneSelect.js'
import { notifySuccess } from '../../components/notify.js'
import { useDateFormat } from '../../format/date-format.js'
import type { Locale } from '../../i18n/i18n.js'
import { useCan } from '../../rights/rights.js'
import { RoleSelect } from '../roles/RoleSelect.js'
import { isPasswordError, useAdministrator, useAdministratorActions } from './api.js'

/** Fields of the model API kept without effect, shown read-only (issue 15). */
const KEPT_FIELDS = ['phoneNumber', 'mobileNumber', 'pagerNumber', 'primaryContact', 'receiveNotifications', 'reportPDFPasswordEnabled', 'UTCOffset'] as const

const FIELDS = ['username', 'password', 'fullName', 'description', 'emailAddress', 'roleID', 'locale', 'timeZone', 'timeFormat']
const FIELD_BY_CODE: Record<string, string> = {
  'administrator.name_in_use': 'username',
  'administrator.role_not_found': 'roleID',
}

interface UserFormValues {
  username: string
  password: string
  confirmPassword: string
  fullName: string
  description: string
  emailAddress: string
  roleID: string
  locale: Locale
  timeZone: string
  timeFormat: TimeFormat
  lockedOut: boolean
  mfaOff: boolean
}

/** `/users/new` and `/users/:id`: a user's Properties. */
export function UserDialogRoute() {
  const { t } = useTranslation()
  const { id } = useParams()
  const goTo = useListNavigate()
  const userId = id === undefined ? undefined : Number(id)
  const valid = userId === undefined || (Number.isInteger(userId) && userId > 0)
  const read = useAdministrator(valid ? userId : undefined)
  const { administrator } = read
  const close = () => goTo('/users')

  return (
    <Modal.Stack>
      {id !== undefined && !administrator ? (
        <ResourceDialogPending stackId="user" title={t('users.propertiesTitle')} size="lg" read={read} notFound={!valid} onClose={close} />
      ) : (
        <UserForm key={administrator?.ID ?? 'new'} user={administrator} onClose={close} />
      )}
    </Modal.Stack>
  )
}

function UserForm({ user, onClose }: { user: Administrator | undefined; onClose(): void }) {
  const { t } = useTranslation()
  const can = useCan()
  const goTo = useListNavigate()
  const { administrator: me } = useSignedIn()
  const format = useDateFormat()
  const actions = useAdministratorActions()
  const deletion = useDeleteQuestion('confirm-delete', 'users', user && { name: user.username, remove: () => actions.remove(user.ID) }, onClose)
  const isSelf = user?.ID === me.ID
  const readOnly = user ? !can('administratorRights.canEditAdministratorProperties') : !can('administratorRights.canCreateNewAdministrators')
  const form = useForm<UserFormValues>({
    initialValues: {
      username: user?.username ?? '',
      password: '',
      confirmPassword: '',
      fullName: user?.fullName ?? '',
      description: user?.description ?? '',
      emailAddress: user?.emailAddress ?? '',
      roleID: user ? String(user.roleID) : '',
      locale: user?.locale ?? me.locale,
      timeZone: user?.timeZone ?? me.timeZone,
      timeFormat: user?.timeFormat ?? me.timeFormat,
      lockedOut: user ? !user.active : false,
      mfaOff: false,
    },
    validate: {
      username: (value) =>
        value.trim() === ''
          ? t('validation.required')
          : /\s/.test(value.trim())
            ? t('validation.noSpaces')
            : value.length > 255
              ? t('validation.tooLong', { max: 255 })
              : null,
      password: (value) => (!user && value === '' ? t('validation.required') : null),
      confirmPassword: (value, values) => (!user && value !== values.password ? t('validation.passwordsDiffer') : null),
      roleID: (value) => (value === '' ? t('validation.chooseRole') : null),
      description: (value) => (value.length > 2000 ? t('validation.tooLong', { max: 2000 }) : null),
    },
  })

  const { failure, attempt } = useSubmitFailure(form.setFieldError, (error) =>
    isPasswordError(error.code) ? 'password' : fieldOfError(error, FIELDS, FIELD_BY_CODE),
  )
  const submit = form.onSubmit(async (values) => {
    const profile = {
      fullName: values.fullName,
      description: values.description,
      emailAddress: values.emailAddress,
      roleID: Number(values.roleID),
      locale: values.locale,
      timeZone: values.timeZone,
      timeFormat: values.timeFormat,
    }
    await attempt(async () => {
      if (!user) {
        const created = await actions.create({ username: values.username.trim(), password: values.password, ...profile })
        notifySuccess(t('common.created', { name: created.username }))
        onClose()
        return
      }
      const changes: AdministratorChanges = {}
      if (values.username.trim() !== user.username) changes.username = values.username.trim()
      for (const [field, value] of Object.entries(profile) as [keyof typeof profile, string | number][]) {
        if (value !== (user[field] ?? '')) Object.assign(changes, { [field]: value })
      }
      if (values.lockedOut === user.active) changes.active = !values.lockedOut
      if (values.mfaOff) changes.mfaType = 'none'
      if (Object.keys(changes).length > 0) {
        await actions.modify(user.ID, changes)
        notifySuccess(t('common.saved'))
      }
      onClose()
    })
  })

  return (
    <>
      <ResourceFormDialog
        stackId="user"
        title={user ? `${t('users.propertiesTitle')}: ${user.username}` : t('users.newTitle')}
        size="lg"
        readOnly={readOnly}
        failure={failure}
        form={form}
        onSubmit={submit}
        onClose={onClose}
        buttons={
          <>
            {user && can('administratorRights.canEditAdministratorProperties') && (
              <Button variant="outline" onClick={() => goTo(`/users/${user.ID}/password`)}>
                {t('users.setPassword')}
              </Button>
            )}
            {user && !isSelf && can('administratorRights.canDeleteAdministrators') && (
              <Button variant="outline" color="red.9" onClick={deletion.ask}>
                {t('common.delete')}
              </Button>
            )}
          </>
        }
      >
        <Fieldset legend={t('apiKeys.general')} disabled={readOnly}>
          <Stack gap="sm">
            <TextInput label={t('users.username')} required autoComplete="off" data-autofocus {...form.getInputProps('username')} />
            {!user && (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <PasswordInput label={t('users.password')} required autoComplete="new-password" {...form.getInputProps('password')} />
                <PasswordInput label={t('users.confirmPassword')} required autoComplete="new-password" {...form.getInputProps('confirmPassword')} />
              </SimpleGrid>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('users.fullName')} {...form.getInputProps('fullName')} />
              <TextInput label={t('users.email')} type="email" {...form.getInputProps('emailAddress')} />
            </SimpleGrid>
            <Textarea label={t('users.description')} autosize minRows={2} maxRows={4} {...form.getInputProps('description')} />
            <RoleSelect
              label={t('fields.role')}
              value={form.values.roleID}
              error={form.errors.roleID}
              readOnly={readOnly}
              onChange={(roleId) => form.setFieldValue('roleID', roleId)}
            />
            {/* Two columns: a third is too narrow for the Japanese time formats. */}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <LanguageSelect label={t('fields.language')} {...form.getInputProps('locale')} />
              <TimeZoneSelect label={t('fields.timeZone')} {...form.getInputProps('timeZone')} value={form.values.timeZone} />
              <TimeFormatSelect label={t('fields.timeFormat')} {...form.getInputProps('timeFormat')} />
            </SimpleGrid>
            {user && !isSelf && <Checkbox label={t('users.lockedOut')} {...form.getInputProps('lockedOut', { type: 'checkbox' })} />}
            {user && !user.active && user.unlockTime !== undefined && (
              <Text size="sm">{t('users.lockedOutUntil', { time: format.dateTime(user.unlockTime) })}</Text>
            )}
            {user?.mfaType === 'local-totp' && !isSelf && <Checkbox label={t('users.mfaTurnOff')} {...form.getInputProps('mfaOff', { type: 'checkbox' })} />}
          </Stack>
        </Fieldset>
        <KeptFields entries={keptEntries(user, KEPT_FIELDS)} />
        {user && (
          <Text size="sm" c="dimmed">
            {t('users.mfa')}: {user.mfaType === 'local-totp' ? t('users.mfaOn') : t('users.mfaOff')} · {t('fields.created')}: {format.dateTime(user.created)} ·{' '}
            {t('fields.lastSignIn')}: {format.dateTime(user.lastSignIn) || t('common.never')}
          </Text>
        )}
      </ResourceFormDialog>
      {deletion.question}
    </>
  )
}
