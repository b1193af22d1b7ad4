import { Alert, Center, Loader, Modal, Text } from '@mantine/core'
import { useListNavigate } from '../../components/list-params.js'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { useSignedIn } from '../../api/session.js'
import { QueryError } from '../../components/QueryError.js'
import { notifySuccess } from '../../components/notify.js'
import { useCan } from '../../rights/rights.js'
import { useAdministrator, useAdministratorActions } from './api.js'
import { PasswordForm } from './PasswordForm.js'

/** `/users/:id/password`: Set Password, as in the model console. */
export function SetPasswordDialog() {
  const { t } = useTranslation()
  const can = useCan()
  const { id } = useParams()
  const goTo = useListNavigate()
  const userId = Number(id)
  const { administrator, error, mutate } = useAdministrator(Number.isInteger(userId) && userId > 0 ? userId : undefined)
  const actions = useAdministratorActions()
  const signedIn = useSignedIn()
  // Changing one's own password needs the present one (and a code when MFA is on), as /current does.
  const isSelf = administrator !== undefined && administrator.ID === signedIn.administrator.ID
  const close = () => goTo('/users')

  return (
    <Modal.Stack>
      <Modal opened stackId="password" onClose={close} title={t('users.setPasswordTitle')} size="md">
        {error ? (
          <QueryError error={error} onRetry={() => void mutate()} />
        ) : !administrator ? (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        ) : !can('administratorRights.canEditAdministratorProperties') ? (
          <Alert color="gray">{t('common.readOnly')}</Alert>
        ) : (
          <PasswordForm
            isSelf={isSelf}
            needsCode={isSelf && administrator.mfaType === 'local-totp'}
            intro={<Text size="sm">{t('users.setPasswordFor', { name: administrator.username })}</Text>}
            save={async (change) => {
              await actions.modify(administrator.ID, change)
              notifySuccess(t('users.passwordSet'))
              close()
            }}
            onClose={close}
          />
        )}
      </Modal>
    </Modal.Stack>
  )
}
