import { Alert, Center, Group, Loader, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate, useParams } from 'react-router'
import { ApiError } from '../../api/api-error.js'
import { useSignedIn } from '../../api/session.js'
import { DialogActions } from '../../components/DialogActions.js'
import { QueryError } from '../../components/QueryError.js'
import { notifySuccess } from '../../components/notify.js'
import { useCan } from '../../rights/rights.js'
import { isPasswordError, useAdministrator, useAdministratorActions } from './api.js'

/** `/users/:id/password`: Set Password, as in the model console. */
export function SetPasswordDialog() {
  const { t } = useTranslation()
  const can = useCan()
  const { id } = useParams()
  const navigate = useNavigate()
  const { search } = useLocation()
  const userId = Number(id)
  const { administrator, error, mutate } = useAdministrator(Number.isInteger(userId) && userId > 0 ? userId : undefined)
  const actions = useAdministratorActions()
  const signedIn = useSignedIn()
  // Changing one's own password needs the present one (and a code when MFA is on), as /current does.
  const isSelf = administrator !== undefined && administrator.ID === signedIn.administrator.ID
  const needsCode = isSelf && administrator.mfaType === 'local-totp'
  const [failure, setFailure] = useState<string | undefined>()
  const form = useForm({
    initialValues: { currentPassword: '', mfaCode: '', password: '', confirmPassword: '' },
    validate: {
      currentPassword: (value) => (isSelf && value === '' ? t('validation.required') : null),
      mfaCode: (value) => (needsCode && value.trim() === '' ? t('validation.required') : null),
      password: (value) => (value === '' ? t('validation.required') : null),
      confirmPassword: (value, values) => (value !== values.password ? t('validation.passwordsDiffer') : null),
    },
  })
  const close = () => void navigate({ pathname: '/users', search })
  const submit = form.onSubmit(async (values) => {
    if (!administrator) return
    setFailure(undefined)
    try {
      const reauthentication = isSelf ? { currentPassword: values.currentPassword, ...(needsCode ? { mfaCode: values.mfaCode.trim() } : {}) } : {}
      await actions.modify(administrator.ID, { password: values.password, ...reauthentication })
      notifySuccess(t('users.passwordSet'))
      close()
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      if (isPasswordError(error.code)) form.setFieldError('password', error.message)
      else if (error.code === 'administrator.current_password_invalid') form.setFieldError('currentPassword', error.message)
      else if (error.code === 'administrator.current_mfa_invalid') form.setFieldError('mfaCode', error.message)
      else setFailure(error.message)
    }
  })

  return (
    <Modal.Stack>
      <Modal opened stackId="password" onClose={close} title={t('users.setPasswordTitle')} size="md">
        {error ? (
          <QueryError error={error} onRetry={() => void mutate()} />
        ) : !administrator ? (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : !can('administratorRights.canEditAdministratorProperties') ? (
          <Alert color="gray">{t('common.readOnly')}</Alert>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack>
              <Text size="sm">{t('users.setPasswordFor', { name: administrator.username })}</Text>
              {failure && (
                <Alert color="red" role="alert">
                  {failure}
                </Alert>
              )}
              {isSelf && <PasswordInput label={t('users.currentPassword')} required autoComplete="current-password" data-autofocus {...form.getInputProps('currentPassword')} />}
              {needsCode && <TextInput label={t('preferences.mfaCode')} required autoComplete="one-time-code" {...form.getInputProps('mfaCode')} />}
              <PasswordInput label={t('users.newPassword')} required autoComplete="new-password" data-autofocus={!isSelf} {...form.getInputProps('password')} />
              <PasswordInput label={t('users.confirmPassword')} required autoComplete="new-password" {...form.getInputProps('confirmPassword')} />
              <Group justify="flex-end">
                <DialogActions readOnly={false} submitting={form.submitting} onClose={close} />
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Modal.Stack>
  )
}
