import type { ApiKey, ApiKeyChanges, NewApiKey } from '../../api/resources.js'
import { useApi, useApiQuery, useResourceActions } from '../../api/use-api.js'
import { containsCriterion, useSearchPage } from '../../components/list-params.js'

/** One page of API keys, searched, sorted and counted by the server. */
export function useApiKeys() {
  return useSearchPage<ApiKey>('/apikeys/search', 'apiKeys', { sort: 'keyName' }, (params) => containsCriterion('keyName', params.query))
}

export function useApiKey(id: number | undefined) {
  const query = useApiQuery<ApiKey>(id === undefined ? null : { method: 'GET', path: `/apikeys/${id}` })
  return { ...query, apiKey: query.data?.data }
}

/** Writes to API keys; each reloads the list. Answers that carry a secret are not cached. */
export function useApiKeyActions() {
  const api = useApi()
  return {
    ...useResourceActions<ApiKey, NewApiKey, ApiKeyChanges>('/apikeys'),
    async newSecret(id: number): Promise<ApiKey> {
      const replaced = await api.call<ApiKey>('POST', `/apikeys/${id}/secretkey`)
      await api.invalidate('/apikeys')
      return replaced
    },
  }
}
