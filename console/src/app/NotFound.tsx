import { Alert } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../components/PageHeader.js'

export function NotFound() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('app.notFoundTitle')} />
      <Alert color="gray">{t('app.notFoundBody')}</Alert>
    </>
  )
}

/** What a page shows to a role without the right to view it. */
export function Forbidden({ title }: { title: string }) {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={title} />
      <Alert color="gray">{t('app.forbiddenPage')}</Alert>
    </>
  )
}
