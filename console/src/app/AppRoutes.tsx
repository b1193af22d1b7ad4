import { Center, Loader } from '@mantine/core'
import type { ComponentType } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, Route, Routes, useLocation } from 'react-router'
import { useSession } from '../api/session.js'
import { ApiKeyDialogRoute } from '../features/apikeys/ApiKeyDialogRoute.js'
import { ApiKeysPage } from '../features/apikeys/ApiKeysPage.js'
import { AuditPage } from '../features/audit/AuditPage.js'
import { SignInPage } from '../features/auth/SignInPage.js'
import { PreferencesPage } from '../features/preferences/PreferencesPage.js'
import { RoleDialogRoute } from '../features/roles/RoleDialogRoute.js'
import { RolesPage } from '../features/roles/RolesPage.js'
import { SetPasswordDialog } from '../features/users/SetPasswordDialog.js'
import { UserDialogRoute } from '../features/users/UserDialogRoute.js'
import { UsersPage } from '../features/users/UsersPage.js'
import type { ListText } from '../components/ListPage.js'
import { type Right, useCan } from '../rights/rights.js'
import { Forbidden, NotFound } from './NotFound.js'
import { Shell } from './Shell.js'

function Loading() {
  const { t } = useTranslation()
  return (
    <Center h="100vh">
      <Loader aria-label={t('common.loading')} />
    </Center>
  )
}

/** Pages behind sign-in; a session that ends sends the console to the sign-in page. */
function RequireSession() {
  const { state } = useSession()
  const location = useLocation()
  if (state.status === 'loading') return <Loading />
  if (state.status === 'signed-out') return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />
  return <Shell />
}

/** A list page, for a role with the right to view its records; any other is told so, and nothing is read. */
function RequireRight({ right, text, page: Page }: { readonly right: Right; readonly text: ListText; readonly page: ComponentType }) {
  const { t } = useTranslation()
  const can = useCan()
  return can(right) ? <Page /> : <Forbidden title={t(`${text}.title`)} />
}

/** The first page the administrator's role lets them see. */
function Home() {
  const can = useCan()
  if (can('apikeyRights.canViewApiKeys')) return <Navigate to="/apikeys" replace />
  if (can('administratorRights.canViewAdministrators')) return <Navigate to="/users" replace />
  if (can('administratorRoleRights.canViewAdministratorRoles')) return <Navigate to="/roles" replace />
  if (can('auditEventRights.canViewAuditEvents')) return <Navigate to="/audit" replace />
  return <Navigate to="/preferences" replace />
}

export function AppRoutes() {
  const { state } = useSession()
  return (
    <Routes>
      <Route path="/signin" element={state.status === 'loading' ? <Loading /> : <SignInPage />} />
      <Route element={<RequireSession />}>
        <Route index element={<Home />} />
        <Route path="apikeys" element={<RequireRight right="apikeyRights.canViewApiKeys" text="apiKeys" page={ApiKeysPage} />}>
          <Route path="new" element={<ApiKeyDialogRoute />} />
          <Route path=":id" element={<ApiKeyDialogRoute />} />
        </Route>
        <Route path="users" element={<RequireRight right="administratorRights.canViewAdministrators" text="users" page={UsersPage} />}>
          <Route path="new" element={<UserDialogRoute />} />
          <Route path=":id" element={<UserDialogRoute />} />
          <Route path=":id/password" element={<SetPasswordDialog />} />
        </Route>
        <Route path="roles" element={<RequireRight right="administratorRoleRights.canViewAdministratorRoles" text="roles" page={RolesPage} />}>
          <Route path="new" element={<RoleDialogRoute mode="new" />} />
          <Route path=":id" element={<RoleDialogRoute mode="properties" />} />
          <Route path=":id/duplicate" element={<RoleDialogRoute mode="duplicate" />} />
        </Route>
        <Route path="audit" element={<RequireRight right="auditEventRights.canViewAuditEvents" text="audit" page={AuditPage} />} />
        <Route path="preferences" element={<PreferencesPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  )
}
