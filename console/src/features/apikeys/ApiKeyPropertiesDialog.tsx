import { Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { DatePickerInput } from '@mantine/dates'
import { useForm } from '@mantine/form'
import { IconCalendar } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { fieldOfError } from '../../api/field-errors.js'
import type { ApiKey, ApiKeyChanges, NewApiKey } from '../../api/resources.js'
import { useSignedIn } from '../../api/session.js'
import { ConfirmDialog, useDeleteQuestion } from '../../components/ConfirmDialog.js'
import { LanguageSelect } from '../../components/ChoiceSelect.js'
import { ResourceDialogPending, ResourceFormDialog, useSubmitFailure } from '../../components/ResourceDialog.js'
import { StatusBadge } from '../../components/StatusBadge.js'
import { TimeZoneSelect } from '../../components/TimeZoneSelect.js'
import { notifySuccess } from '../../components/notify.js'
import { useDateFormat, type DateFormat } from '../../format/date-format.js'
import type { Locale } from '../../i18n/i18n.js'
import { useCan } from '../../rights/rights.js'
import { RoleSelect } from '../roles/RoleSelect.js'
import { apiKeyStatus } from './api-key-status.js'
import { useApiKey, useApiKeyActions } from './api.js'
import {
  formFieldOf,
  KEY_SETTING_BY_CODE,
  KEY_SETTINGS,
  keySettingsChangesOf,
  keySettingsRules,
  KeySettingsFieldset,
  keySettingsValuesOf,
  type KeySettingsValues,
} from './KeySettingsFieldset.js'
import { usageLimitChangesOf, usageLimitValuesOf, UsageLimitsFieldset, type UsageLimitValues } from './UsageLimitsFieldset.js'

/** A key calls the web service and never signs in to the console. */
const KEY_ROLE_ACCESS = { allowUserInterface: false, allowWebService: true }

// Not rateLimits nor credits: no input shows an error at them, so the dialog shows it.
const FIELDS = ['keyName', 'description', 'roleID', 'locale', 'timeZone', 'expiryDate', ...KEY_SETTINGS]
const FIELD_BY_CODE = {
  'apikey.name_in_use': 'keyName',
  'apikey.expiry_in_past': 'expiryDate',
  'apikey.role_not_found': 'roleID',
  ...KEY_SETTING_BY_CODE,
}

interface KeyFormValues {
  keyName: string
  description: string
  roleID: string
  locale: Locale
  timeZone: string
  expiryDate: string | null
  lockedOut: boolean
  limits: UsageLimitValues
  settings: KeySettingsValues
}

function valuesOf(key: ApiKey | undefined, defaults: { locale: Locale; timeZone: string }, format: DateFormat): KeyFormValues {
  return {
    keyName: key?.keyName ?? '',
    description: key?.description ?? '',
    roleID: key ? String(key.roleID) : '',
    locale: key?.locale ?? defaults.locale,
    timeZone: key?.timeZone ?? defaults.timeZone,
    expiryDate: key?.expiryDate === undefined ? null : format.day(key.expiryDate, key.timeZone),
    lockedOut: key ? !key.active : false,
    limits: usageLimitValuesOf(key),
    settings: keySettingsValuesOf(key),
  }
}

export interface ApiKeyPropertiesDialogProps {
  readonly keyId: number | undefined
  readonly isNew: boolean
  /** A secret was made (create, new secret): show it once. */
  onSecret(keyName: string, secretKey: string): void
  onClose(): void
}

/** Loads the key (unless new), then shows its Properties. */
export function ApiKeyPropertiesDialog(props: ApiKeyPropertiesDialogProps) {
  const { t } = useTranslation()
  const read = useApiKey(props.isNew ? undefined : props.keyId)
  const { apiKey } = read
  if (!props.isNew && !apiKey) {
    return (
      <ResourceDialogPending
        stackId="properties"
        title={t('apiKeys.propertiesTitle')}
        size="lg"
        read={read}
        notFound={props.keyId === undefined}
        onClose={props.onClose}
      />
    )
  }
  return <ApiKeyForm {...props} apiKey={apiKey} />
}

function ApiKeyForm(props: ApiKeyPropertiesDialogProps & { apiKey: ApiKey | undefined }) {
  const { t } = useTranslation()
  const { administrator } = useSignedIn()
  const can = useCan()
  const format = useDateFormat()
  const actions = useApiKeyActions()
  const [confirmingSecret, setConfirmingSecret] = useState(false)
  const { apiKey } = props
  const deletion = useDeleteQuestion('confirm-delete', 'apiKeys', apiKey && { name: apiKey.keyName, remove: () => actions.remove(apiKey.ID) }, props.onClose)
  const readOnly = apiKey ? !can('apikeyRights.canEditApiKeyProperties') : !can('apikeyRights.canCreateNewApiKeys')
  const initial = valuesOf(apiKey, administrator, format)
  const form = useForm<KeyFormValues>({
    initialValues: initial,
    validate: {
      keyName: (value) => (value.trim() === '' ? t('validation.required') : value.length > 255 ? t('validation.tooLong', { max: 255 }) : null),
      description: (value) => (value.length > 2000 ? t('validation.tooLong', { max: 2000 }) : null),
      roleID: (value) => (value === '' ? t('validation.chooseRole') : null),
      settings: keySettingsRules(t),
    },
  })

  const { failure, attempt } = useSubmitFailure(form.setFieldError, (error) => {
    const field = fieldOfError(error, FIELDS, FIELD_BY_CODE)
    return field && formFieldOf(field)
  })
  const submit = form.onSubmit((values) =>
    attempt(async () => {
      if (!apiKey) {
        const input: NewApiKey = {
          keyName: values.keyName.trim(),
          description: values.description,
          roleID: Number(values.roleID),
          locale: values.locale,
          timeZone: values.timeZone,
          ...(values.expiryDate ? { expiryDate: values.expiryDate } : {}),
          ...usageLimitChangesOf(values.limits, undefined),
          ...keySettingsChangesOf(values.settings, undefined),
        }
        const created = await actions.create(input)
        if (created.secretKey) props.onSecret(created.keyName, created.secretKey)
        return
      }
      const changes: ApiKeyChanges = {}
      if (values.keyName.trim() !== apiKey.keyName) changes.keyName = values.keyName.trim()
      if (values.description !== (apiKey.description ?? '')) changes.description = values.description
      if (Number(values.roleID) !== apiKey.roleID) changes.roleID = Number(values.roleID)
      if (values.locale !== apiKey.locale) changes.locale = values.locale
      if (values.timeZone !== apiKey.timeZone) changes.timeZone = values.timeZone
      if (values.expiryDate !== initial.expiryDate) changes.expiryDate = values.expiryDate
      if (values.lockedOut !== initial.lockedOut) changes.active = !values.lockedOut
      Object.assign(changes, usageLimitChangesOf(values.limits, apiKey), keySettingsChangesOf(values.settings, apiKey))
      if (Object.keys(changes).length > 0) {
        await actions.modify(apiKey.ID, changes)
        notifySuccess(t('common.saved'))
      }
      props.onClose()
    }),
  )

  const today = format.day(Date.now(), form.values.timeZone)
  const { expiryDate, timeZone } = form.values
  const expiresAt =
    expiryDate === null
      ? undefined
      : expiryDate === initial.expiryDate && apiKey?.expiryDate !== undefined
        ? apiKey.expiryDate
        : format.endOfDay(expiryDate, timeZone)
  return (
    <>
      <ResourceFormDialog
        stackId="properties"
        title={apiKey ? `${t('apiKeys.propertiesTitle')}: ${apiKey.keyName}` : t('apiKeys.newTitle')}
        size="lg"
        readOnly={readOnly}
        failure={failure}
        form={form}
        submitLabel={apiKey ? undefined : t('apiKeys.next')}
        onSubmit={submit}
        onClose={props.onClose}
        buttons={
          <>
            {apiKey && can('apikeyRights.canEditApiKeyProperties') && (
              <Button variant="outline" onClick={() => setConfirmingSecret(true)}>
                {t('apiKeys.newSecret')}
              </Button>
            )}
            {apiKey && can('apikeyRights.canDeleteApiKeys') && (
              <Button variant="outline" color="red.9" onClick={deletion.ask}>
                {t('common.delete')}
              </Button>
            )}
          </>
        }
      >
        <Fieldset legend={t('apiKeys.general')} disabled={readOnly}>
          <Stack gap="sm">
            <TextInput label={t('apiKeys.name')} required data-autofocus {...form.getInputProps('keyName')} />
            <Textarea label={t('apiKeys.description')} autosize minRows={1} maxRows={5} {...form.getInputProps('description')} />
            <RoleSelect
              label={t('apiKeys.role')}
              value={form.values.roleID}
              error={form.errors.roleID}
              readOnly={readOnly}
              newRoleAccess={KEY_ROLE_ACCESS}
              onChange={(roleId) => form.setFieldValue('roleID', roleId)}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <LanguageSelect label={t('apiKeys.language')} {...form.getInputProps('locale')} />
              <TimeZoneSelect label={t('apiKeys.timeZone')} {...form.getInputProps('timeZone')} value={form.values.timeZone} />
            </SimpleGrid>
            <DatePickerInput
              label={t('apiKeys.expiresOn')}
              description={expiresAt === undefined ? t('apiKeys.expiresHint') : t('apiKeys.expiresAt', { time: format.inZone(expiresAt, timeZone) })}
              clearable
              clearButtonProps={{ 'aria-label': t('common.clear') }}
              minDate={today}
              valueFormat="YYYY-MM-DD"
              leftSection={<IconCalendar size={16} aria-hidden />}
              {...form.getInputProps('expiryDate')}
            />
            {apiKey && <Checkbox label={t('apiKeys.lockedOut')} {...form.getInputProps('lockedOut', { type: 'checkbox' })} />}
            {apiKey && !apiKey.active && apiKey.unlockTime !== undefined && (
              <Text size="sm">{t('apiKeys.lockedOutUntil', { time: format.dateTime(apiKey.unlockTime) })}</Text>
            )}
          </Stack>
        </Fieldset>
        <UsageLimitsFieldset form={form} readOnly={readOnly} isNew={!apiKey} />
        <KeySettingsFieldset form={form} readOnly={readOnly} />
        {apiKey && <KeyDetails apiKey={apiKey} format={format} />}
      </ResourceFormDialog>
      {deletion.question}
      {apiKey && (
        <ConfirmDialog
          opened={confirmingSecret}
          stackId="confirm-secret"
          title={t('apiKeys.newSecretTitle')}
          body={t('apiKeys.newSecretBody', { name: apiKey.keyName })}
          confirmLabel={t('apiKeys.newSecretConfirm')}
          onConfirm={async () => {
            const replaced = await actions.newSecret(apiKey.ID)
            if (replaced.secretKey) props.onSecret(replaced.keyName, replaced.secretKey)
          }}
          onCancel={() => setConfirmingSecret(false)}
        />
      )}
    </>
  )
}

function KeyDetails({ apiKey, format }: { apiKey: ApiKey; format: DateFormat }) {
  const { t } = useTranslation()
  const rows: [string, React.ReactNode][] = [
    [t('fields.status'), <StatusBadge key="status" status={apiKeyStatus(apiKey, Date.now())} />],
    [t('fields.id'), apiKey.ID],
    [t('fields.created'), format.dateTime(apiKey.created)],
    [t('fields.lastSignIn'), format.dateTime(apiKey.lastSignIn) || t('common.never')],
    [t('apiKeys.lastSignInAddress'), apiKey.lastSignInAddress ?? t('common.none')],
    [t('apiKeys.failedAttempts'), apiKey.unsuccessfulSignInAttempts ?? 0],
  ]
  return (
    <Fieldset legend={t('apiKeys.details')}>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" verticalSpacing={4} component="dl" m={0}>
        {rows.map(([label, value]) => (
          <Group key={label} gap={0} display="contents">
            <Text component="dt" size="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {value}
            </Text>
          </Group>
        ))}
      </SimpleGrid>
    </Fieldset>
  )
}
