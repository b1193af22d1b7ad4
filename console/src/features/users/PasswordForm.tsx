import { Alert, Group, PasswordInput, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/api-error.js'
import type { AdministratorChanges } from '../../api/resources.js'
import { DialogActions } from '../../components/DialogActions.js'
import { isPasswordError } from './api.js'

/** What a password change sends: the new password and, for one's own, the present one (and a code). */
export type PasswordChange = Required<Pick<AdministratorChanges, 'password'>> & Pick<AdministratorChanges, 'currentPassword' | 'mfaCode'>

export interface PasswordFormProps {
  /** One's own password: the present one is asked for, and a code when the second factor is on. */
  readonly isSelf: boolean
  readonly needsCode: boolean
  readonly intro: ReactNode
  save(change: PasswordChange): Promise<void>
  onClose(): void
}

/** A new password typed twice; the server's refusals shown at the field they concern. */
export function PasswordForm(props: PasswordFormProps) {
  const { t } = useTranslation()
  const [failure, setFailure] = useState<string | undefined>()
  const form = useForm({
    initialValues: { currentPassword: '', mfaCode: '', password: '', confirmPassword: '' },
    validate: {
      currentPassword: (value) => (props.isSelf && value === '' ? t('validation.required') : null),
      mfaCode: (value) => (props.needsCode && value.trim() === '' ? t('validation.required') : null),
      password: (value) => (value === '' ? t('validation.required') : null),
      confirmPassword: (value, values) => (value !== values.password ? t('validation.passwordsDiffer') : null),
    },
  })
  const submit = form.onSubmit(async (values) => {
    setFailure(undefined)
    try {
      const reauthentication = props.isSelf ? { currentPassword: values.currentPassword, ...(props.needsCode ? { mfaCode: values.mfaCode.trim() } : {}) } : {}
      await props.save({ password: values.password, ...reauthentication })
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      if (isPasswordError(error.code)) form.setFieldError('password', error.message)
      else if (error.code === 'administrator.current_password_invalid') form.setFieldError('currentPassword', error.message)
      else if (error.code === 'administrator.current_mfa_invalid') form.setFieldError('mfaCode', error.message)
      else setFailure(error.message)
    }
  })
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {props.intro}
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        {props.isSelf && (
          <PasswordInput
            label={t('users.currentPassword')}
            required
            autoComplete="current-password"
            data-autofocus
            {...form.getInputProps('currentPassword')}
          />
        )}
        {props.needsCode && <TextInput label={t('preferences.mfaCode')} required autoComplete="one-time-code" {...form.getInputProps('mfaCode')} />}
        <PasswordInput label={t('users.newPassword')} required autoComplete="new-password" data-autofocus={!props.isSelf} {...form.getInputProps('password')} />
        <PasswordInput label={t('users.confirmPassword')} required autoComplete="new-password" {...form.getInputProps('confirmPassword')} />
        <Group justify="flex-end">
          <DialogActions readOnly={false} submitting={form.submitting} onClose={props.onClose} />
        </Group>
      </Stack>
    </form>
  )
}
