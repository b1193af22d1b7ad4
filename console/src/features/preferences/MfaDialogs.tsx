import { Alert, Button, Center, Code, CopyButton, Group, Image, Loader, Modal, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAlertTriangle } from '@tabler/icons-react'
import QRCode from 'qrcode'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/api-error.js'
import { useCloseConfirmation } from '../../components/CloseConfirmation.js'
import { DialogActions } from '../../components/DialogActions.js'
import { notifyError, notifySuccess } from '../../components/notify.js'
import { usePreferenceActions } from './api.js'

interface Enrolment {
  readonly secret: string
  readonly qrCode: string
}

/**
 * Enrols an authenticator app: the otpauth URI as a QR code and the secret as text, a code
 * to confirm it, then the recovery codes, shown this once.
 */
export function MfaEnrolDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation()
  const actions = usePreferenceActions()
  const [enrolment, setEnrolment] = useState<Enrolment | undefined>()
  const [failure, setFailure] = useState<string | undefined>()
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | undefined>()
  const closing = useCloseConfirmation({
    stackId: 'recovery-close',
    title: t('preferences.mfaRecoveryCloseTitle'),
    body: t('preferences.mfaRecoveryCloseBody'),
    confirmLabel: t('preferences.mfaRecoveryDone'),
    cancelLabel: t('secret.keepOpen'),
    onClose,
  })
  const form = useForm({
    initialValues: { code: '', password: '' },
    validate: {
      code: (value) => (/^\d{6}$/.test(value.trim()) ? null : t('validation.codeFormat')),
      password: (value) => (value === '' ? t('validation.required') : null),
    },
  })

  // biome-ignore lint/correctness/useExhaustiveDependencies: one enrolment per opening of the dialog
  useEffect(() => {
    let cancelled = false
    actions
      .startMfaEnrolment()
      .then(async ({ secret, uri }) => {
        const qrCode = await QRCode.toDataURL(uri, { margin: 1, width: 200, errorCorrectionLevel: 'M' })
        if (!cancelled) setEnrolment({ secret, qrCode })
      })
      .catch((error: unknown) => {
        if (!cancelled) setFailure(error instanceof ApiError ? error.message : String(error))
      })
    return () => {
      cancelled = true
    }
  }, [])

  const submit = form.onSubmit(async ({ code, password }) => {
    try {
      setRecoveryCodes(await actions.activateMfa(code.trim(), password))
      notifySuccess(t('preferences.mfaTurnedOn'))
    } catch (error) {
      if (error instanceof ApiError && error.code === 'administrator.current_password_invalid') form.setFieldError('password', error.message)
      else if (error instanceof ApiError && error.status !== 401) form.setFieldError('code', error.message)
      else throw error
    }
  })

  if (recoveryCodes) {
    // Shown once, like a secret key: closing other than by "I have stored them" asks first.
    return (
      <Modal.Stack>
        <Modal opened stackId="recovery" onClose={closing.requestClose} closeOnClickOutside={false} title={t('preferences.mfaRecoveryTitle')} size="md">
          <Stack>
            <Alert color="orange" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
              {t('preferences.mfaRecoveryWarning')}
            </Alert>
            <SimpleGrid cols={2} spacing="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('preferences.mfaRecoveryTitle')}>
              {recoveryCodes.map((code) => (
                <Code key={code} component="li" fz="md" ta="center">
                  {code}
                </Code>
              ))}
            </SimpleGrid>
            <Group justify="space-between">
              <CopyButton value={recoveryCodes.join('\n')}>
                {({ copied, copy }) => (
                  <Button variant="outline" onClick={copy}>
                    {copied ? t('common.copied') : t('common.copy')}
                  </Button>
                )}
              </CopyButton>
              <Button onClick={onClose} data-autofocus>
                {t('preferences.mfaRecoveryDone')}
              </Button>
            </Group>
          </Stack>
        </Modal>
        {closing.question}
      </Modal.Stack>
    )
  }

  return (
    <Modal opened onClose={onClose} title={t('preferences.mfaEnrolTitle')} size="md">
      {failure ? (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      ) : !enrolment ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t('preferences.mfaScan')}</Text>
            <Center>
              <Image src={enrolment.qrCode} alt={t('preferences.mfaQrAlt')} w={200} h={200} />
            </Center>
            <TextInput
              label={t('preferences.mfaSecret')}
              value={enrolment.secret}
              readOnly
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <TextInput
              label={t('preferences.mfaCode')}
              required
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={6}
              data-autofocus
              {...form.getInputProps('code')}
            />
            <PasswordInput label={t('preferences.mfaPassword')} required autoComplete="current-password" {...form.getInputProps('password')} />
            <Group justify="flex-end">
              <DialogActions readOnly={false} submitting={form.submitting} submitLabel={t('preferences.mfaActivate')} onClose={onClose} />
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  )
}

/** Turns the second factor off; needs the password and a code (or a recovery code). */
export function MfaDisableDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation()
  const actions = usePreferenceActions()
  const form = useForm({
    initialValues: { password: '', code: '' },
    validate: {
      password: (value) => (value === '' ? t('validation.required') : null),
      code: (value) => (value.trim() === '' ? t('validation.required') : null),
    },
  })
  const submit = form.onSubmit(async ({ password, code }) => {
    try {
      await actions.deactivateMfa(password, code.trim())
      notifySuccess(t('preferences.mfaTurnedOff'))
      onClose()
    } catch (error) {
      if (error instanceof ApiError && error.code === 'administrator.current_password_invalid') form.setFieldError('password', error.message)
      else if (error instanceof ApiError && error.code === 'administrator.current_mfa_invalid') form.setFieldError('code', error.message)
      else notifyError(error)
    }
  })
  return (
    <Modal opened onClose={onClose} title={t('preferences.mfaTurnOffTitle')} size="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('preferences.mfaTurnOffBody')}</Text>
          <PasswordInput label={t('preferences.mfaPassword')} required autoComplete="current-password" data-autofocus {...form.getInputProps('password')} />
          <TextInput label={t('preferences.mfaCode')} required autoComplete="one-time-code" {...form.getInputProps('code')} />
          <Group justify="flex-end">
            <DialogActions readOnly={false} submitting={form.submitting} submitLabel={t('preferences.mfaTurnOff')} submitColor="red.9" onClose={onClose} />
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
