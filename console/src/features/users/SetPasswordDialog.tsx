import { Alert, Center, Group, Loader, Modal, PasswordInput, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate, useParams } from 'react-router'
import { ApiError } from '../../api/api-error.js'
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
  const [failure, setFailure] = useState<string | undefined>()
  const form = useForm({
    initialValues: { password: '', confirmPassword: '' },
    validate: {
      password: (value) => (value === '' ? t('validation.required') : null),
      confirmPassword: (value, values) => (value !== values.password ? t('validation.passwordsDiffer') : null),
    },
  })
  const close = () => void navigate({ pathname: '/users', search })
  const submit = form.onSubmit(async (values) => {
    if (!administrator) return
    setFailure(undefined)
    try {
      await actions.modify(administrator.ID, { password: values.password })
      notifySuccess(t('users.passwordSet'))
      close()
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      if (isPasswordError(error.code)) form.setFieldError('password', error.message)
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
              <PasswordInput label={t('users.newPassword')} required autoComplete="new-password" data-autofocus {...form.getInputProps('password')} />
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
