import { Alert, Button, CopyButton, Group, Modal, Stack, Textarea } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useCloseConfirmation } from '../../components/CloseConfirmation.js'

/**
 * Shows a secret key the one time it exists outside Keyward, with a Copy button. Closing
 * asks first, since the secret cannot be shown again.
 */
export function SecretOnceDialog({ keyName, secretKey, onClose }: { keyName: string; secretKey: string; onClose(): void }) {
  const { t } = useTranslation()
  const closing = useCloseConfirmation({
    stackId: 'confirm-close',
    title: t('secret.closeTitle'),
    body: t('secret.closeBody'),
    confirmLabel: t('secret.closeConfirm'),
    cancelLabel: t('secret.keepOpen'),
    onClose,
  })
  return (
    <>
      <Modal opened stackId="secret" onClose={closing.requestClose} closeOnClickOutside={false} title={t('secret.title', { name: keyName })} size="lg">
        <Stack>
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
            {t('secret.warning')}
          </Alert>
          {/* Not an input: Chromium clips an input's text to the font's own line box, and
              DejaVu Sans Mono (Linux's monospace) draws `_` below it, so underscores vanished
              from the one field people read character by character (issue 13). */}
          <Textarea
            label={t('secret.label')}
            value={secretKey}
            readOnly
            autosize
            minRows={1}
            onFocus={(event) => event.currentTarget.select()}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', wordBreak: 'break-all' } }}
          />
          <Group justify="space-between">
            <CopyButton value={secretKey}>
              {({ copied, copy }) => (
                <Button
                  onClick={copy}
                  color={copied ? 'teal.9' : undefined}
                  leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                  data-autofocus
                >
                  {copied ? t('secret.copied') : t('secret.copy')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={closing.requestClose}>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {closing.question}
    </>
  )
}
