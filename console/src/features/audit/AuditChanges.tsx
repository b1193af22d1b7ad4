import { Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AuditEvent } from '../../api/resources.js'
import type { DateFormat } from '../../format/date-format.js'
import { isLocale } from '../../i18n/i18n.js'
import type { Messages } from '../../i18n/locales/en-US.js'
import { useRoleNameOf } from '../roles/role-name.js'

type Field = keyof Messages['audit']['fields']
type Reason = keyof Messages['audit']['reasons']
type RightName = keyof Messages['roles']['rightNames']

/** Changed fields whose values are times. */
const TIME_FIELDS = new Set(['expiryDate', 'unlockTime', 'lastSignIn'])

function has<T extends object>(group: T, key: unknown): key is keyof T {
  return typeof key === 'string' && Object.hasOwn(group, key)
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * The Changes cell: each changed field by its label in the console's language, values as the
 * console shows them (dates, roles, languages, rights by name), and a list as what was added
 * and removed rather than both whole lists.
 */
export function AuditChanges({ event, format }: { event: AuditEvent; format: DateFormat }) {
  const { t } = useTranslation()
  const roleNameOf = useRoleNameOf()
  const messages = t('audit', { returnObjects: true }) as Messages['audit']
  const rightNames = t('roles.rightNames', { returnObjects: true }) as Messages['roles']['rightNames']

  const shown = (field: string, value: unknown): string => {
    if (value === undefined || value === null || value === '') return t('audit.none')
    if (TIME_FIELDS.has(field) && typeof value === 'number') return format.dateTime(value)
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no')
    if (field === 'roleID' && typeof value === 'number') return roleNameOf(value)
    if (field === 'locale' && isLocale(value)) return t(`languages.${value}`)
    if (field === 'timeFormat' && (value === '12' || value === '24')) return t(`timeFormats.${value}`)
    if (field === 'reason' && has(messages.reasons, value)) return t(`audit.reasons.${value as Reason}`)
    if (field === 'rights' && typeof value === 'string') {
      const right = value.split('.').pop()
      if (has(rightNames, right)) return t(`roles.rightNames.${right as RightName}`)
    }
    return typeof value === 'string' ? value : JSON.stringify(value)
  }

  const describe = (field: string, change: { from?: unknown; to?: unknown }): string => {
    if (!('from' in change) && !('to' in change)) return t('audit.changed')
    const { from, to } = change
    if (Array.isArray(from) || Array.isArray(to)) {
      const before = Array.isArray(from) ? from : []
      const after = Array.isArray(to) ? to : []
      const items = (list: unknown[]) => list.map((item) => shown(field, item)).join(', ')
      const added = after.filter((item) => !before.some((old) => same(old, item)))
      const removed = before.filter((item) => !after.some((now) => same(now, item)))
      const parts = [added.length > 0 && t('audit.added', { items: items(added) }), removed.length > 0 && t('audit.removed', { items: items(removed) })]
      return parts.filter(Boolean).join('; ') || t('audit.none')
    }
    return 'from' in change ? `${shown(field, from)} → ${shown(field, to)}` : shown(field, to)
  }

  const entries = Object.entries(event.changes)
  if (entries.length === 0) return null
  return (
    <Stack gap={2}>
      {entries.map(([field, change]) => (
        <Text key={field} size="xs" style={{ overflowWrap: 'anywhere' }}>
          <Text span inherit fw={600}>
            {has(messages.fields, field) ? t(`audit.fields.${field as Field}`) : field}
          </Text>
          : {describe(field, change)}
        </Text>
      ))}
    </Stack>
  )
}
