/**
 * The registry of every error Keyward answers with: a stable code and its HTTP status.
 *
 * A code is also the key of its message in the catalogs (`src/i18n/`), so the code and the
 * text are one name. Codes are never reused for another meaning once released; a retired code
 * stays here under "Retired" with its old status.
 *
 * @module
 */
export const ERROR_STATUS = {
  // The request itself
  'request.api_version_missing': 400,
  'request.api_version_unsupported': 400,
  'request.malformed': 400,
  'request.body_invalid_json': 400,
  'request.body_nul_character': 400,
  'request.body_too_deep': 400,
  'request.headers_too_large': 431,
  'request.timeout': 408,
  'request.body_too_large': 413,
  'request.media_type_unsupported': 415,
  'request.field_required': 400,
  'request.field_unknown': 400,
  'request.field_type': 400,
  'request.field_enum': 400,
  'request.field_too_short': 400,
  'request.field_too_long': 400,
  'request.field_too_few_items': 400,
  'request.field_too_many_items': 400,
  'request.field_too_small': 400,
  'request.field_too_large': 400,
  'request.field_invalid': 400,
  'request.field_control_characters': 400,
  'request.field_mixed_script': 400,
  'request.time_zone_invalid': 400,
  'request.date_time_invalid': 400,
  'request.route_not_found': 404,
  'request.too_many_failures': 429,
  'request.rate_limited': 429,
  'request.ip_range_invalid': 400,

  // Authentication and authorisation
  'auth.credentials_missing': 401,
  'auth.scheme_unsupported': 401,
  'auth.secret_malformed': 401,
  'auth.secret_invalid': 401,
  'auth.key_locked': 401,
  'auth.key_expired': 401,
  'auth.web_service_denied': 403,
  'auth.sign_in_failed': 401,
  'auth.administrator_locked': 401,
  'auth.administrator_locked_manually': 401,
  'auth.user_interface_denied': 403,
  'auth.mfa_required': 401,
  'auth.mfa_invalid': 401,
  'auth.session_expired': 401,
  'auth.csrf_invalid': 403,
  'auth.address_not_allowed': 403,

  // API keys
  'apikey.not_found': 404,
  'apikey.view_denied': 403,
  'apikey.create_denied': 403,
  'apikey.modify_denied': 403,
  'apikey.delete_denied': 403,
  'apikey.secret_denied': 403,
  'apikey.name_in_use': 409,
  'apikey.expiry_in_past': 400,
  'apikey.role_not_found': 400,
  'apikey.current_needs_key': 403,
  'apikey.current_field_denied': 403,
  'apikey.verify_denied': 403,
  'apikey.meta_too_large': 400,

  // Application permissions
  'permission.invalid': 400,
  'permission.exceeds_own': 403,
  'permission.query_unexpected': 400,
  'permission.query_incomplete': 400,
  'permission.query_too_complex': 400,

  // Administrators
  'administrator.not_found': 404,
  'administrator.view_denied': 403,
  'administrator.create_denied': 403,
  'administrator.modify_denied': 403,
  'administrator.delete_denied': 403,
  'administrator.name_in_use': 409,
  'administrator.role_not_found': 400,
  'administrator.self_delete': 403,
  'administrator.self_lockout': 403,
  'administrator.last_full_access': 409,
  'administrator.password_too_short': 400,
  'administrator.password_too_long': 400,
  'administrator.password_letters_and_numbers': 400,
  'administrator.password_mixed_case': 400,
  'administrator.password_special_characters': 400,
  'administrator.password_same_as_username': 400,
  'administrator.mfa_enrolment_required': 400,
  'administrator.current_needs_session': 403,
  'administrator.current_field_denied': 403,
  'administrator.current_password_invalid': 403,
  'administrator.current_mfa_invalid': 403,
  'administrator.mfa_not_pending': 409,
  'administrator.mfa_already_enabled': 409,
  'administrator.mfa_code_invalid': 400,

  // Roles
  'role.not_found': 404,
  'role.view_denied': 403,
  'role.create_denied': 403,
  'role.modify_denied': 403,
  'role.delete_denied': 403,
  'role.rights_exceed_own': 403,
  'role.immutable': 403,
  'role.name_in_use': 409,
  'role.in_use': 409,

  // Rate limits and credits
  'limits.rate_limit_name_in_use': 400,
  'limits.refill_day_not_monthly': 400,
  'limits.exceed_own': 403,

  // Audit log
  'audit.view_denied': 403,

  // Search filters
  'search.field_missing': 400,
  'search.field_unknown': 400,
  'search.test_missing': 400,
  'search.test_ambiguous': 400,
  'search.test_mismatch': 400,
  'search.value_missing': 400,
  'search.sort_field_unknown': 400,

  // The server
  'server.internal': 500,
  'server.unavailable': 503,
  'server.database_unavailable': 503,
  'server.busy': 503,
  'server.shutting_down': 503,
} as const satisfies Record<string, number>

export type ErrorCode = keyof typeof ERROR_STATUS

export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[]
