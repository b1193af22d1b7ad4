/**
 * The rights Keyward has, named as in the model API's `rights.platformRights` object, and the
 * conversions between a set of rights and that nested JSON shape.
 *
 * @module
 */

/**
 * Each group of `platformRights` that Keyward has, with its rights in the model's spelling,
 * in the order the console lists them. Pure data: the console imports it too.
 */
export const RIGHT_GROUPS = {
  apikeyRights: {
    canViewApiKeys: 'Right to view API keys.',
    canCreateNewApiKeys: 'Right to create new API keys.',
    canEditApiKeyProperties: 'Right to edit API keys, lock them out and generate new secret keys.',
    canDeleteApiKeys: 'Right to delete API keys.',
    canVerifyApiKeys:
      "Right to verify other API keys' secrets for your own services and follow the stream of key changes (a Keyward right; the model API has none).",
  },
  administratorRights: {
    canViewAdministrators: 'Right to view administrators.',
    canCreateNewAdministrators: 'Right to create new administrators.',
    canEditAdministratorProperties: 'Right to edit administrators, lock them out and set their passwords.',
    canDeleteAdministrators: 'Right to delete administrators.',
  },
  administratorRoleRights: {
    canViewAdministratorRoles: 'Right to view administrator roles.',
    canCreateNewAdministratorRoles: 'Right to create new administrator roles.',
    canEditAdministratorRoleProperties: 'Right to edit administrator roles.',
    canDeleteAdministratorRoles: 'Right to delete administrator roles.',
  },
  auditEventRights: {
    canViewAuditEvents: 'Right to view the audit log (a Keyward right; the model API has none).',
  },
} as const

export type RightGroup = keyof typeof RIGHT_GROUPS
export type Right = { [G in RightGroup]: `${G}.${keyof (typeof RIGHT_GROUPS)[G] & string}` }[RightGroup]

export const ALL_RIGHTS: readonly Right[] = Object.entries(RIGHT_GROUPS).flatMap(([group, rights]) =>
  Object.keys(rights).map((name) => `${group}.${name}` as Right),
)

const RIGHT_SET: ReadonlySet<string> = new Set(ALL_RIGHTS)

export function isRight(name: string): name is Right {
  return RIGHT_SET.has(name)
}

/** The nested JSON shape of rights: `{ platformRights: { apikeyRights: { canViewApiKeys: true, … } } }`. */
export type RightsObject = {
  platformRights?: { [G in RightGroup]?: { [R in keyof (typeof RIGHT_GROUPS)[G]]?: boolean } }
}

/** Renders a set of rights in the model's nested shape, every right present as true or false. */
export function rightsToObject(rights: ReadonlySet<Right>): RightsObject {
  const platformRights: Record<string, Record<string, boolean>> = {}
  for (const [group, names] of Object.entries(RIGHT_GROUPS)) {
    platformRights[group] = Object.fromEntries(Object.keys(names).map((name) => [name, rights.has(`${group}.${name}` as Right)]))
  }
  return { platformRights } as RightsObject
}

/**
 * Applies the rights named in a nested rights object on top of a set: a right set to true is
 * added, one set to false removed, one left out kept as it was.
 */
export function applyRightsObject(base: ReadonlySet<Right>, patch: RightsObject): Set<Right> {
  const result = new Set(base)
  for (const [group, names] of Object.entries(patch.platformRights ?? {})) {
    for (const [name, granted] of Object.entries(names ?? {})) {
      const right = `${group}.${name}`
      if (!isRight(right) || granted === undefined) continue
      if (granted) result.add(right)
      else result.delete(right)
    }
  }
  return result
}

/** Reads the stored JSON list of rights, keeping only rights this version knows. */
export function parseStoredRights(json: string): Set<Right> {
  const names: unknown = JSON.parse(json)
  return new Set(Array.isArray(names) ? names.filter((n): n is Right => typeof n === 'string' && isRight(n)) : [])
}

export function serializeRights(rights: ReadonlySet<Right>): string {
  return JSON.stringify(ALL_RIGHTS.filter((right) => rights.has(right)))
}
