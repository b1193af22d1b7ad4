import { Alert, Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../api/api-error.js'

/** A read that failed: the server's message and a way to try again. */
export function QueryError({ error, onRetry }: { error: ApiError; onRetry(): void }) {
  const { t } = useTranslation()
  return (
    <Alert color="red" title={t('errors.loadFailed')} role="alert">
      {error.message}{' '}
      <Button variant="subtle" size="compact-sm" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </Alert>
  )
}
