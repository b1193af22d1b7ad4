import { ActionIcon, Button, Checkbox, Fieldset, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { ApiKey, Credits, RateLimit } from '../../api/resources.js'

const REFILL_LABELS = { none: 'apiKeys.limits.refills.none', daily: 'apiKeys.limits.refills.daily', monthly: 'apiKeys.limits.refills.monthly' } as const

/** A rate limit as the form edits it: the window in seconds. */
interface RateLimitRow {
  name: string
  limit: number | string
  seconds: number | string
}

export interface UsageLimitValues {
  rateLimits: RateLimitRow[]
  hasCredits: boolean
  remaining: number | string
  refill: 'none' | 'daily' | 'monthly'
  amount: number | string
  day: number | string
}

/** The form values of a key's rate limits and credits (a new key: none of either). */
export function usageLimitValuesOf(key: ApiKey | undefined): UsageLimitValues {
  const refill = key?.credits?.refill
  return {
    rateLimits: (key?.rateLimits ?? []).map(({ name, limit, duration }) => ({ name, limit, seconds: duration / 1000 })),
    hasCredits: key?.credits !== undefined,
    remaining: key?.credits?.remaining ?? 0,
    refill: refill?.interval ?? 'none',
    amount: refill?.amount ?? '',
    day: refill?.day ?? 1,
  }
}

function toLimits(values: UsageLimitValues): { rateLimits: RateLimit[]; credits: Credits | null } {
  const credits: Credits | null = values.hasCredits
    ? {
        remaining: Number(values.remaining),
        ...(values.refill === 'none'
          ? {}
          : { refill: { interval: values.refill, amount: Number(values.amount), ...(values.refill === 'monthly' ? { day: Number(values.day) } : {}) } }),
      }
    : null
  return {
    rateLimits: values.rateLimits.map((row) => ({ name: row.name.trim(), limit: Number(row.limit), duration: Math.round(Number(row.seconds) * 1000) })),
    credits,
  }
}

/**
 * What to send for the key's limits: for a new key, the rate limits only when some are given
 * (else the server's default applies); for a key, only what changed.
 */
export function usageLimitChangesOf(values: UsageLimitValues, key: ApiKey | undefined): { rateLimits?: RateLimit[]; credits?: Credits | null } {
  const limits = toLimits(values)
  if (!key) return { ...(limits.rateLimits.length > 0 ? { rateLimits: limits.rateLimits } : {}), ...(limits.credits ? { credits: limits.credits } : {}) }
  const before = toLimits(usageLimitValuesOf(key))
  return {
    ...(JSON.stringify(limits.rateLimits) !== JSON.stringify(before.rateLimits) ? { rateLimits: limits.rateLimits } : {}),
    ...(JSON.stringify(limits.credits) !== JSON.stringify(before.credits) ? { credits: limits.credits } : {}),
  }
}

/** Rate limits and credits of an API key, in its Properties dialog. */
export function UsageLimitsFieldset<V extends { limits: UsageLimitValues }>({
  form,
  readOnly,
  isNew,
}: {
  form: UseFormReturnType<V>
  readOnly: boolean
  isNew: boolean
}) {
  const { t } = useTranslation()
  const values = form.values.limits
  const input = (path: string) => form.getInputProps(`limits.${path}` as never)
  return (
    <Fieldset legend={t('apiKeys.limits.title')} disabled={readOnly}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {isNew ? t('apiKeys.limits.newHint') : t('apiKeys.limits.hint')}
        </Text>
        {values.rateLimits.map((_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the form addresses each row by its index
          <Group key={i} align="flex-end" gap="xs" wrap="nowrap">
            <TextInput label={t('apiKeys.limits.name')} {...input(`rateLimits.${i}.name`)} />
            <NumberInput label={t('apiKeys.limits.limit')} min={1} allowDecimal={false} {...input(`rateLimits.${i}.limit`)} />
            <NumberInput label={t('apiKeys.limits.seconds')} min={1} {...input(`rateLimits.${i}.seconds`)} />
            <ActionIcon
              variant="subtle"
              color="red.9"
              size="lg"
              aria-label={t('apiKeys.limits.remove', { name: values.rateLimits[i]?.name ?? '' })}
              onClick={() => form.removeListItem('limits.rateLimits' as never, i)}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() =>
              form.insertListItem('limits.rateLimits' as never, { name: values.rateLimits.length === 0 ? 'default' : '', limit: 500, seconds: 60 } as never)
            }
          >
            {t('apiKeys.limits.add')}
          </Button>
        </Group>
        <Checkbox label={t('apiKeys.limits.credits')} {...form.getInputProps('limits.hasCredits' as never, { type: 'checkbox' })} />
        {values.hasCredits && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label={t('apiKeys.limits.remaining')} min={0} allowDecimal={false} {...input('remaining')} />
            <Select
              label={t('apiKeys.limits.refill')}
              data={Object.entries(REFILL_LABELS).map(([value, label]) => ({ value, label: t(label) }))}
              allowDeselect={false}
              {...input('refill')}
            />
            {values.refill !== 'none' && <NumberInput label={t('apiKeys.limits.amount')} min={1} allowDecimal={false} {...input('amount')} />}
            {values.refill === 'monthly' && <NumberInput label={t('apiKeys.limits.day')} min={1} max={31} allowDecimal={false} {...input('day')} />}
          </SimpleGrid>
        )}
      </Stack>
    </Fieldset>
  )
}
