import { MantineProvider } from '@mantine/core'
import { useMemo } from 'react'
import { DatesProvider } from '@mantine/dates'
import { Notifications } from '@mantine/notifications'
import 'dayjs/locale/ja'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { BrowserRouter } from 'react-router'
import { SWRConfig } from 'swr'
import { SessionProvider, useSession } from '../api/session.js'
import { i18n } from '../i18n/i18n.js'
import { AppRoutes } from './AppRoutes.js'
import { createConsoleTheme, cssVariablesResolver } from './theme.js'

/** A fresh SWR cache for each session: one administrator never sees another's cached reads. */
function SessionCache({ children }: { children: React.ReactNode }) {
  const { state } = useSession()
  const generation = state.status === 'signed-in' ? state.session.csrfToken : state.status
  return (
    <SWRConfig key={generation} value={{ provider: () => new Map() }}>
      {children}
    </SWRConfig>
  )
}

/** Mantine in the console's language: its own labels, and calendars with local month names. */
function LocalisedMantine({ children }: { children: React.ReactNode }) {
  const { t, i18n: current } = useTranslation()
  const theme = useMemo(() => createConsoleTheme(t), [t])
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <DatesProvider settings={{ locale: current.language.slice(0, 2), firstDayOfWeek: 0 }}>{children}</DatesProvider>
    </MantineProvider>
  )
}

export function App() {
  return (
    <I18nextProvider i18n={i18n}>
      <LocalisedMantine>
        {/* Not at the top right, where the toasts covered Sign out (issue 13). */}
        <Notifications position="bottom-right" />
        <BrowserRouter>
          <SessionProvider>
            <SessionCache>
              <AppRoutes />
            </SessionCache>
          </SessionProvider>
        </BrowserRouter>
      </LocalisedMantine>
    </I18nextProvider>
  )
}
