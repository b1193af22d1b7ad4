import type { KeptRoleFields } from './kept-fields.js'
import type { Right } from './rights.js'

/** A role as the rest of Keyward sees it. */
export interface Role {
  readonly id: number
  readonly name: string
  readonly description: string
  /** The built-in roles (Full Access, Auditor): cannot be changed or deleted. */
  readonly immutable: boolean
  readonly canOnlyManipulateUsersWithEqualOrLesserRights: boolean
  readonly allowUserInterface: boolean
  readonly allowWebService: boolean
  readonly rights: ReadonlySet<Right>
  /** The model API's fields that have no effect in Keyward, as sent. */
  readonly kept: KeptRoleFields
  /** Application permissions (`invoices.read`) granted to every key of the role, sorted. */
  readonly permissions: readonly string[]
  readonly created: number
}

export const FULL_ACCESS_ROLE_ID = 1
export const AUDITOR_ROLE_ID = 2
