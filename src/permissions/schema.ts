/**
 * The schema of a list of application permissions, shared by roles and API keys; the
 * `permission` format is checked by `http/validation.ts`.
 *
 * @module
 */
import { Type } from 'typebox'
import { PERMISSION_MAX_LENGTH, PERMISSIONS_MAX_ITEMS } from './permission.js'

export const PermissionsSchema = (description: string) =>
  Type.Array(Type.String({ format: 'permission', maxLength: PERMISSION_MAX_LENGTH }), {
    maxItems: PERMISSIONS_MAX_ITEMS,
    description: `${description} Each is parts of letters, digits, _ and - separated by . or : (e.g. invoices.read, reports:daily:read); a last part * grants every permission that starts with what precedes it, and * alone grants all. Stored sorted, without repeats.`,
    examples: [['invoices.read', 'reports:*']],
  })
