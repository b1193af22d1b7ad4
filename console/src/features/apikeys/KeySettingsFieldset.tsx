import { Fieldset, JsonInput, Stack, Text, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { META_MAX_BYTES } from '../../../../src/apikeys/meta-limit.js'
import type { ApiKey } from '../../api/resources.js'
import { entriesOf, ListTextarea, textOf } from '../../components/ListTextarea.js'
import { permissionsError, PermissionsInput } from '../../components/PermissionsInput.js'

/** A key's settings for the operator's own services, as the form edits them: lists and JSON as text. */
export interface KeySettingsValues {
  permissions: string
  meta: string
  externalID: string
  ipAllowList: string
}

/** The settings by their API names, which the server's errors name. */
export const KEY_SETTINGS: readonly string[] = ['permissions', 'meta', 'externalID', 'ipAllowList'] satisfies (keyof KeySettingsValues)[]

/** Where the form shows an error the server gave about a field. */
export function formFieldOf(field: string): string {
  return KEY_SETTINGS.includes(field) ? `settings.${field}` : field
}

interface KeySettings {
  permissions: string[]
  meta: Record<string, unknown> | null
  externalID: string | null
  ipAllowList: string[]
}

/** The form values of a key's settings (a new key: none). */
export function keySettingsValuesOf(key: ApiKey | undefined): KeySettingsValues {
  return {
    permissions: textOf(key?.permissions),
    meta: key?.meta === undefined ? '' : JSON.stringify(key.meta, null, 2),
    externalID: key?.externalID ?? '',
    ipAllowList: textOf(key?.ipAllowList),
  }
}

function metaError(text: string, t: TFunction): string | null {
  if (text.trim() === '') return null
  let meta: unknown
  try {
    meta = JSON.parse(text)
  } catch {
    return t('apiKeys.settings.metaInvalid')
  }
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) return t('apiKeys.settings.metaInvalid')
  if (new TextEncoder().encode(JSON.stringify(meta)).length > META_MAX_BYTES) return t('apiKeys.settings.metaTooLarge', { max: META_MAX_BYTES })
  return null
}

/** The form's checks of the settings; the server checks the allow-list's addresses and answers at the field. */
export function keySettingsRules(t: TFunction) {
  return {
    permissions: (text: string) => permissionsError(text, t),
    meta: (text: string) => metaError(text, t),
    externalID: (text: string) => (text.trim().length > 255 ? t('validation.tooLong', { max: 255 }) : null),
  }
}

function settingsOf(values: KeySettingsValues): KeySettings {
  const externalID = values.externalID.trim()
  return {
    permissions: entriesOf(values.permissions),
    meta: values.meta.trim() === '' ? null : (JSON.parse(values.meta) as Record<string, unknown>),
    externalID: externalID === '' ? null : externalID,
    ipAllowList: entriesOf(values.ipAllowList),
  }
}

/** What to send for the settings: for a new key, those given; for a key, only what changed. */
export function keySettingsChangesOf(values: KeySettingsValues, key: ApiKey | undefined): Partial<KeySettings> {
  const settings = settingsOf(values)
  const before = settingsOf(keySettingsValuesOf(key))
  const changes: Partial<KeySettings> = {}
  for (const name of KEY_SETTINGS as (keyof KeySettings)[]) {
    if (JSON.stringify(settings[name]) !== JSON.stringify(before[name])) Object.assign(changes, { [name]: settings[name] })
  }
  return changes
}

/** Permissions, meta, external ID and IP allow-list of an API key, in its Properties dialog. */
export function KeySettingsFieldset<V extends { settings: KeySettingsValues }>({ form, readOnly }: { form: UseFormReturnType<V>; readOnly: boolean }) {
  const { t } = useTranslation()
  const input = (name: keyof KeySettingsValues) => form.getInputProps(`settings.${name}` as never)
  return (
    <Fieldset legend={t('apiKeys.settings.title')} disabled={readOnly}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('apiKeys.settings.hint')}
        </Text>
        <PermissionsInput description={t('apiKeys.settings.permissionsHint')} {...input('permissions')} />
        <JsonInput
          label={t('apiKeys.settings.meta')}
          description={t('apiKeys.settings.metaHint', { max: META_MAX_BYTES })}
          placeholder='{"plan": "pro"}'
          validationError={t('apiKeys.settings.metaInvalid')}
          formatOnBlur
          autosize
          minRows={2}
          maxRows={10}
          {...input('meta')}
        />
        <TextInput label={t('apiKeys.settings.externalID')} description={t('apiKeys.settings.externalIDHint')} {...input('externalID')} />
        <ListTextarea label={t('apiKeys.settings.ipAllowList')} description={t('apiKeys.settings.ipAllowListHint')} {...input('ipAllowList')} />
      </Stack>
    </Fieldset>
  )
}
