import { ActionIcon, AppShell, Burger, Button, Divider, Group, NavLink, Text, ThemeIcon, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconApi, IconFileText, IconKey, IconLogout, IconSettings, IconShieldLock, IconUsers } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router'
import { useSession, useSignedIn } from '../api/session.js'
import { useCan, type Right } from '../rights/rights.js'
import { PageErrorBoundary } from '../components/ErrorBoundary.js'

interface NavItem {
  readonly to: string
  readonly label: 'nav.apiKeys' | 'nav.users' | 'nav.roles' | 'nav.audit'
  readonly right: Right
  readonly icon: typeof IconKey
}

const USER_MANAGEMENT: NavItem[] = [
  { to: '/apikeys', label: 'nav.apiKeys', right: 'apikeyRights.canViewApiKeys', icon: IconKey },
  { to: '/users', label: 'nav.users', right: 'administratorRights.canViewAdministrators', icon: IconUsers },
  { to: '/roles', label: 'nav.roles', right: 'administratorRoleRights.canViewAdministratorRoles', icon: IconShieldLock },
]
const AUDIT: NavItem = { to: '/audit', label: 'nav.audit', right: 'auditEventRights.canViewAuditEvents', icon: IconFileText }

/** The console's frame: Administration > User Management in the navbar, the administrator's menu in the header. */
export function Shell() {
  const { t } = useTranslation()
  const [opened, { toggle, close }] = useDisclosure()
  const { signOut } = useSession()
  const { administrator } = useSignedIn()
  const can = useCan()
  const location = useLocation()

  const link = (item: NavItem) =>
    can(item.right) && (
      <NavLink
        key={item.to}
        component={RouterNavLink}
        to={item.to}
        label={t(item.label)}
        leftSection={<item.icon size={18} stroke={1.6} aria-hidden />}
        active={location.pathname.startsWith(item.to)}
        onClick={close}
      />
    )

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('app.openNavigation')} />
            <ThemeIcon size="md" radius="sm" aria-hidden>
              <IconKey size={16} />
            </ThemeIcon>
            <Title order={2} size="h4">
              {t('app.name')}
            </Title>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('app.signedInAs', { name: administrator.fullName || administrator.username })}
            </Text>
            <ActionIcon component="a" href="/api/docs" variant="subtle" size="lg" aria-label={t('app.apiDocs')} title={t('app.apiDocs')}>
              <IconApi size={20} stroke={1.6} aria-hidden />
            </ActionIcon>
            <Button component={RouterNavLink} to="/preferences" variant="subtle" size="sm" leftSection={<IconSettings size={16} aria-hidden />}>
              {t('app.preferences')}
            </Button>
            <Button variant="default" size="sm" leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOut()}>
              {t('app.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('app.mainNavigation')}>
        <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" pt="xs">
          {t('app.administration')}
        </Text>
        <Text size="sm" fw={600} px="sm" py={6}>
          {t('app.userManagement')}
        </Text>
        {USER_MANAGEMENT.map(link)}
        <Divider my="xs" />
        {link(AUDIT)}
      </AppShell.Navbar>
      <AppShell.Main>
        <PageErrorBoundary>
          <Outlet />
        </PageErrorBoundary>
      </AppShell.Main>
    </AppShell>
  )
}
