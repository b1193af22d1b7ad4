import { Alert, Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../api/api-error.js'

/** Whether the same read may succeed later: a 404 or a 403 will not, whatever one waits. */
function isRetryable(error: ApiError): boolean {
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500
}

/** A read that failed: the server's message and, when it may help, a way to try again. */
export function QueryError({ error, onRetry }: { error: ApiError; onRetry(): void }) {
  const { t } = useTranslation()
  return (
    <Alert color="red" title={t('errors.loadFailed')} role="alert">
      {error.message}{' '}
      {isRetryable(error) && (
        <Button variant="subtle" size="compact-sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  )
}
