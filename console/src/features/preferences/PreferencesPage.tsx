import { Alert, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconKey, IconShieldCheck } from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/api-error.js'
import type { TimeFormat } from '../../api/resources.js'
import { useSignedIn } from '../../api/session.js'
import { useFocusReturn } from '../../components/DialogOutlet.js'
import { LanguageSelect, TimeFormatSelect } from '../../components/ChoiceSelect.js'
import { PageHeader } from '../../components/PageHeader.js'
import { TimeZoneSelect } from '../../components/TimeZoneSelect.js'
import { notifySuccess } from '../../components/notify.js'
import { useDateFormat } from '../../format/date-format.js'
import type { Locale } from '../../i18n/i18n.js'
import { PasswordForm } from '../users/PasswordForm.js'
import { MfaDisableDialog, MfaEnrolDialog } from './MfaDialogs.js'
import { usePreferenceActions } from './api.js'

/** My preferences: language, time zone and clock, applied everywhere at once; the second factor. */
export function PreferencesPage() {
  const { t, i18n } = useTranslation()
  const { administrator } = useSignedIn()
  const format = useDateFormat()
  const actions = usePreferenceActions()
  const [failure, setFailure] = useState<string | undefined>()
  const [dialog, setDialog] = useState<'enrol' | 'disable' | 'password' | undefined>()
  useFocusReturn(dialog !== undefined)
  const form = useForm<{ locale: Locale; timeZone: string; timeFormat: TimeFormat }>({
    initialValues: { locale: administrator.locale, timeZone: administrator.timeZone, timeFormat: administrator.timeFormat },
  })
  const mfaOn = administrator.mfaType === 'local-totp'

  const submit = form.onSubmit(async (values) => {
    setFailure(undefined)
    try {
      const saved = await actions.save(values)
      form.resetDirty({ locale: saved.locale, timeZone: saved.timeZone, timeFormat: saved.timeFormat })
      // In the language just saved: `t` still speaks the one this page was rendered in.
      notifySuccess(i18n.t('preferences.saved', { lng: saved.locale }))
    } catch (error) {
      if (error instanceof ApiError) setFailure(error.message)
      else throw error
    }
  })

  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title={t('preferences.title')} intro={t('preferences.intro')} />
      <Paper withBorder p="lg" component="section" aria-labelledby="preferences-display">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={2} size="h4" id="preferences-display">
              {t('preferences.display')}
            </Title>
            {failure && (
              <Alert color="red" role="alert">
                {failure}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <LanguageSelect label={t('preferences.language')} {...form.getInputProps('locale')} />
              <TimeZoneSelect label={t('preferences.timeZone')} {...form.getInputProps('timeZone')} value={form.values.timeZone} />
              <TimeFormatSelect label={t('preferences.timeFormat')} {...form.getInputProps('timeFormat')} />
            </SimpleGrid>
            <Group justify="space-between">
              <Text size="sm" c="dimmed" data-testid="preferences-now">
                {t('preferences.example', { time: format.dateTime(Date.now()) })} ({format.timeZone})
              </Text>
              <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <ActionSection id="preferences-password" icon={IconKey} title={t('preferences.passwordTitle')} text={t('preferences.passwordIntro')}>
        <Button variant="outline" onClick={() => setDialog('password')}>
          {t('preferences.changePassword')}
        </Button>
      </ActionSection>
      <ActionSection
        id="preferences-mfa"
        icon={IconShieldCheck}
        title={t('preferences.mfaTitle')}
        text={mfaOn ? t('preferences.mfaOn') : t('preferences.mfaOff')}
      >
        {mfaOn ? (
          <Button variant="outline" color="red.9" onClick={() => setDialog('disable')}>
            {t('preferences.mfaTurnOff')}
          </Button>
        ) : (
          <Button onClick={() => setDialog('enrol')}>{t('preferences.mfaStart')}</Button>
        )}
      </ActionSection>
      {dialog === 'enrol' && <MfaEnrolDialog onClose={() => setDialog(undefined)} />}
      {dialog === 'disable' && <MfaDisableDialog onClose={() => setDialog(undefined)} />}
      {dialog === 'password' && (
        <Modal opened onClose={() => setDialog(undefined)} title={t('preferences.changePasswordTitle')} size="md">
          <PasswordForm
            isSelf
            needsCode={mfaOn}
            intro={null}
            save={async (change) => {
              await actions.changePassword(change)
              notifySuccess(t('preferences.passwordChanged'))
              setDialog(undefined)
            }}
            onClose={() => setDialog(undefined)}
          />
        </Modal>
      )}
    </Stack>
  )
}

/** A section of My preferences: a heading with its icon, what it is, and its buttons. */
function ActionSection(props: {
  readonly id: string
  readonly icon: typeof IconKey
  readonly title: string
  readonly text: string
  readonly children: ReactNode
}) {
  const Icon = props.icon
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={props.id}>
      <Stack>
        <Group gap="xs">
          <Icon size={20} aria-hidden />
          <Title order={2} size="h4" id={props.id}>
            {props.title}
          </Title>
        </Group>
        <Text size="sm">{props.text}</Text>
        <Group>{props.children}</Group>
      </Stack>
    </Paper>
  )
}
