/**
 * The English catalog: the source of truth. Every error code of `src/errors/error-codes.ts`
 * has its message under `errors`, at the code's own path.
 */
export const enUS = {
  errors: {
    request: {
      api_version_missing: 'The api-version header is required. Send api-version: v1.',
      api_version_unsupported: "The api-version '{{version}}' is not supported. Send api-version: v1.",
      malformed: 'The request is malformed.',
      body_invalid_json: 'The request body is not valid JSON.',
      body_nul_character: 'The request body contains a NUL character (\\u0000), which no field accepts.',
      body_too_large: 'The request body is larger than the limit of {{limit}} bytes.',
      media_type_unsupported: "The content type '{{type}}' is not supported. Send application/json.",
      field_required: "The field '{{field}}' is required.",
      field_unknown: "The field '{{field}}' is not a known field.",
      field_type: "The field '{{field}}' must be {{type}}.",
      field_enum: "The field '{{field}}' must be one of: {{values}}.",
      field_too_short: "The field '{{field}}' must be at least {{limit}} characters long.",
      field_too_long: "The field '{{field}}' must be at most {{limit}} characters long.",
      field_too_small: "The field '{{field}}' must be at least {{limit}}.",
      field_too_large: "The field '{{field}}' must be at most {{limit}}.",
      field_invalid: "The field '{{field}}' is not valid.",
      time_zone_invalid: "The field '{{field}}' must be an IANA time zone such as America/New_York; '{{value}}' is not one.",
      date_time_invalid:
        "The field '{{field}}' must be milliseconds since the epoch or an ISO 8601 date or date-time; '{{value}}' is neither.",
      route_not_found: 'There is no {{method}} {{url}}.',
      rate_limited: 'Too many API requests. Try again in {{seconds}} seconds.',
      too_many_failures: 'Too many failed authentications from this address. Try again in {{seconds}} seconds.',
    },
    auth: {
      credentials_missing: 'No API secret key was sent. Send it in the api-secret-key header or as Authorization: ApiKey <secret>.',
      scheme_unsupported: "The Authorization scheme '{{scheme}}' is not supported. Use Authorization: ApiKey <secret>.",
      secret_malformed: 'The API secret key is malformed: it is not a secret key issued by Keyward.',
      secret_invalid: 'The API secret key is not valid.',
      key_locked: 'The API key is locked out (denied permission to authenticate).',
      key_expired: 'The API key has expired.',
      web_service_denied: 'The role of this API key does not allow access to the web service API.',
    },
    apikey: {
      not_found: 'The API key does not exist.',
      view_denied: 'Not authorized to view API keys.',
      create_denied: 'Not authorized to create API keys.',
      modify_denied: 'Not authorized to modify API keys or the requested modification is not permitted.',
      delete_denied: 'Not authorized to delete API keys.',
      secret_denied: 'Not authorized to generate API secret keys.',
      name_in_use: "An API key named '{{name}}' already exists.",
      expiry_in_past: "The field 'expiryDate' must be in the future.",
      role_not_found: "The field 'roleID' names a role that does not exist ({{roleID}}).",
      current_needs_key: 'This operation acts on the API key that authenticates the request. Authenticate with an API secret key.',
      current_field_denied: "An API key cannot change its own '{{field}}'.",
    },
    role: {
      not_found: 'The administrator role does not exist.',
      view_denied: 'Not authorized to view administrator roles.',
      rights_exceed_own: "Not authorized: the role '{{role}}' has rights that your own role does not have.",
    },
    audit: {
      view_denied: 'Not authorized to view the audit log.',
    },
    search: {
      field_missing: "Search criterion {{index}}: 'fieldName' is required for every test except an ID test.",
      field_unknown: "Search criterion {{index}}: '{{field}}' is not a searchable field. Searchable fields: {{fields}}.",
      test_missing: "Search criterion {{index}}: give a test for '{{field}}' (searchable as {{kind}}).",
      test_ambiguous: 'Search criterion {{index}}: give exactly one test; found {{tests}}.',
      test_mismatch: "Search criterion {{index}}: a {{test}} test does not apply to '{{field}}', which is searchable as {{kind}}.",
      value_missing: "Search criterion {{index}}: a {{test}} test needs '{{value}}'.",
      sort_field_unknown: "'{{field}}' is not a field to sort by. Sortable fields: {{fields}}.",
    },
    server: {
      internal: 'An internal error occurred. Quote request ID {{requestId}} when reporting it.',
      unavailable: 'The service is unavailable: {{reason}}.',
    },
  },
}

export type Catalog = typeof enUS
