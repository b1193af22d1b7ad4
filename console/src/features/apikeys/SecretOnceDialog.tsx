import { Alert, Button, CopyButton, Group, Modal, Stack, TextInput } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ConfirmDialog } from '../../components/ConfirmDialog.js'

/**
 * Shows a secret key the one time it exists outside Keyward, with a Copy button. Closing
 * asks first, since the secret cannot be shown again.
 */
export function SecretOnceDialog({ keyName, secretKey, onClose }: { keyName: string; secretKey: string; onClose(): void }) {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  return (
    <>
      <Modal
        opened
        stackId="secret"
        onClose={() => setConfirming(true)}
        closeOnClickOutside={false}
        title={t('secret.title', { name: keyName })}
        size="lg"
      >
        <Stack>
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
            {t('secret.warning')}
          </Alert>
          <TextInput
            label={t('secret.label')}
            value={secretKey}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
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
            <Button variant="default" onClick={() => setConfirming(true)}>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <ConfirmDialog
        opened={confirming}
        stackId="confirm-close"
        title={t('secret.closeTitle')}
        body={t('secret.closeBody')}
        confirmLabel={t('secret.closeConfirm')}
        cancelLabel={t('secret.keepOpen')}
        onConfirm={onClose}
        onCancel={() => setConfirming(false)}
      />
    </>
  )
}
