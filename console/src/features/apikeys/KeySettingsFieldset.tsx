import { Fieldset, JsonInput, Stack, Text, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import type { TFunction } from 'i18next'
import { Fragment, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { API_KEY_SETTINGS } from '../../../../src/apikeys/key-settings.js'
import { EXTERNAL_ID_MAX_LENGTH, META_MAX_BYTES, TAG_MAX_LENGTH, TAGS_MAX_ITEMS } from '../../../../src/apikeys/setting-limits.js'
import type { ApiKey, ApiKeyChanges } from '../../api/resources.js'
import { entriesOf, linesOf, ListTextarea, textOf } from '../../components/ListTextarea.js'
import { permissionsError, PermissionsInput } from '../../components/PermissionsInput.js'

/**
 * How the form edits a setting: a list of tokens (split at spaces and commas too), a list of
 * lines (which may hold spaces), application permissions, a JSON object, or text.
 */
type SettingKind = 'list' | 'lines' | 'permissions' | 'json' | 'text'

interface KeySetting {
  readonly kind: SettingKind
  /** The most characters (`text`, and each line of `lines`) or bytes as JSON (`json`). */
  readonly max?: number
  /** The most different lines (`lines`). */
  readonly maxItems?: number
  /** Codes of the server's errors about this setting that do not name it as their field. */
  readonly codes?: readonly string[]
}

type ServerSettings = typeof API_KEY_SETTINGS
/** The kinds that can edit each of the server's codecs. */
type KindOfCodec = { list: 'list' | 'lines' | 'permissions'; object: 'json'; text: 'text' }
/** An entry for each of the server's settings, by its API name, with a kind that fits it: tsc asks for a new one's. */
type FormOfServerSettings = {
  readonly [K in keyof ServerSettings as ServerSettings[K] extends { apiName: infer A extends string } ? A : K]: KeySetting & {
    kind: KindOfCodec[ServerSettings[K]['codec']]
  }
}

/**
 * A key's settings for the operator's own services, by their API names (which the server's
 * errors name), in the order the form shows them. Each one's label and hint are the catalogs'
 * `apiKeys.settings.<name>` and `<name>Hint`: a new setting is an entry here and those two strings.
 */
const SETTINGS = {
  permissions: { kind: 'permissions', codes: ['permission.invalid', 'permission.exceeds_own'] },
  meta: { kind: 'json', max: META_MAX_BYTES, codes: ['apikey.meta_too_large'] },
  externalID: { kind: 'text', max: EXTERNAL_ID_MAX_LENGTH },
  ipAllowList: { kind: 'list' },
  tags: { kind: 'lines', max: TAG_MAX_LENGTH, maxItems: TAGS_MAX_ITEMS },
} as const satisfies FormOfServerSettings

type SettingName = keyof typeof SETTINGS
type Settings = Required<Pick<ApiKeyChanges, SettingName>>

/** The settings as the form edits them: lists and JSON as text. */
export type KeySettingsValues = Record<SettingName, string>

const NAMES = Object.keys(SETTINGS) as SettingName[]

/** The settings' API names. */
export const KEY_SETTINGS: readonly string[] = NAMES

/** The setting each of the server's error codes is about, for those that do not name it. */
export const KEY_SETTING_BY_CODE: Readonly<Record<string, string>> = Object.fromEntries(
  NAMES.flatMap((name) => (SETTINGS[name] as KeySetting).codes?.map((code) => [code, name]) ?? []),
)

/** Where the form shows an error the server gave about a field. */
export function formFieldOf(field: string): string {
  return KEY_SETTINGS.includes(field) ? `settings.${field}` : field
}

/** A kind's text for a value, the value the text stands for (what is sent), and the form's check of the text. */
interface Kind {
  textOf(value: unknown): string
  valueOf(text: string): unknown
  errorOf(text: string, setting: KeySetting, t: TFunction): string | null
}

const LIST: Kind = { textOf: (value) => textOf(value as string[] | undefined), valueOf: entriesOf, errorOf: () => null }

const KINDS: Record<SettingKind, Kind> = {
  list: LIST,
  lines: { textOf: LIST.textOf, valueOf: linesOf, errorOf: linesError },
  permissions: { ...LIST, errorOf: (text, _, t) => permissionsError(text, t) },
  json: {
    textOf: (value) => (value === undefined ? '' : JSON.stringify(value, null, 2)),
    valueOf: (text) => (text.trim() === '' ? null : JSON.parse(text)),
    errorOf: jsonObjectError,
  },
  text: {
    textOf: (value) => (value as string | undefined) ?? '',
    valueOf: (text) => (text.trim() === '' ? null : text.trim()),
    errorOf: (text, { max }, t) => (max !== undefined && text.trim().length > max ? t('validation.tooLong', { max }) : null),
  },
}

/** The server keeps one of each line: only different lines count toward `maxItems`. */
function linesError(text: string, { max, maxItems }: KeySetting, t: TFunction): string | null {
  const lines = new Set(linesOf(text))
  if (maxItems !== undefined && lines.size > maxItems) return t('validation.tooManyLines', { max: maxItems })
  if (max !== undefined && [...lines].some((line) => line.length > max)) return t('validation.lineTooLong', { max })
  return null
}

function jsonObjectError(text: string, { max }: KeySetting, t: TFunction): string | null {
  if (text.trim() === '') return null
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return t('validation.jsonObject')
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return t('validation.jsonObject')
  if (max !== undefined && new TextEncoder().encode(JSON.stringify(value)).length > max) return t('validation.jsonTooLarge', { max })
  return null
}

function kindOf(name: SettingName): Kind {
  return KINDS[SETTINGS[name].kind]
}

/** The form values of a key's settings (a new key: none). */
export function keySettingsValuesOf(key: ApiKey | undefined): KeySettingsValues {
  return Object.fromEntries(NAMES.map((name) => [name, kindOf(name).textOf(key?.[name])])) as KeySettingsValues
}

/** The form's checks of the settings; the server checks the rest (e.g. the allow-list's addresses) and answers at the field. */
export function keySettingsRules(t: TFunction) {
  return Object.fromEntries(NAMES.map((name) => [name, (text: string) => kindOf(name).errorOf(text, SETTINGS[name], t)]))
}

function settingsOf(values: KeySettingsValues): Settings {
  return Object.fromEntries(NAMES.map((name) => [name, kindOf(name).valueOf(values[name])])) as Settings
}

/** What to send for the settings: for a new key, those given; for a key, only what changed. */
export function keySettingsChangesOf(values: KeySettingsValues, key: ApiKey | undefined): Partial<Settings> {
  const settings = settingsOf(values)
  const before = settingsOf(keySettingsValuesOf(key))
  return Object.fromEntries(NAMES.filter((name) => JSON.stringify(settings[name]) !== JSON.stringify(before[name])).map((name) => [name, settings[name]]))
}

/** Permissions, meta, external ID and IP allow-list of an API key, in its Properties dialog. */
export function KeySettingsFieldset<V extends { settings: KeySettingsValues }>({ form, readOnly }: { form: UseFormReturnType<V>; readOnly: boolean }) {
  const { t } = useTranslation()
  const inputOf = (name: SettingName): ReactNode => {
    const setting: KeySetting = SETTINGS[name]
    const props = {
      label: t(`apiKeys.settings.${name}`),
      description: t(`apiKeys.settings.${name}Hint`, { max: setting.max, maxItems: setting.maxItems }),
      ...form.getInputProps(`settings.${name}` as never),
    }
    switch (setting.kind) {
      case 'list':
      case 'lines':
        return <ListTextarea {...props} />
      case 'permissions':
        return <PermissionsInput {...props} />
      case 'json':
        return (
          <JsonInput {...props} placeholder='{"plan": "pro"}' validationError={t('validation.jsonObject')} formatOnBlur autosize minRows={2} maxRows={10} />
        )
      case 'text':
        return <TextInput {...props} />
    }
  }
  return (
    <Fieldset legend={t('apiKeys.settings.title')} disabled={readOnly}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('apiKeys.settings.hint')}
        </Text>
        {NAMES.map((name) => (
          <Fragment key={name}>{inputOf(name)}</Fragment>
        ))}
      </Stack>
    </Fieldset>
  )
}
