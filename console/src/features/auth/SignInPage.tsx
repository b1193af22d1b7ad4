import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconKey } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useLocation, useNavigate } from 'react-router'
import { ApiError } from '../../api/api-error.js'
import { useSession } from '../../api/session.js'
import { LanguageSelect } from '../../components/ChoiceSelect.js'
import { applyLocale } from '../../i18n/i18n.js'

type Step = 'password' | 'mfa'

/**
 * Sign-in: username and password, then the second factor when the API asks for it
 * (`auth.mfa_required`). Refusals (wrong password, locked out, too many tries) are shown as
 * the server words them, in the chosen language.
 */
export function SignInPage() {
  const { t, i18n } = useTranslation()
  const { state, signIn } = useSession()
  const navigate = useNavigate()
  const location = useLocation()
  const [step, setStep] = useState<Step>('password')
  const [failure, setFailure] = useState<string | undefined>()
  const form = useForm({
    initialValues: { username: '', password: '', mfaCode: '' },
    validate: {
      username: (value) => (value.trim() === '' ? t('validation.required') : null),
      password: (value) => (value === '' ? t('validation.required') : null),
      mfaCode: (value) => (step === 'mfa' && value.trim() === '' ? t('validation.required') : null),
    },
  })
  const from = (location.state as { from?: string } | null)?.from

  if (state.status === 'signed-in') return <Navigate to={from && from !== '/signin' ? from : '/'} replace />

  const notice =
    state.status === 'signed-out' && failure === undefined && step === 'password'
      ? state.reason === 'idle'
        ? t('session.idle', { minutes: state.idleMinutes ?? 0 })
        : state.reason === 'ended'
          ? t('session.ended')
          : state.reason === 'signedOut'
            ? t('session.signedOut')
            : undefined
      : undefined

  const submit = form.onSubmit(async (values) => {
    setFailure(undefined)
    try {
      await signIn({ username: values.username.trim(), password: values.password, ...(step === 'mfa' ? { mfaCode: values.mfaCode.trim() } : {}) })
      await navigate(from && from !== '/signin' ? from : '/', { replace: true })
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      if (error.code === 'auth.mfa_required') {
        setStep('mfa')
      } else if (error.code === 'auth.mfa_invalid') {
        // Clearing the field first: a change clears its error.
        form.setFieldValue('mfaCode', '')
        form.setFieldError('mfaCode', error.message)
      } else {
        setFailure(error.message)
        form.setFieldValue('password', '')
        form.setFieldValue('mfaCode', '')
        setStep('password')
      }
    }
  })

  return (
    <Box component="main" bg="gray.0" mih="100vh">
      <Group justify="flex-end" p="md">
        <LanguageSelect label={t('signIn.language')} value={i18n.language} onChange={applyLocale} w={180} size="xs" />
      </Group>
      <Center px="md" pb="xl">
        <Paper withBorder shadow="sm" p="xl" radius="md" w={400} maw="100%">
          <form onSubmit={submit} noValidate>
            <Stack>
              <Group gap="sm">
                <ThemeIcon size="lg" radius="sm" aria-hidden>
                  <IconKey size={20} />
                </ThemeIcon>
                <div>
                  <Title order={1} size="h3">
                    {step === 'mfa' ? t('signIn.mfaTitle') : t('signIn.title')}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {t('signIn.subtitle')}
                  </Text>
                </div>
              </Group>
              {notice && (
                <Alert color="blue" role="status">
                  {notice}
                </Alert>
              )}
              {failure && (
                <Alert color="red" title={t('signIn.failed')} role="alert">
                  {failure}
                </Alert>
              )}
              {step === 'password' ? (
                <>
                  <TextInput label={t('signIn.username')} autoComplete="username" required data-autofocus autoFocus {...form.getInputProps('username')} />
                  <PasswordInput label={t('signIn.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
                  <Button type="submit" loading={form.submitting} fullWidth>
                    {t('signIn.submit')}
                  </Button>
                </>
              ) : (
                <>
                  <Text size="sm">{t('signIn.mfaHelp')}</Text>
                  <TextInput label={t('signIn.mfaCode')} autoComplete="one-time-code" inputMode="text" required autoFocus {...form.getInputProps('mfaCode')} />
                  <Button type="submit" loading={form.submitting} fullWidth>
                    {t('signIn.verify')}
                  </Button>
                  <Button
                    variant="subtle"
                    onClick={() => {
                      setStep('password')
                      form.reset()
                    }}
                  >
                    {t('signIn.back')}
                  </Button>
                </>
              )}
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  )
}
