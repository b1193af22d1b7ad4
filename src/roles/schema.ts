/**
 * The role resource: property schemas for validation, serialisation, types and OpenAPI.
 *
 * @module
 */
import { Type, type Static, type TSchema } from 'typebox'
import { IdSchema } from '../http/schemas.js'
import { KEPT_ROLE_SCHEMAS, KEPT_TOP_RIGHT_SCHEMAS, keptRightSchemas } from './kept-fields.js'
import { PermissionsSchema } from '../permissions/schema.js'
import { RIGHT_GROUPS } from './rights.js'

function groupSchema(rights: Record<string, string>) {
  const properties: Record<string, TSchema> = {}
  for (const [name, description] of Object.entries(rights)) properties[name] = Type.Optional(Type.Boolean({ description }))
  return Type.Optional(Type.Object(properties, { additionalProperties: false }))
}

const platformRights: Record<string, TSchema> = keptRightSchemas('platformRights')
for (const [group, rights] of Object.entries(RIGHT_GROUPS)) platformRights[group] = groupSchema(rights)

/** The model API's nested rights object: the groups Keyward has, and every other one kept. */
export const RightsSchema = Type.Object(
  {
    platformRights: Type.Optional(
      Type.Object(platformRights, { additionalProperties: false, description: "Rights on Keyward resources, and on the model's platform (kept)." }),
    ),
    ...KEPT_TOP_RIGHT_SCHEMAS,
  },
  { additionalProperties: false, description: 'Rights of the role, grouped as in the model API.' },
)

const writable = {
  name: Type.String({ minLength: 1, maxLength: 255, description: 'Name of the role; unique. Searchable as String.' }),
  description: Type.String({ maxLength: 2000, description: 'Description of the role. Searchable as String.' }),
  canOnlyManipulateUsersWithEqualOrLesserRights: Type.Boolean({
    description:
      'If true, holders can only create, edit or delete administrators, roles and API keys with rights equal to or less than their own. Searchable as Boolean.',
  }),
  allowUserInterface: Type.Boolean({ description: 'Whether holders may sign in to the console. Searchable as Boolean.' }),
  allowWebService: Type.Boolean({ description: 'Whether holders may use the web service API. Searchable as Boolean.' }),
  rights: RightsSchema,
  ...KEPT_ROLE_SCHEMAS,
  permissions: PermissionsSchema('Application permissions granted to every API key of the role, checked by the verify operation (Keyward extension).'),
}

const readOnly = {
  urn: Type.String({ readOnly: true, description: 'Uniform resource name of the role.' }),
  immutable: Type.Boolean({ readOnly: true, description: 'True for the built-in roles, Full Access and Auditor, which cannot be changed or deleted.' }),
  ID: Type.Integer({ readOnly: true, description: 'ID of the role. Searchable as ID.' }),
}

export const RoleSchema = Type.Partial(Type.Object({ ...writable, ...readOnly }), { description: 'An administrator role.' })

const optionalReadOnly = Type.Partial(Type.Object(readOnly)).properties

/** What creating a role takes; read-only properties sent back are ignored. */
export const RoleCreateSchema = Type.Object(
  {
    name: writable.name,
    ...Type.Partial(
      Type.Object({
        description: writable.description,
        canOnlyManipulateUsersWithEqualOrLesserRights: writable.canOnlyManipulateUsersWithEqualOrLesserRights,
        allowUserInterface: writable.allowUserInterface,
        allowWebService: writable.allowWebService,
        rights: writable.rights,
        permissions: writable.permissions,
        ...KEPT_ROLE_SCHEMAS,
      }),
    ).properties,
    ...optionalReadOnly,
  },
  {
    additionalProperties: false,
    description:
      'A new role. Only name is required. Rights left out are not granted; allowUserInterface defaults to true and allowWebService to false, as in the model product, and canOnlyManipulateUsersWithEqualOrLesserRights to true (the model product defaults it to false, which lets a role that may edit API keys lift its own key to Full Access).',
  },
)

/** What modifying a role takes: only what changes. A right left out of `rights` keeps its value. */
export const RoleModifySchema = Type.Partial(Type.Object({ ...writable, ...readOnly }), {
  additionalProperties: false,
  description: 'Changes to a role; properties (and rights) left out are unchanged and read-only properties are ignored.',
})

export type RoleCreateInput = Static<typeof RoleCreateSchema>
export type RoleModifyInput = Static<typeof RoleModifySchema>
export const RoleListSchema = Type.Object({ roles: Type.Array(RoleSchema) }, { description: 'Administrator roles.' })
export const RoleIdParamsSchema = Type.Object({ roleID: IdSchema('ID of the role.') })

export type RoleBody = Static<typeof RoleSchema>
