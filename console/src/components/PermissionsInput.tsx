import type { TextareaProps } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { isPermission, PERMISSIONS_MAX_ITEMS } from '../../../src/permissions/permission.js'
import { entriesOf, ListTextarea } from './ListTextarea.js'

/**
 * What is wrong with a list of application permissions, or null: checked with the server's own
 * grammar, so the form refuses what the API would.
 */
export function permissionsError(text: string, t: TFunction): string | null {
  const entries = entriesOf(text)
  const bad = entries.find((entry) => !isPermission(entry))
  if (bad !== undefined) return t('permissions.invalid', { value: bad })
  if (new Set(entries).size > PERMISSIONS_MAX_ITEMS) return t('permissions.tooMany', { max: PERMISSIONS_MAX_ITEMS })
  return null
}

/** The application permissions of a role or a key, one per line. */
export function PermissionsInput(props: TextareaProps) {
  const { t } = useTranslation()
  return <ListTextarea label={t('permissions.label')} {...props} />
}
