import { useListNavigate } from '../../components/list-params.js'
import { Modal } from '@mantine/core'
import { useState } from 'react'
import { useParams } from 'react-router'
import { ApiKeyPropertiesDialog } from './ApiKeyPropertiesDialog.js'
import { SecretOnceDialog } from './SecretOnceDialog.js'

/** A secret just made: its key's name and the secret, held here only until Close. */
interface ShownSecret {
  readonly keyName: string
  readonly secretKey: string
}

/**
 * `/apikeys/new` and `/apikeys/:id`: the Properties dialog, then, after a create or a new
 * secret, the dialog that shows the secret once. The secret lives in this component's state
 * only; Close drops it and leaves the page, so nothing holds it any more.
 */
export function ApiKeyDialogRoute() {
  const { id } = useParams()
  const goTo = useListNavigate()
  const [secret, setSecret] = useState<ShownSecret | null>(null)
  const keyId = id === undefined ? undefined : Number(id)
  const backToList = () => goTo('/apikeys')

  return (
    <Modal.Stack key={secret ? 'secret' : 'properties'}>
      {secret ? (
        <SecretOnceDialog
          keyName={secret.keyName}
          secretKey={secret.secretKey}
          onClose={() => {
            setSecret(null)
            backToList()
          }}
        />
      ) : (
        <ApiKeyPropertiesDialog
          key={keyId ?? 'new'}
          keyId={keyId !== undefined && Number.isInteger(keyId) && keyId > 0 ? keyId : undefined}
          isNew={id === undefined}
          onSecret={(keyName, secretKey) => setSecret({ keyName, secretKey })}
          onClose={backToList}
        />
      )}
    </Modal.Stack>
  )
}
