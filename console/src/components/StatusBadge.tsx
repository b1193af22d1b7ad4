import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'

const COLORS = { active: 'green', lockedOut: 'red', expired: 'gray' } as const

export function StatusBadge({ status }: { status: keyof typeof COLORS }) {
  const { t } = useTranslation()
  return (
    <Badge variant="dot" color={COLORS[status]} radius="sm" tt="none" fw={600} styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}>
      {t(`status.${status}`)}
    </Badge>
  )
}
