// Generated from Keyward's /api/openapi.json by `npm run generate -w keyward-client`: do not edit.
/* eslint-disable */

/** One change, as each event's data (JSON) in the stream of key changes. */
export type StreamApiKeyChangesEvent = {
  /** The audit entry's ID: the event ID to resume after. */
  id: number
  action: "apikey.modify" | "apikey.lock" | "apikey.auto_lock" | "apikey.unlock" | "apikey.delete" | "apikey.new_secret" | "role.modify" | "role.delete"
  /** When it changed, in ms since epoch. */
  time: number
  /** The key that changed. */
  keyID?: number
  /** The role that changed: every key of this role is affected. */
  roleID?: number
  /** The API names of the fields that changed. */
  fields: Array<string>
}

/** A new API key. keyName and roleID are required; locale and timeZone default to the creator's; rateLimits defaults to the server's default rate limit. */
export type CreateApiKeyRequest = {
  /** Display name of the API key; unique (whatever the case or compatibility form). Searchable as String. */
  keyName: string
  /** ID of the role assigned to the API key. Searchable as Numeric. */
  roleID: number
  /** Description of the API key. Searchable as String. */
  description?: string
  /** Language of the API key: messages to it are in this language. Searchable as Choice. */
  locale?: "en-US" | "ja-JP"
  /** Time zone of the API key: date-times it sends without an offset are read in it. Searchable as String. An IANA time zone name, e.g. America/New_York. */
  timeZone?: string
  /** If true, the API key can authenticate; if false, it is locked out (denied permission to authenticate). Searchable as Boolean. */
  active?: boolean
  /** When the API key expires: ms since epoch or ISO 8601; a date alone means the end of that day in the key's time zone. null or 0 removes the expiry. */
  expiryDate?: number | string | null
  /** The key's rate limits (Keyward extension). Every call the key makes to Keyward's API counts 1 against each (429 with Retry-After beyond); a verification of the key counts its `cost` against each, or against those it names. An empty list removes them. */
  rateLimits?: Array<{
    /** Name of the limit, unique within the key (letters, digits, _ . : -), e.g. `default` or `reports`. */
    name: string
    /** Cost allowed in any sliding window of `duration`. */
    limit: number
    /** Length of the window, in ms (1 s to 30 days). */
    duration: number
  }>
  /** A credit balance spent by verifications (Keyward extension); unset means unlimited. null removes the balance. */
  credits?: {
    /** Credits left; each verification of the key spends its `cost`. */
    remaining: number
    /** When and to what the balance is refilled, in the key's own time zone. */
    refill?: {
      /** `daily`: at every midnight in the key's time zone; `monthly`: at midnight starting `day` of each month, in the key's time zone. */
      interval: "daily" | "monthly"
      /** The balance a refill sets (it replaces what is left). */
      amount: number
      /** Monthly only: day of the month (default 1); beyond the last day of a month, its last day. */
      day?: number
    }
  } | null
  /** Application permissions the API key holds directly, beside those of its role; checked by the verify operation. Each is parts of letters, digits, _ and - separated by . or : (e.g. invoices.read, reports:daily:read); a last part * grants every permission that starts with what precedes it, and * alone grants all. Stored sorted, without repeats. */
  permissions?: Array<string>
  /** A JSON object returned when the API key is verified, at most 4096 bytes as JSON. null removes it. */
  meta?: Record<string, unknown> | null
  /** The key owner's ID in your own system; returned on verification. Searchable as String. null removes it. */
  externalID?: string | null
  /** IPv4 and IPv6 addresses and CIDR ranges the API key may be used from, for Keyward's API and for verification; an IPv4-mapped IPv6 address is its IPv4 address. Empty or unset: any address. */
  ipAllowList?: Array<string>
  /** Labels operators group API keys by: at most 20, each 1-64 characters, stored trimmed and without repeats. Empty or unset: none. */
  tags?: Array<string>
}

/** An API key. */
export type CreateApiKeyResponse = {
  /** Display name of the API key; unique (whatever the case or compatibility form). Searchable as String. */
  keyName?: string
  /** Description of the API key. Searchable as String. */
  description?: string
  /** Language of the API key: messages to it are in this language. Searchable as Choice. */
  locale?: "en-US" | "ja-JP"
  /** ID of the role assigned to the API key. Searchable as Numeric. */
  roleID?: number
  /** Time zone of the API key: date-times it sends without an offset are read in it. Searchable as String. An IANA time zone name, e.g. America/New_York. */
  timeZone?: string
  /** If true, the API key can authenticate; if false, it is locked out (denied permission to authenticate). Searchable as Boolean. */
  active?: boolean
  /** Time the API key expires, ms since epoch; unset for no expiry. Searchable as Date. */
  expiryDate?: number
  /** The key's rate limits (Keyward extension). Every call the key makes to Keyward's API counts 1 against each (429 with Retry-After beyond); a verification of the key counts its `cost` against each, or against those it names. An empty list removes them. */
  rateLimits?: Array<{
    /** Name of the limit, unique within the key (letters, digits, _ . : -), e.g. `default` or `reports`. */
    name: string
    /** Cost allowed in any sliding window of `duration`. */
    limit: number
    /** Length of the window, in ms (1 s to 30 days). */
    duration: number
  }>
  /** A credit balance spent by verifications (Keyward extension); unset means unlimited. */
  credits?: {
    /** Credits left; each verification of the key spends its `cost`. */
    remaining: number
    /** When and to what the balance is refilled, in the key's own time zone. */
    refill?: {
      /** `daily`: at every midnight in the key's time zone; `monthly`: at midnight starting `day` of each month, in the key's time zone. */
      interval: "daily" | "monthly"
      /** The balance a refill sets (it replaces what is left). */
      amount: number
      /** Monthly only: day of the month (default 1); beyond the last day of a month, its last day. */
      day?: number
    }
  }
  /** Application permissions the API key holds directly, beside those of its role; checked by the verify operation. Each is parts of letters, digits, _ and - separated by . or : (e.g. invoices.read, reports:daily:read); a last part * grants every permission that starts with what precedes it, and * alone grants all. Stored sorted, without repeats. */
  permissions?: Array<string>
  /** A JSON object returned when the API key is verified, at most 4096 bytes as JSON. */
  meta?: Record<string, unknown>
  /** The key owner's ID in your own system; returned on verification. Searchable as String. */
  externalID?: string
  /** IPv4 and IPv6 addresses and CIDR ranges the API key may be used from, for Keyward's API and for verification; an IPv4-mapped IPv6 address is its IPv4 address. Empty or unset: any address. */
  ipAllowList?: Array<string>
  /** Labels operators group API keys by: at most 20, each 1-64 characters, stored trimmed and without repeats. Empty or unset: none. */
  tags?: Array<string>
  /** Time of the API key's creation, ms since epoch. Searchable as Date. */
  created?: number
  /** Time of the API key's last successful authentication, ms since epoch. Searchable as Date. */
  lastSignIn?: number
  /** When a locked-out API key will be unlocked automatically, ms since epoch. Searchable as Date. */
  unlockTime?: number
  /** Failed authentications since the last successful one. Searchable as Numeric. */
  unsuccessfulSignInAttempts?: number
  /** Secret key to authenticate with. Only returned when creating an API key or generating a new secret key. */
  secretKey?: string
  /** Always false: Keyward has no tenants. Searchable as Boolean. */
  serviceAccount?: boolean
  /** ID of the API key. Searchable as ID. */
  ID?: number
  /** Client address of the last successful authentication (Keyward extension). */
  lastSignInAddress?: string
  /** ID of the administrator who created the API key (Keyward extension). */
  createdByAdministratorID?: number
  /** ID of the API key that created this API key (Keyward extension). */
  createdByApiKeyID?: number
}

/** API keys. */
export type ListApiKeysResponse = {
  apiKeys: Array<{
    /** Display name of the API key; unique (whatever the case or compatibility form). Searchable as String. */
    keyName?: string
    /** Description of the API key. Searchable as String. */
    description?: string
    /** Language of the API key: messages to it are in this language. Searchable as Choice. */
    locale?: "en-US" | "ja-JP"
    /** ID of the role assigned to the API key. Searchable as Numeric. */
    roleID?: number
    /** Time zone of the API key: date-times it sends without an offset are read in it. Searchable as String. An IANA time zone name, e.g. America/New_York. */
    timeZone?: string
    /** If true, the API key can authenticate; if false, it is locked out (denied permission to authenticate). Searchable as Boolean. */
    active?: boolean
    /** Time the API key expires, ms since epoch; unset for no expiry. Searchable as Date. */
    expiryDate?: number
    /** The key's rate limits (Keyward extension). Every call the key makes to Keyward's API counts 1 against each (429 with Retry-After beyond); a verification of the key counts its `cost` against each, or against those it names. An empty list removes them. */
    rateLimits?: Array<{
      /** Name of the limit, unique within the key (letters, digits, _ . : -), e.g. `default` or `reports`. */
      name: string
      /** Cost allowed in any sliding window of `duration`. */
      limit: number
      /** Length of the window, in ms (1 s to 30 days). */
      duration: number
    }>
    /** A credit balance spent by verifications (Keyward extension); unset means unlimited. */
    credits?: {
      /** Credits left; each verification of the key spends its `cost`. */
      remaining: number
      /** When and to what the balance is refilled, in the key's own time zone. */
      refill?: {
        /** `daily`: at every midnight in the key's time zone; `monthly`: at midnight starting `day` of each month, in the key's time zone. */
        interval: "daily" | "monthly"
        /** The balance a refill sets (it replaces what is left). */
        amount: number
        /** Monthly only: day of the month (default 1); beyond the last day of a month, its last day. */
        day?: number
      }
    }
    /** Application permissions the API key holds directly, beside those of its role; checked by the verify operation. Each is parts of letters, digits, _ and - separated by . or : (e.g. invoices.read, reports:daily:read); a last part * grants every permission that starts with what precedes it, and * alone grants all. Stored sorted, without repeats. */
    permissions?: Array<string>
    /** A JSON object returned when the API key is verified, at most 4096 bytes as JSON. */
    meta?: Record<string, unknown>
    /** The key owner's ID in your own system; returned on verification. Searchable as String. */
    externalID?: string
    /** IPv4 and IPv6 addresses and CIDR ranges the API key may be used from, for Keyward's API and for verification; an IPv4-mapped IPv6 address is its IPv4 address. Empty or unset: any address. */
    ipAllowList?: Array<string>
    /** Labels operators group API keys by: at most 20, each 1-64 characters, stored trimmed and without repeats. Empty or unset: none. */
    tags?: Array<string>
    /** Time of the API key's creation, ms since epoch. Searchable as Date. */
    created?: number
    /** Time of the API key's last successful authentication, ms since epoch. Searchable as Date. */
    lastSignIn?: number
    /** When a locked-out API key will be unlocked automatically, ms since epoch. Searchable as Date. */
    unlockTime?: number
    /** Failed authentications since the last successful one. Searchable as Numeric. */
    unsuccessfulSignInAttempts?: number
    /** Secret key to authenticate with. Only returned when creating an API key or generating a new secret key. */
    secretKey?: string
    /** Always false: Keyward has no tenants. Searchable as Boolean. */
    serviceAccount?: boolean
    /** ID of the API key. Searchable as ID. */
    ID?: number
    /** Client address of the last successful authentication (Keyward extension). */
    lastSignInAddress?: string
    /** ID of the administrator who created the API key (Keyward extension). */
    createdByAdministratorID?: number
    /** ID of the API key that created this API key (Keyward extension). */
    createdByApiKeyID?: number
  }>
}

/** A search filter. To page through results, repeat the search with an idTest "greater-than" the last ID seen, sortByObjectID true and maxItems the page size, until a page comes back empty. */
export type SearchApiKeysRequest = {
  /** Most objects to return. Default 5000. */
  maxItems?: number
  /** Criteria that every returned object satisfies. None returns all objects. */
  searchCriteria?: Array<{
    /** Name of the field to test. Required for all tests except idTest. */
    fieldName?: string
    /** Boolean test for boolean fields. Default true. */
    booleanTest?: boolean
    /** Numeric test, used with numericValue. Default "equal". */
    numericTest?: "less-than" | "less-than-or-equal" | "equal" | "greater-than-or-equal" | "greater-than" | "not-equal"
    /** Value of the numeric test. */
    numericValue?: number
    /** String test, used with stringValue. Default "equal". Keyward extension: "contains" finds stringValue anywhere in the field, ignoring ASCII case. */
    stringTest?: "equal" | "not-equal" | "contains"
    /** Value of the string test; % and _ are wildcards unless stringWildcards is false. */
    stringValue?: string
    /** Whether % and _ in stringValue are wildcards (true, the default; matching ignores ASCII case) or literal characters (matching is exact). */
    stringWildcards?: boolean
    /** Choice test for enumerated fields, used with choiceValue. Default "equal". */
    choiceTest?: "equal" | "not-equal"
    /** Value of the choice test. */
    choiceValue?: string
    /** Low end of a date range, ms since epoch; none means no lower limit. */
    firstDateValue?: number
    /** Whether the range includes firstDateValue. Default true. */
    firstDateInclusive?: boolean
    /** High end of a date range, ms since epoch; none means no upper limit. */
    lastDateValue?: number
    /** Whether the range includes lastDateValue. Default true. */
    lastDateInclusive?: boolean
    /** true matches objects whose field is null, false those whose field is set. */
    nullTest?: boolean
    /** Version test (no Keyward field is searchable as a version). */
    versionTest?: "less-than" | "less-than-or-equal" | "equal" | "greater-than-or-equal" | "greater-than" | "not-equal"
    versionValue?: string
    /** ID test, used with idValue. Default "equal". */
    idTest?: "less-than" | "less-than-or-equal" | "equal" | "greater-than-or-equal" | "greater-than" | "not-equal"
    /** Value of the ID test. */
    idValue?: number
  }>
  /** Sort by ID (the default order). Overrides sortField. */
  sortByObjectID?: boolean
  /** Keyward extension: a searchable field to sort by; ties are sorted by ID. */
  sortField?: string
  /** Keyward extension: sort in descending order. */
  sortDescending?: boolean
  /** Keyward extension: skip this many matching objects first. */
  offset?: number
  /** Keyward extension: also count the matching objects (ignoring maxItems and offset) into the X-Total-Count header, with X-Total-Count-Relation "eq". Counting stops past KEYWARD_SEARCH_COUNT_LIMIT matches (10,000 by default): X-Total-Count is then that limit and X-Total-Count-Relation "gte", a lower bound. */
  countTotal?: boolean
}

/** API keys. */
export type SearchApiKeysResponse = ListApiKeysResponse

/** The API key that authenticates the request. */
export type DescribeCurrentApiKeyResponse = {
  /** Display name of the API key; unique (whatever the case or compatibility form). Searchable as String. */
  keyName?: string
  /** Description of the API key. Searchable as String. */
  description?: string
  /** Language of the API key: messages to it are in this language. Searchable as Choice. */
  locale?: "en-US" | "ja-JP"
  /** ID of the role assigned to the API key. Searchable as Numeric. */
  roleID?: number
  /** Time zone of the API key: date-times it sends without an offset are read in it. Searchable as String. An IANA time zone name, e.g. America/New_York. */
  timeZone?: string
  /** If true, the API key can authenticate; if false, it is locked out (denied permission to authenticate). Searchable as Boolean. */
  active?: boolean
  /** Time the API key expires, ms since epoch; unset for no expiry. Searchable as Date. */
  expiryDate?: number
  /** The key's rate limits (Keyward extension). Every call the key makes to Keyward's API counts 1 against each (429 with Retry-After beyond); a verification of the key counts its `cost` against each, or against those it names. An empty list removes them. */
  rateLimits?: Array<{
    /** Name of the limit, unique within the key (letters, digits, _ . : -), e.g. `default` or `reports`. */
    name: string
    /** Cost allowed in any sliding window of `duration`. */
    limit: number
    /** Length of the window, in ms (1 s to 30 days). */
    duration: number
  }>
  /** A credit balance spent by verifications (Keyward extension); unset means unlimited. */
  credits?: {
    /** Credits left; each verification of the key spends its `cost`. */
    remaining: number
    /** When and to what the balance is refilled, in the key's own time zone. */
    refill?: {
      /** `daily`: at every midnight in the key's time zone; `monthly`: at midnight starting `day` of each month, in the key's time zone. */
      interval: "daily" | "monthly"
      /** The balance a refill sets (it replaces what is left). */
      amount: number
      /** Monthly only: day of the month (default 1); beyond the last day of a month, its last day. */
      day?: number
    }
  }
  /** Application permissions the API key holds directly, beside those of its role; checked by the verify operation. Each is parts of letters, digits, _ and - separated by . or : (e.g. invoices.read, reports:daily:read); a last part * grants every permission that starts with what precedes it, and * alone grants all. Stored sorted, without repeats. */
  permissions?: Array<string>
  /** A JSON object returned when the API key is verified, at most 4096 bytes as JSON. */
  meta?: Record<string, unknown>
  /** The key owner's ID in your own system; returned on verification. Searchable as String. */
  externalID?: string
  /** IPv4 and IPv6 addresses and CIDR ranges the API key may be used from, for Keyward's API and for verification; an IPv4-mapped IPv6 address is its IPv4 address. Empty or unset: any address. */
  ipAllowList?: Array<string>
  /** Labels operators group API keys by: at most 20, each 1-64 characters, stored trimmed and without repeats. Empty or unset: none. */
  tags?: Array<string>
  /** Time of the API key's creation, ms since epoch. Searchable as Date. */
  created?: number
  /** Time of the API key's last successful authentication, ms since epoch. Searchable as Date. */
  lastSignIn?: number
  /** When a locked-out API key will be unlocked automatically, ms since epoch. Searchable as Date. */
  unlockTime?: number
  /** Failed authentications since the last successful one. Searchable as Numeric. */
  unsuccessfulSignInAttempts?: number
  /** Secret key to authenticate with. Only returned when creating an API key or generating a new secret key. */
  secretKey?: string
  /** Always false: Keyward has no tenants. Searchable as Boolean. */
  serviceAccount?: boolean
  /** ID of the API key. Searchable as ID. */
  ID?: number
  /** Client address of the last successful authentication (Keyward extension). */
  lastSignInAddress?: string
  /** ID of the administrator who created the API key (Keyward extension). */
  createdByAdministratorID?: number
  /** ID of the API key that created this API key (Keyward extension). */
  createdByApiKeyID?: number
  /** Uniform resource name of the role assigned to the API key. */
  roleURN?: string
  /** Not used by Keyward. */
  tenantID?: number
  /** Not used by Keyward. */
  tenantGUID?: string
  /** Not used by Keyward. */
  cloudOneAccountID?: string
}

/** Changes to the API key that authenticates the request: keyName, description, locale and timeZone. roleID, active, expiryDate, rateLimits, credits, permissions, meta, externalID, ipAllowList and tags are accepted only unchanged. */
export type ModifyCurrentApiKeyRequest = {
  /** Display name of the API key; unique (whatever the case or compatibility form). Searchable as String. */
  keyName?: string
  /** Description of the API key. Searchable as String. */
  description?: string
  /** Language of the API key: messages to it are in this language. Searchable as Choice. */
  locale?: "en-US" | "ja-JP"
  /** ID of the role assigned to the API key. Searchable as Numeric. */
  roleID?: number
  /** Time zone of the API key: date-times it sends without an offset are read in it. Searchable as String. An IANA time zone name, e.g. America/New_York. */
  timeZone?: string
  /** If true, the API key can authenticate; if false, it is locked out (denied permission to authenticate). Searchable as Boolean. */
  active?: boolean
  /** When the API key expires: ms since epoch or ISO 8601; a date alone means the end of that day in the key's time zone. null or 0 removes the expiry. */
  expiryDate?: number | string | null
  /** The key's rate limits (Keyward extension). Every call the key makes to Keyward's API counts 1 against each (429 with Retry-After beyond); a verification of the key counts its `cost` against each, or against those it names. An empty list removes them. */
  rateLimits?: Array<{
    /** Name of the limit, unique within the key (letters, digits, _ . : -), e.g. `default` or `reports`. */
    name: string
    /** Cost allowed in any sliding window of `duration`. */
    limit: number
    /** Length of the window, in ms (1 s to 30 days). */
    duration: number
  }>
  /** A credit balance spent by verifications (Keyward extension); unset means unlimited. null removes the balance. */
  credits?: {
    /** Credits left; each verification of the key spends its `cost`. */
    remaining: number
    /** When and to what the balance is refilled, in the key's own time zone. */
    refill?: {
      /** `daily`: at every midnight in the key's time zone; `monthly`: at midnight starting `day` of each month, in the key's time zone. */
      interval: "daily" | "monthly"
      /** The balance a refill sets (it replaces what is left). */
      amount: number
      /** Monthly only: day of the month (default 1); beyond the last day of a month, its last day. */
      day?: number
    }
  } | null
  /** Application permissions the API key holds directly, beside those of its role; checked by the verify operation. Each is parts of letters, digits, _ and - separated by . or : (e.g. invoices.read, reports:daily:read); a last part * grants every permission that starts with what precedes it, and * alone grants all. Stored sorted, without repeats. */
  permissions?: Array<string>
  /** A JSON object returned when the API key is verified, at most 4096 bytes as JSON. null removes it. */
  meta?: Record<string, unknown> | null
  /** The key owner's ID in your own system; returned on verification. Searchable as String. null removes it. */
  externalID?: string | null
  /** IPv4 and IPv6 addresses and CIDR ranges the API key may be used from, for Keyward's API and for verification; an IPv4-mapped IPv6 address is its IPv4 address. Empty or unset: any address. */
  ipAllowList?: Array<string>
  /** Labels operators group API keys by: at most 20, each 1-64 characters, stored trimmed and without repeats. Empty or unset: none. */
  tags?: Array<string>
}

/** The API key that authenticates the request. */
export type ModifyCurrentApiKeyResponse = DescribeCurrentApiKeyResponse

/** An API key. */
export type ReplaceCurrentApiSecretKeyResponse = CreateApiKeyResponse

/** An API key. */
export type DescribeApiKeyResponse = CreateApiKeyResponse

/** Changes to an API key; properties left out are unchanged and read-only properties are ignored. */
export type ModifyApiKeyRequest = ModifyCurrentApiKeyRequest

/** An API key. */
export type ModifyApiKeyResponse = CreateApiKeyResponse

export type DeleteApiKeyResponse = void

/** An API key. */
export type ReplaceApiSecretKeyResponse = CreateApiKeyResponse

/** A new role. Only name is required. Rights left out are not granted; allowUserInterface defaults to true and allowWebService to false, as in the model product, and canOnlyManipulateUsersWithEqualOrLesserRights to true (the model product defaults it to false, which lets a role that may edit API keys lift its own key to Full Access). */
export type CreateAdministratorRoleRequest = {
  /** Name of the role; unique. Searchable as String. */
  name: string
  /** Description of the role. Searchable as String. */
  description?: string
  /** If true, holders can only create, edit or delete administrators, roles and API keys with rights equal to or less than their own. Searchable as Boolean. */
  canOnlyManipulateUsersWithEqualOrLesserRights?: boolean
  /** Whether holders may sign in to the console. Searchable as Boolean. */
  allowUserInterface?: boolean
  /** Whether holders may use the web service API. Searchable as Boolean. */
  allowWebService?: boolean
  /** Rights of the role, grouped as in the model API. */
  rights?: {
    /** Rights on Keyward resources, and on the model's platform (kept). */
    platformRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      agentVersionControlRights?: {
        canEditAgentVersionControls?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      alertConfigurationRights?: {
        canEditAlertConfigurations?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      alertRights?: {
        canDismissGlobalAlerts?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      certificateRights?: {
        canCreateNewCertificates?: boolean
        canDeleteCertificates?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      computerRights?: {
        canAddAndRemoveComputerGroups?: boolean
        canCreateNewComputers?: boolean
        canDeleteComputers?: boolean
        canDismissAlerts?: boolean
        canEditComputerProperties?: boolean
        canImportComputers?: boolean
        canManageCloudAccounts?: boolean
        canManageDirectories?: boolean
        canManageVCenters?: boolean
        canTagComputers?: boolean
        canViewNotRelatedToComputers?: boolean
        canViewOtherComputers?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      contactRights?: {
        canCreateNewContacts?: boolean
        canDeleteContacts?: boolean
        canEditContactProperties?: boolean
        canViewContacts?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      dataCenterGatewayRights?: {
        canCreateNewDataCenterGateways?: boolean
        canViewDataCenterGateways?: boolean
        canEditDataCenterGateways?: boolean
        canDeleteDataCenterGateways?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      diagnosticRights?: {
        canCreateDiagnosticPackages?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      assetValueRights?: {
        canCreateNewAssetValues?: boolean
        canDeleteAssetValues?: boolean
        canEditAssetValueProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      licenseRights?: {
        canChangeLicense?: boolean
        canViewLicense?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      multiTenantRights?: {
        canCreateTenants?: boolean
        canDeleteTenants?: boolean
        canEditTenantGeneralProperties?: boolean
        canEditTenantModules?: boolean
        canEditTenantAccountDetails?: boolean
        canEditTenantFeatures?: boolean
        canEditTenantSettings?: boolean
        canCreateAndEditTenantDatabaseServers?: boolean
        canDeleteTenantDatabaseServers?: boolean
        canManageTenantAPIKeys?: boolean
        canSignInAsTenant?: boolean
        canViewTenants?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      policyRights?: {
        canCreateNewPolicies?: boolean
        canDeletePolicies?: boolean
        canEditPolicyProperties?: boolean
        canImportPolicies?: boolean
        canViewOtherPolicies?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      portListRights?: {
        canCreateNewPortLists?: boolean
        canDeletePortLists?: boolean
        canEditPortListProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      proxyRights?: {
        canCreateNewProxies?: boolean
        canDeleteProxies?: boolean
        canEditProxyProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      relayGroupRights?: {
        canCreateNewRelayGroups?: boolean
        canDeleteRelayGroups?: boolean
        canEditRelayGroupProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      scanCacheRights?: {
        canManageScanCache?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      scheduledTaskRights?: {
        canCreateNewScheduledTasks?: boolean
        canDeleteScheduledTasks?: boolean
        canEditScheduledTaskProperties?: boolean
        canExecuteScheduledTasks?: boolean
        canViewScheduledTasks?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      scheduleRights?: {
        canCreateNewSchedules?: boolean
        canDeleteSchedules?: boolean
        canEditScheduleProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      settingRights?: {
        canEditSettings?: boolean
        canViewSettings?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      expertSettingRights?: {
        canEditExpertSettings?: boolean
        canViewExpertSettings?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      syslogConfigurationRights?: {
        canCreateNewSyslogConfigurations?: boolean
        canDeleteSyslogConfigurations?: boolean
        canEditSyslogConfigurationProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      systemInformationRights?: {
        canManageExtensions?: boolean
        canManageNodes?: boolean
        canViewSystemInformation?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      taggingRights?: {
        canDeleteAutoTagRules?: boolean
        canUpdateAutoTagRules?: boolean
        canRunAutoTagRules?: boolean
        canDeleteTags?: boolean
        canTag?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      updateRights?: {
        canImportSoftware?: boolean
        canDeleteSoftware?: boolean
        canEditSoftwareProperties?: boolean
        canImportRuleUpdates?: boolean
        canDeleteRuleUpdates?: boolean
        canViewRuleUpdates?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      iplistRights?: {
        canCreateNewIPLists?: boolean
        canDeleteIPLists?: boolean
        canEditIPListProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      samlidentityProviderRights?: {
        canCreateNewSAMLIdentityProviders?: boolean
        canDeleteSAMLIdentityProviders?: boolean
        canEditSAMLIdentityProviders?: boolean
        canViewSAMLIdentityProviders?: boolean
      }
      apikeyRights?: {
        /** Right to view API keys. */
        canViewApiKeys?: boolean
        /** Right to create new API keys. */
        canCreateNewApiKeys?: boolean
        /** Right to edit API keys, lock them out and generate new secret keys. */
        canEditApiKeyProperties?: boolean
        /** Right to delete API keys. */
        canDeleteApiKeys?: boolean
        /** Right to verify other API keys' secrets for your own services and follow the stream of key changes (a Keyward right; the model API has none). */
        canVerifyApiKeys?: boolean
      }
      administratorRights?: {
        /** Right to view administrators. */
        canViewAdministrators?: boolean
        /** Right to create new administrators. */
        canCreateNewAdministrators?: boolean
        /** Right to edit administrators, lock them out and set their passwords. */
        canEditAdministratorProperties?: boolean
        /** Right to delete administrators. */
        canDeleteAdministrators?: boolean
      }
      administratorRoleRights?: {
        /** Right to view administrator roles. */
        canViewAdministratorRoles?: boolean
        /** Right to create new administrator roles. */
        canCreateNewAdministratorRoles?: boolean
        /** Right to edit administrator roles. */
        canEditAdministratorRoleProperties?: boolean
        /** Right to delete administrator roles. */
        canDeleteAdministratorRoles?: boolean
      }
      auditEventRights?: {
        /** Right to view the audit log (a Keyward right; the model API has none). */
        canViewAuditEvents?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    antiMalwareRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      antiMalwareConfigurationRights?: {
        canCreateNewAntiMalwareConfigurations?: boolean
        canDeleteAntiMalwareConfigurations?: boolean
        canEditAntiMalwareConfigurations?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      directoryListRights?: {
        canCreateNewDirectoryLists?: boolean
        canDeleteDirectoryLists?: boolean
        canEditDirectoryListProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      fileListRights?: {
        canCreateNewFileLists?: boolean
        canDeleteFileLists?: boolean
        canEditFileListProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      fileExtensionListRights?: {
        canCreateNewFileExtensionLists?: boolean
        canDeleteFileExtensionLists?: boolean
        canEditFileExtensionListProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      identifiedFileRights?: {
        canDeleteIdentifiedFiles?: boolean
        canDownloadIdentifiedFiles?: boolean
        canRestoreIdentifiedFiles?: boolean
        canSubmitIdentifiedFiles?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    webReputationRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      webReputationConfigurationRights?: {
        canEditWebReputationConfiguration?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    sensingModeRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      sensingModeConfigurationRights?: {
        canEditSensingModeConfiguration?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    firewallRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      contextRights?: {
        canCreateNewContexts?: boolean
        canDeleteContexts?: boolean
        canEditContextProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      firewallRuleRights?: {
        canCreateNewFirewallRules?: boolean
        canDeleteFirewallRules?: boolean
        canEditFirewallRuleProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      statefulConfigurationRights?: {
        canCreateNewStatefulConfigurations?: boolean
        canDeleteStatefulConfigurations?: boolean
        canEditStatefulConfigurationProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      macListRights?: {
        canCreateNewMACLists?: boolean
        canDeleteMACLists?: boolean
        canEditMACListProperties?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    intrusionPreventionRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      applicationTypeRights?: {
        canCreateNewApplicationTypes?: boolean
        canDeleteApplicationTypes?: boolean
        canEditApplicationTypeProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      intrusionPreventionRuleRights?: {
        canCreateNewIntrusionPreventionRules?: boolean
        canDeleteIntrusionPreventionRules?: boolean
        canEditIntrusionPreventionRuleProperties?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    integrityMonitoringRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      integrityMonitoringRuleRights?: {
        canCreateNewIntegrityMonitoringRules?: boolean
        canDeleteIntegrityMonitoringRules?: boolean
        canEditIntegrityMonitoringRuleProperties?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    logInspectionRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      logInspectionDecoderRights?: {
        canCreateNewLogInspectionDecoders?: boolean
        canDeleteLogInspectionDecoders?: boolean
        canEditLogInspectionDecoderProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      logInspectionRuleRights?: {
        canCreateNewLogInspectionRules?: boolean
        canDeleteLogInspectionRules?: boolean
        canEditLogInspectionRuleProperties?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    applicationControlRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      driftRights?: {
        canAllowOrBlockDrift?: boolean
        canViewDrift?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      rulesetRights?: {
        canCreateNewRulesets?: boolean
        canDeleteRulesets?: boolean
        canEditRulesetProperties?: boolean
        canViewRulesets?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      ruleRights?: {
        canCreateNewAppControlRules?: boolean
        canDeleteAppControlRules?: boolean
        canEditAppControlRulesProperties?: boolean
        canViewAppControlRules?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      softwareInventoryRights?: {
        canCreateNewSoftwareInventory?: boolean
        canDeleteSoftwareInventory?: boolean
        canViewSoftwareInventory?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      trustEntityManagementRights?: {
        canCreateAppControlTrustEntities?: boolean
        canViewAppControlTrustEntities?: boolean
        canEditAppControlTrustEntities?: boolean
        canDeleteAppControlTrustEntities?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    hostedServiceRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      accountRights?: {
        canDeleteAccounts?: boolean
        canUpdateAccounts?: boolean
        canViewAccountBilling?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      fixRights?: {
        canViewFixes?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      heapRights?: {
        canViewHeap?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      licenseRateRights?: {
        canSaveLicenseRates?: boolean
        canViewLicenseRates?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      queryRights?: {
        canViewQuery?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      featureFlagsRights?: {
        canViewFeatureFlags?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      queryTracebackRights?: {
        canViewQueryTracebacks?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      serverLogRights?: {
        canViewServerLogs?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      stackTraceRights?: {
        canViewStackTraces?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      networkSecurityRights?: {
        canCreateDeviceAuthorizationTokens?: boolean
      }
    }
  }
  /** Application permissions granted to every API key of the role, checked by the verify operation (Keyward extension). Each is parts of letters, digits, _ and - separated by . or : (e.g. invoices.read, reports:daily:read); a last part * grants every permission that starts with what precedes it, and * alone grants all. Stored sorted, without repeats. */
  permissions?: Array<string>
  /** Whether holders may access all computers. Model API field. Accepted and kept, no effect in Keyward. */
  allComputers?: boolean
  /** Whether holders may access all policies. Model API field. Accepted and kept, no effect in Keyward. */
  allPolicies?: boolean
  /** Computers holders may access, unless allComputers. Model API field. Accepted and kept, no effect in Keyward. */
  computerIDs?: Array<number>
  /** Computer groups holders may access, unless allComputers. Model API field. Accepted and kept, no effect in Keyward. */
  computerGroupIDs?: Array<number>
  /** Policies holders may access, unless allPolicies. Model API field. Accepted and kept, no effect in Keyward. */
  policyIDs?: Array<number>
}

/** An administrator role. */
export type CreateAdministratorRoleResponse = {
  /** Name of the role; unique. Searchable as String. */
  name?: string
  /** Description of the role. Searchable as String. */
  description?: string
  /** If true, holders can only create, edit or delete administrators, roles and API keys with rights equal to or less than their own. Searchable as Boolean. */
  canOnlyManipulateUsersWithEqualOrLesserRights?: boolean
  /** Whether holders may sign in to the console. Searchable as Boolean. */
  allowUserInterface?: boolean
  /** Whether holders may use the web service API. Searchable as Boolean. */
  allowWebService?: boolean
  /** Rights of the role, grouped as in the model API. */
  rights?: {
    /** Rights on Keyward resources, and on the model's platform (kept). */
    platformRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      agentVersionControlRights?: {
        canEditAgentVersionControls?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      alertConfigurationRights?: {
        canEditAlertConfigurations?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      alertRights?: {
        canDismissGlobalAlerts?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      certificateRights?: {
        canCreateNewCertificates?: boolean
        canDeleteCertificates?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      computerRights?: {
        canAddAndRemoveComputerGroups?: boolean
        canCreateNewComputers?: boolean
        canDeleteComputers?: boolean
        canDismissAlerts?: boolean
        canEditComputerProperties?: boolean
        canImportComputers?: boolean
        canManageCloudAccounts?: boolean
        canManageDirectories?: boolean
        canManageVCenters?: boolean
        canTagComputers?: boolean
        canViewNotRelatedToComputers?: boolean
        canViewOtherComputers?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      contactRights?: {
        canCreateNewContacts?: boolean
        canDeleteContacts?: boolean
        canEditContactProperties?: boolean
        canViewContacts?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      dataCenterGatewayRights?: {
        canCreateNewDataCenterGateways?: boolean
        canViewDataCenterGateways?: boolean
        canEditDataCenterGateways?: boolean
        canDeleteDataCenterGateways?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      diagnosticRights?: {
        canCreateDiagnosticPackages?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      assetValueRights?: {
        canCreateNewAssetValues?: boolean
        canDeleteAssetValues?: boolean
        canEditAssetValueProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      licenseRights?: {
        canChangeLicense?: boolean
        canViewLicense?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      multiTenantRights?: {
        canCreateTenants?: boolean
        canDeleteTenants?: boolean
        canEditTenantGeneralProperties?: boolean
        canEditTenantModules?: boolean
        canEditTenantAccountDetails?: boolean
        canEditTenantFeatures?: boolean
        canEditTenantSettings?: boolean
        canCreateAndEditTenantDatabaseServers?: boolean
        canDeleteTenantDatabaseServers?: boolean
        canManageTenantAPIKeys?: boolean
        canSignInAsTenant?: boolean
        canViewTenants?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      policyRights?: {
        canCreateNewPolicies?: boolean
        canDeletePolicies?: boolean
        canEditPolicyProperties?: boolean
        canImportPolicies?: boolean
        canViewOtherPolicies?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      portListRights?: {
        canCreateNewPortLists?: boolean
        canDeletePortLists?: boolean
        canEditPortListProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      proxyRights?: {
        canCreateNewProxies?: boolean
        canDeleteProxies?: boolean
        canEditProxyProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      relayGroupRights?: {
        canCreateNewRelayGroups?: boolean
        canDeleteRelayGroups?: boolean
        canEditRelayGroupProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      scanCacheRights?: {
        canManageScanCache?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      scheduledTaskRights?: {
        canCreateNewScheduledTasks?: boolean
        canDeleteScheduledTasks?: boolean
        canEditScheduledTaskProperties?: boolean
        canExecuteScheduledTasks?: boolean
        canViewScheduledTasks?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      scheduleRights?: {
        canCreateNewSchedules?: boolean
        canDeleteSchedules?: boolean
        canEditScheduleProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      settingRights?: {
        canEditSettings?: boolean
        canViewSettings?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      expertSettingRights?: {
        canEditExpertSettings?: boolean
        canViewExpertSettings?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      syslogConfigurationRights?: {
        canCreateNewSyslogConfigurations?: boolean
        canDeleteSyslogConfigurations?: boolean
        canEditSyslogConfigurationProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      systemInformationRights?: {
        canManageExtensions?: boolean
        canManageNodes?: boolean
        canViewSystemInformation?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      taggingRights?: {
        canDeleteAutoTagRules?: boolean
        canUpdateAutoTagRules?: boolean
        canRunAutoTagRules?: boolean
        canDeleteTags?: boolean
        canTag?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      updateRights?: {
        canImportSoftware?: boolean
        canDeleteSoftware?: boolean
        canEditSoftwareProperties?: boolean
        canImportRuleUpdates?: boolean
        canDeleteRuleUpdates?: boolean
        canViewRuleUpdates?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      iplistRights?: {
        canCreateNewIPLists?: boolean
        canDeleteIPLists?: boolean
        canEditIPListProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      samlidentityProviderRights?: {
        canCreateNewSAMLIdentityProviders?: boolean
        canDeleteSAMLIdentityProviders?: boolean
        canEditSAMLIdentityProviders?: boolean
        canViewSAMLIdentityProviders?: boolean
      }
      apikeyRights?: {
        /** Right to view API keys. */
        canViewApiKeys?: boolean
        /** Right to create new API keys. */
        canCreateNewApiKeys?: boolean
        /** Right to edit API keys, lock them out and generate new secret keys. */
        canEditApiKeyProperties?: boolean
        /** Right to delete API keys. */
        canDeleteApiKeys?: boolean
        /** Right to verify other API keys' secrets for your own services and follow the stream of key changes (a Keyward right; the model API has none). */
        canVerifyApiKeys?: boolean
      }
      administratorRights?: {
        /** Right to view administrators. */
        canViewAdministrators?: boolean
        /** Right to create new administrators. */
        canCreateNewAdministrators?: boolean
        /** Right to edit administrators, lock them out and set their passwords. */
        canEditAdministratorProperties?: boolean
        /** Right to delete administrators. */
        canDeleteAdministrators?: boolean
      }
      administratorRoleRights?: {
        /** Right to view administrator roles. */
        canViewAdministratorRoles?: boolean
        /** Right to create new administrator roles. */
        canCreateNewAdministratorRoles?: boolean
        /** Right to edit administrator roles. */
        canEditAdministratorRoleProperties?: boolean
        /** Right to delete administrator roles. */
        canDeleteAdministratorRoles?: boolean
      }
      auditEventRights?: {
        /** Right to view the audit log (a Keyward right; the model API has none). */
        canViewAuditEvents?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    antiMalwareRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      antiMalwareConfigurationRights?: {
        canCreateNewAntiMalwareConfigurations?: boolean
        canDeleteAntiMalwareConfigurations?: boolean
        canEditAntiMalwareConfigurations?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      directoryListRights?: {
        canCreateNewDirectoryLists?: boolean
        canDeleteDirectoryLists?: boolean
        canEditDirectoryListProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      fileListRights?: {
        canCreateNewFileLists?: boolean
        canDeleteFileLists?: boolean
        canEditFileListProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      fileExtensionListRights?: {
        canCreateNewFileExtensionLists?: boolean
        canDeleteFileExtensionLists?: boolean
        canEditFileExtensionListProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      identifiedFileRights?: {
        canDeleteIdentifiedFiles?: boolean
        canDownloadIdentifiedFiles?: boolean
        canRestoreIdentifiedFiles?: boolean
        canSubmitIdentifiedFiles?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    webReputationRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      webReputationConfigurationRights?: {
        canEditWebReputationConfiguration?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    sensingModeRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      sensingModeConfigurationRights?: {
        canEditSensingModeConfiguration?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    firewallRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      contextRights?: {
        canCreateNewContexts?: boolean
        canDeleteContexts?: boolean
        canEditContextProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      firewallRuleRights?: {
        canCreateNewFirewallRules?: boolean
        canDeleteFirewallRules?: boolean
        canEditFirewallRuleProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      statefulConfigurationRights?: {
        canCreateNewStatefulConfigurations?: boolean
        canDeleteStatefulConfigurations?: boolean
        canEditStatefulConfigurationProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      macListRights?: {
        canCreateNewMACLists?: boolean
        canDeleteMACLists?: boolean
        canEditMACListProperties?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    intrusionPreventionRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      applicationTypeRights?: {
        canCreateNewApplicationTypes?: boolean
        canDeleteApplicationTypes?: boolean
        canEditApplicationTypeProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      intrusionPreventionRuleRights?: {
        canCreateNewIntrusionPreventionRules?: boolean
        canDeleteIntrusionPreventionRules?: boolean
        canEditIntrusionPreventionRuleProperties?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    integrityMonitoringRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      integrityMonitoringRuleRights?: {
        canCreateNewIntegrityMonitoringRules?: boolean
        canDeleteIntegrityMonitoringRules?: boolean
        canEditIntegrityMonitoringRuleProperties?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    logInspectionRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      logInspectionDecoderRights?: {
        canCreateNewLogInspectionDecoders?: boolean
        canDeleteLogInspectionDecoders?: boolean
        canEditLogInspectionDecoderProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      logInspectionRuleRights?: {
        canCreateNewLogInspectionRules?: boolean
        canDeleteLogInspectionRules?: boolean
        canEditLogInspectionRuleProperties?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    applicationControlRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      driftRights?: {
        canAllowOrBlockDrift?: boolean
        canViewDrift?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      rulesetRights?: {
        canCreateNewRulesets?: boolean
        canDeleteRulesets?: boolean
        canEditRulesetProperties?: boolean
        canViewRulesets?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      ruleRights?: {
        canCreateNewAppControlRules?: boolean
        canDeleteAppControlRules?: boolean
        canEditAppControlRulesProperties?: boolean
        canViewAppControlRules?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      softwareInventoryRights?: {
        canCreateNewSoftwareInventory?: boolean
        canDeleteSoftwareInventory?: boolean
        canViewSoftwareInventory?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      trustEntityManagementRights?: {
        canCreateAppControlTrustEntities?: boolean
        canViewAppControlTrustEntities?: boolean
        canEditAppControlTrustEntities?: boolean
        canDeleteAppControlTrustEntities?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    hostedServiceRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      accountRights?: {
        canDeleteAccounts?: boolean
        canUpdateAccounts?: boolean
        canViewAccountBilling?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      fixRights?: {
        canViewFixes?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      heapRights?: {
        canViewHeap?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      licenseRateRights?: {
        canSaveLicenseRates?: boolean
        canViewLicenseRates?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      queryRights?: {
        canViewQuery?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      featureFlagsRights?: {
        canViewFeatureFlags?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      queryTracebackRights?: {
        canViewQueryTracebacks?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      serverLogRights?: {
        canViewServerLogs?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      stackTraceRights?: {
        canViewStackTraces?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      networkSecurityRights?: {
        canCreateDeviceAuthorizationTokens?: boolean
      }
    }
  }
  /** Whether holders may access all computers. Model API field. Accepted and kept, no effect in Keyward. */
  allComputers?: boolean
  /** Whether holders may access all policies. Model API field. Accepted and kept, no effect in Keyward. */
  allPolicies?: boolean
  /** Computers holders may access, unless allComputers. Model API field. Accepted and kept, no effect in Keyward. */
  computerIDs?: Array<number>
  /** Computer groups holders may access, unless allComputers. Model API field. Accepted and kept, no effect in Keyward. */
  computerGroupIDs?: Array<number>
  /** Policies holders may access, unless allPolicies. Model API field. Accepted and kept, no effect in Keyward. */
  policyIDs?: Array<number>
  /** Application permissions granted to every API key of the role, checked by the verify operation (Keyward extension). Each is parts of letters, digits, _ and - separated by . or : (e.g. invoices.read, reports:daily:read); a last part * grants every permission that starts with what precedes it, and * alone grants all. Stored sorted, without repeats. */
  permissions?: Array<string>
  /** Uniform resource name of the role. */
  urn?: string
  /** True for the built-in roles, Full Access and Auditor, which cannot be changed or deleted. */
  immutable?: boolean
  /** ID of the role. Searchable as ID. */
  ID?: number
}

/** Administrator roles. */
export type ListAdministratorRolesResponse = {
  roles: Array<{
    /** Name of the role; unique. Searchable as String. */
    name?: string
    /** Description of the role. Searchable as String. */
    description?: string
    /** If true, holders can only create, edit or delete administrators, roles and API keys with rights equal to or less than their own. Searchable as Boolean. */
    canOnlyManipulateUsersWithEqualOrLesserRights?: boolean
    /** Whether holders may sign in to the console. Searchable as Boolean. */
    allowUserInterface?: boolean
    /** Whether holders may use the web service API. Searchable as Boolean. */
    allowWebService?: boolean
    /** Rights of the role, grouped as in the model API. */
    rights?: {
      /** Rights on Keyward resources, and on the model's platform (kept). */
      platformRights?: {
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        agentVersionControlRights?: {
          canEditAgentVersionControls?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        alertConfigurationRights?: {
          canEditAlertConfigurations?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        alertRights?: {
          canDismissGlobalAlerts?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        certificateRights?: {
          canCreateNewCertificates?: boolean
          canDeleteCertificates?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        computerRights?: {
          canAddAndRemoveComputerGroups?: boolean
          canCreateNewComputers?: boolean
          canDeleteComputers?: boolean
          canDismissAlerts?: boolean
          canEditComputerProperties?: boolean
          canImportComputers?: boolean
          canManageCloudAccounts?: boolean
          canManageDirectories?: boolean
          canManageVCenters?: boolean
          canTagComputers?: boolean
          canViewNotRelatedToComputers?: boolean
          canViewOtherComputers?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        contactRights?: {
          canCreateNewContacts?: boolean
          canDeleteContacts?: boolean
          canEditContactProperties?: boolean
          canViewContacts?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        dataCenterGatewayRights?: {
          canCreateNewDataCenterGateways?: boolean
          canViewDataCenterGateways?: boolean
          canEditDataCenterGateways?: boolean
          canDeleteDataCenterGateways?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        diagnosticRights?: {
          canCreateDiagnosticPackages?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        assetValueRights?: {
          canCreateNewAssetValues?: boolean
          canDeleteAssetValues?: boolean
          canEditAssetValueProperties?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        licenseRights?: {
          canChangeLicense?: boolean
          canViewLicense?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        multiTenantRights?: {
          canCreateTenants?: boolean
          canDeleteTenants?: boolean
          canEditTenantGeneralProperties?: boolean
          canEditTenantModules?: boolean
          canEditTenantAccountDetails?: boolean
          canEditTenantFeatures?: boolean
          canEditTenantSettings?: boolean
          canCreateAndEditTenantDatabaseServers?: boolean
          canDeleteTenantDatabaseServers?: boolean
          canManageTenantAPIKeys?: boolean
          canSignInAsTenant?: boolean
          canViewTenants?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        policyRights?: {
          canCreateNewPolicies?: boolean
          canDeletePolicies?: boolean
          canEditPolicyProperties?: boolean
          canImportPolicies?: boolean
          canViewOtherPolicies?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        portListRights?: {
          canCreateNewPortLists?: boolean
          canDeletePortLists?: boolean
          canEditPortListProperties?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        proxyRights?: {
          canCreateNewProxies?: boolean
          canDeleteProxies?: boolean
          canEditProxyProperties?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        relayGroupRights?: {
          canCreateNewRelayGroups?: boolean
          canDeleteRelayGroups?: boolean
          canEditRelayGroupProperties?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        scanCacheRights?: {
          canManageScanCache?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        scheduledTaskRights?: {
          canCreateNewScheduledTasks?: boolean
          canDeleteScheduledTasks?: boolean
          canEditScheduledTaskProperties?: boolean
          canExecuteScheduledTasks?: boolean
          canViewScheduledTasks?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        scheduleRights?: {
          canCreateNewSchedules?: boolean
          canDeleteSchedules?: boolean
          canEditScheduleProperties?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        settingRights?: {
          canEditSettings?: boolean
          canViewSettings?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        expertSettingRights?: {
          canEditExpertSettings?: boolean
          canViewExpertSettings?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        syslogConfigurationRights?: {
          canCreateNewSyslogConfigurations?: boolean
          canDeleteSyslogConfigurations?: boolean
          canEditSyslogConfigurationProperties?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        systemInformationRights?: {
          canManageExtensions?: boolean
          canManageNodes?: boolean
          canViewSystemInformation?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        taggingRights?: {
          canDeleteAutoTagRules?: boolean
          canUpdateAutoTagRules?: boolean
          canRunAutoTagRules?: boolean
          canDeleteTags?: boolean
          canTag?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        updateRights?: {
          canImportSoftware?: boolean
          canDeleteSoftware?: boolean
          canEditSoftwareProperties?: boolean
          canImportRuleUpdates?: boolean
          canDeleteRuleUpdates?: boolean
          canViewRuleUpdates?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        iplistRights?: {
          canCreateNewIPLists?: boolean
          canDeleteIPLists?: boolean
          canEditIPListProperties?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        samlidentityProviderRights?: {
          canCreateNewSAMLIdentityProviders?: boolean
          canDeleteSAMLIdentityProviders?: boolean
          canEditSAMLIdentityProviders?: boolean
          canViewSAMLIdentityProviders?: boolean
        }
        apikeyRights?: {
          /** Right to view API keys. */
          canViewApiKeys?: boolean
          /** Right to create new API keys. */
          canCreateNewApiKeys?: boolean
          /** Right to edit API keys, lock them out and generate new secret keys. */
          canEditApiKeyProperties?: boolean
          /** Right to delete API keys. */
          canDeleteApiKeys?: boolean
          /** Right to verify other API keys' secrets for your own services and follow the stream of key changes (a Keyward right; the model API has none). */
          canVerifyApiKeys?: boolean
        }
        administratorRights?: {
          /** Right to view administrators. */
          canViewAdministrators?: boolean
          /** Right to create new administrators. */
          canCreateNewAdministrators?: boolean
          /** Right to edit administrators, lock them out and set their passwords. */
          canEditAdministratorProperties?: boolean
          /** Right to delete administrators. */
          canDeleteAdministrators?: boolean
        }
        administratorRoleRights?: {
          /** Right to view administrator roles. */
          canViewAdministratorRoles?: boolean
          /** Right to create new administrator roles. */
          canCreateNewAdministratorRoles?: boolean
          /** Right to edit administrator roles. */
          canEditAdministratorRoleProperties?: boolean
          /** Right to delete administrator roles. */
          canDeleteAdministratorRoles?: boolean
        }
        auditEventRights?: {
          /** Right to view the audit log (a Keyward right; the model API has none). */
          canViewAuditEvents?: boolean
        }
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      antiMalwareRights?: {
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        antiMalwareConfigurationRights?: {
          canCreateNewAntiMalwareConfigurations?: boolean
          canDeleteAntiMalwareConfigurations?: boolean
          canEditAntiMalwareConfigurations?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        directoryListRights?: {
          canCreateNewDirectoryLists?: boolean
          canDeleteDirectoryLists?: boolean
          canEditDirectoryListProperties?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        fileListRights?: {
          canCreateNewFileLists?: boolean
          canDeleteFileLists?: boolean
          canEditFileListProperties?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        fileExtensionListRights?: {
          canCreateNewFileExtensionLists?: boolean
          canDeleteFileExtensionLists?: boolean
          canEditFileExtensionListProperties?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        identifiedFileRights?: {
          canDeleteIdentifiedFiles?: boolean
          canDownloadIdentifiedFiles?: boolean
          canRestoreIdentifiedFiles?: boolean
          canSubmitIdentifiedFiles?: boolean
        }
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      webReputationRights?: {
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        webReputationConfigurationRights?: {
          canEditWebReputationConfiguration?: boolean
        }
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      sensingModeRights?: {
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        sensingModeConfigurationRights?: {
          canEditSensingModeConfiguration?: boolean
        }
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      firewallRights?: {
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        contextRights?: {
          canCreateNewContexts?: boolean
          canDeleteContexts?: boolean
          canEditContextProperties?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        firewallRuleRights?: {
          canCreateNewFirewallRules?: boolean
          canDeleteFirewallRules?: boolean
          canEditFirewallRuleProperties?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        statefulConfigurationRights?: {
          canCreateNewStatefulConfigurations?: boolean
          canDeleteStatefulConfigurations?: boolean
          canEditStatefulConfigurationProperties?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        macListRights?: {
          canCreateNewMACLists?: boolean
          canDeleteMACLists?: boolean
          canEditMACListProperties?: boolean
        }
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      intrusionPreventionRights?: {
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        applicationTypeRights?: {
          canCreateNewApplicationTypes?: boolean
          canDeleteApplicationTypes?: boolean
          canEditApplicationTypeProperties?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        intrusionPreventionRuleRights?: {
          canCreateNewIntrusionPreventionRules?: boolean
          canDeleteIntrusionPreventionRules?: boolean
          canEditIntrusionPreventionRuleProperties?: boolean
        }
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      integrityMonitoringRights?: {
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        integrityMonitoringRuleRights?: {
          canCreateNewIntegrityMonitoringRules?: boolean
          canDeleteIntegrityMonitoringRules?: boolean
          canEditIntegrityMonitoringRuleProperties?: boolean
        }
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      logInspectionRights?: {
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        logInspectionDecoderRights?: {
          canCreateNewLogInspectionDecoders?: boolean
          canDeleteLogInspectionDecoders?: boolean
          canEditLogInspectionDecoderProperties?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        logInspectionRuleRights?: {
          canCreateNewLogInspectionRules?: boolean
          canDeleteLogInspectionRules?: boolean
          canEditLogInspectionRuleProperties?: boolean
        }
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      applicationControlRights?: {
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        driftRights?: {
          canAllowOrBlockDrift?: boolean
          canViewDrift?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        rulesetRights?: {
          canCreateNewRulesets?: boolean
          canDeleteRulesets?: boolean
          canEditRulesetProperties?: boolean
          canViewRulesets?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        ruleRights?: {
          canCreateNewAppControlRules?: boolean
          canDeleteAppControlRules?: boolean
          canEditAppControlRulesProperties?: boolean
          canViewAppControlRules?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        softwareInventoryRights?: {
          canCreateNewSoftwareInventory?: boolean
          canDeleteSoftwareInventory?: boolean
          canViewSoftwareInventory?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        trustEntityManagementRights?: {
          canCreateAppControlTrustEntities?: boolean
          canViewAppControlTrustEntities?: boolean
          canEditAppControlTrustEntities?: boolean
          canDeleteAppControlTrustEntities?: boolean
        }
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      hostedServiceRights?: {
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        accountRights?: {
          canDeleteAccounts?: boolean
          canUpdateAccounts?: boolean
          canViewAccountBilling?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        fixRights?: {
          canViewFixes?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        heapRights?: {
          canViewHeap?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        licenseRateRights?: {
          canSaveLicenseRates?: boolean
          canViewLicenseRates?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        queryRights?: {
          canViewQuery?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        featureFlagsRights?: {
          canViewFeatureFlags?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        queryTracebackRights?: {
          canViewQueryTracebacks?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        serverLogRights?: {
          canViewServerLogs?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        stackTraceRights?: {
          canViewStackTraces?: boolean
        }
        /** Rights of the model API. Accepted and kept, no effect in Keyward. */
        networkSecurityRights?: {
          canCreateDeviceAuthorizationTokens?: boolean
        }
      }
    }
    /** Whether holders may access all computers. Model API field. Accepted and kept, no effect in Keyward. */
    allComputers?: boolean
    /** Whether holders may access all policies. Model API field. Accepted and kept, no effect in Keyward. */
    allPolicies?: boolean
    /** Computers holders may access, unless allComputers. Model API field. Accepted and kept, no effect in Keyward. */
    computerIDs?: Array<number>
    /** Computer groups holders may access, unless allComputers. Model API field. Accepted and kept, no effect in Keyward. */
    computerGroupIDs?: Array<number>
    /** Policies holders may access, unless allPolicies. Model API field. Accepted and kept, no effect in Keyward. */
    policyIDs?: Array<number>
    /** Application permissions granted to every API key of the role, checked by the verify operation (Keyward extension). Each is parts of letters, digits, _ and - separated by . or : (e.g. invoices.read, reports:daily:read); a last part * grants every permission that starts with what precedes it, and * alone grants all. Stored sorted, without repeats. */
    permissions?: Array<string>
    /** Uniform resource name of the role. */
    urn?: string
    /** True for the built-in roles, Full Access and Auditor, which cannot be changed or deleted. */
    immutable?: boolean
    /** ID of the role. Searchable as ID. */
    ID?: number
  }>
}

/** A search filter. To page through results, repeat the search with an idTest "greater-than" the last ID seen, sortByObjectID true and maxItems the page size, until a page comes back empty. */
export type SearchAdministratorRolesRequest = SearchApiKeysRequest

/** Administrator roles. */
export type SearchAdministratorRolesResponse = ListAdministratorRolesResponse

/** An administrator role. */
export type DescribeAdministratorRoleResponse = CreateAdministratorRoleResponse

/** Changes to a role; properties (and rights) left out are unchanged and read-only properties are ignored. */
export type ModifyAdministratorRoleRequest = {
  /** Name of the role; unique. Searchable as String. */
  name?: string
  /** Description of the role. Searchable as String. */
  description?: string
  /** If true, holders can only create, edit or delete administrators, roles and API keys with rights equal to or less than their own. Searchable as Boolean. */
  canOnlyManipulateUsersWithEqualOrLesserRights?: boolean
  /** Whether holders may sign in to the console. Searchable as Boolean. */
  allowUserInterface?: boolean
  /** Whether holders may use the web service API. Searchable as Boolean. */
  allowWebService?: boolean
  /** Rights of the role, grouped as in the model API. */
  rights?: {
    /** Rights on Keyward resources, and on the model's platform (kept). */
    platformRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      agentVersionControlRights?: {
        canEditAgentVersionControls?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      alertConfigurationRights?: {
        canEditAlertConfigurations?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      alertRights?: {
        canDismissGlobalAlerts?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      certificateRights?: {
        canCreateNewCertificates?: boolean
        canDeleteCertificates?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      computerRights?: {
        canAddAndRemoveComputerGroups?: boolean
        canCreateNewComputers?: boolean
        canDeleteComputers?: boolean
        canDismissAlerts?: boolean
        canEditComputerProperties?: boolean
        canImportComputers?: boolean
        canManageCloudAccounts?: boolean
        canManageDirectories?: boolean
        canManageVCenters?: boolean
        canTagComputers?: boolean
        canViewNotRelatedToComputers?: boolean
        canViewOtherComputers?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      contactRights?: {
        canCreateNewContacts?: boolean
        canDeleteContacts?: boolean
        canEditContactProperties?: boolean
        canViewContacts?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      dataCenterGatewayRights?: {
        canCreateNewDataCenterGateways?: boolean
        canViewDataCenterGateways?: boolean
        canEditDataCenterGateways?: boolean
        canDeleteDataCenterGateways?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      diagnosticRights?: {
        canCreateDiagnosticPackages?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      assetValueRights?: {
        canCreateNewAssetValues?: boolean
        canDeleteAssetValues?: boolean
        canEditAssetValueProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      licenseRights?: {
        canChangeLicense?: boolean
        canViewLicense?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      multiTenantRights?: {
        canCreateTenants?: boolean
        canDeleteTenants?: boolean
        canEditTenantGeneralProperties?: boolean
        canEditTenantModules?: boolean
        canEditTenantAccountDetails?: boolean
        canEditTenantFeatures?: boolean
        canEditTenantSettings?: boolean
        canCreateAndEditTenantDatabaseServers?: boolean
        canDeleteTenantDatabaseServers?: boolean
        canManageTenantAPIKeys?: boolean
        canSignInAsTenant?: boolean
        canViewTenants?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      policyRights?: {
        canCreateNewPolicies?: boolean
        canDeletePolicies?: boolean
        canEditPolicyProperties?: boolean
        canImportPolicies?: boolean
        canViewOtherPolicies?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      portListRights?: {
        canCreateNewPortLists?: boolean
        canDeletePortLists?: boolean
        canEditPortListProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      proxyRights?: {
        canCreateNewProxies?: boolean
        canDeleteProxies?: boolean
        canEditProxyProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      relayGroupRights?: {
        canCreateNewRelayGroups?: boolean
        canDeleteRelayGroups?: boolean
        canEditRelayGroupProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      scanCacheRights?: {
        canManageScanCache?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      scheduledTaskRights?: {
        canCreateNewScheduledTasks?: boolean
        canDeleteScheduledTasks?: boolean
        canEditScheduledTaskProperties?: boolean
        canExecuteScheduledTasks?: boolean
        canViewScheduledTasks?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      scheduleRights?: {
        canCreateNewSchedules?: boolean
        canDeleteSchedules?: boolean
        canEditScheduleProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      settingRights?: {
        canEditSettings?: boolean
        canViewSettings?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      expertSettingRights?: {
        canEditExpertSettings?: boolean
        canViewExpertSettings?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      syslogConfigurationRights?: {
        canCreateNewSyslogConfigurations?: boolean
        canDeleteSyslogConfigurations?: boolean
        canEditSyslogConfigurationProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      systemInformationRights?: {
        canManageExtensions?: boolean
        canManageNodes?: boolean
        canViewSystemInformation?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      taggingRights?: {
        canDeleteAutoTagRules?: boolean
        canUpdateAutoTagRules?: boolean
        canRunAutoTagRules?: boolean
        canDeleteTags?: boolean
        canTag?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      updateRights?: {
        canImportSoftware?: boolean
        canDeleteSoftware?: boolean
        canEditSoftwareProperties?: boolean
        canImportRuleUpdates?: boolean
        canDeleteRuleUpdates?: boolean
        canViewRuleUpdates?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      iplistRights?: {
        canCreateNewIPLists?: boolean
        canDeleteIPLists?: boolean
        canEditIPListProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      samlidentityProviderRights?: {
        canCreateNewSAMLIdentityProviders?: boolean
        canDeleteSAMLIdentityProviders?: boolean
        canEditSAMLIdentityProviders?: boolean
        canViewSAMLIdentityProviders?: boolean
      }
      apikeyRights?: {
        /** Right to view API keys. */
        canViewApiKeys?: boolean
        /** Right to create new API keys. */
        canCreateNewApiKeys?: boolean
        /** Right to edit API keys, lock them out and generate new secret keys. */
        canEditApiKeyProperties?: boolean
        /** Right to delete API keys. */
        canDeleteApiKeys?: boolean
        /** Right to verify other API keys' secrets for your own services and follow the stream of key changes (a Keyward right; the model API has none). */
        canVerifyApiKeys?: boolean
      }
      administratorRights?: {
        /** Right to view administrators. */
        canViewAdministrators?: boolean
        /** Right to create new administrators. */
        canCreateNewAdministrators?: boolean
        /** Right to edit administrators, lock them out and set their passwords. */
        canEditAdministratorProperties?: boolean
        /** Right to delete administrators. */
        canDeleteAdministrators?: boolean
      }
      administratorRoleRights?: {
        /** Right to view administrator roles. */
        canViewAdministratorRoles?: boolean
        /** Right to create new administrator roles. */
        canCreateNewAdministratorRoles?: boolean
        /** Right to edit administrator roles. */
        canEditAdministratorRoleProperties?: boolean
        /** Right to delete administrator roles. */
        canDeleteAdministratorRoles?: boolean
      }
      auditEventRights?: {
        /** Right to view the audit log (a Keyward right; the model API has none). */
        canViewAuditEvents?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    antiMalwareRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      antiMalwareConfigurationRights?: {
        canCreateNewAntiMalwareConfigurations?: boolean
        canDeleteAntiMalwareConfigurations?: boolean
        canEditAntiMalwareConfigurations?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      directoryListRights?: {
        canCreateNewDirectoryLists?: boolean
        canDeleteDirectoryLists?: boolean
        canEditDirectoryListProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      fileListRights?: {
        canCreateNewFileLists?: boolean
        canDeleteFileLists?: boolean
        canEditFileListProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      fileExtensionListRights?: {
        canCreateNewFileExtensionLists?: boolean
        canDeleteFileExtensionLists?: boolean
        canEditFileExtensionListProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      identifiedFileRights?: {
        canDeleteIdentifiedFiles?: boolean
        canDownloadIdentifiedFiles?: boolean
        canRestoreIdentifiedFiles?: boolean
        canSubmitIdentifiedFiles?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    webReputationRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      webReputationConfigurationRights?: {
        canEditWebReputationConfiguration?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    sensingModeRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      sensingModeConfigurationRights?: {
        canEditSensingModeConfiguration?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    firewallRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      contextRights?: {
        canCreateNewContexts?: boolean
        canDeleteContexts?: boolean
        canEditContextProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      firewallRuleRights?: {
        canCreateNewFirewallRules?: boolean
        canDeleteFirewallRules?: boolean
        canEditFirewallRuleProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      statefulConfigurationRights?: {
        canCreateNewStatefulConfigurations?: boolean
        canDeleteStatefulConfigurations?: boolean
        canEditStatefulConfigurationProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      macListRights?: {
        canCreateNewMACLists?: boolean
        canDeleteMACLists?: boolean
        canEditMACListProperties?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    intrusionPreventionRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      applicationTypeRights?: {
        canCreateNewApplicationTypes?: boolean
        canDeleteApplicationTypes?: boolean
        canEditApplicationTypeProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      intrusionPreventionRuleRights?: {
        canCreateNewIntrusionPreventionRules?: boolean
        canDeleteIntrusionPreventionRules?: boolean
        canEditIntrusionPreventionRuleProperties?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    integrityMonitoringRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      integrityMonitoringRuleRights?: {
        canCreateNewIntegrityMonitoringRules?: boolean
        canDeleteIntegrityMonitoringRules?: boolean
        canEditIntegrityMonitoringRuleProperties?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    logInspectionRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      logInspectionDecoderRights?: {
        canCreateNewLogInspectionDecoders?: boolean
        canDeleteLogInspectionDecoders?: boolean
        canEditLogInspectionDecoderProperties?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      logInspectionRuleRights?: {
        canCreateNewLogInspectionRules?: boolean
        canDeleteLogInspectionRules?: boolean
        canEditLogInspectionRuleProperties?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    applicationControlRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      driftRights?: {
        canAllowOrBlockDrift?: boolean
        canViewDrift?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      rulesetRights?: {
        canCreateNewRulesets?: boolean
        canDeleteRulesets?: boolean
        canEditRulesetProperties?: boolean
        canViewRulesets?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      ruleRights?: {
        canCreateNewAppControlRules?: boolean
        canDeleteAppControlRules?: boolean
        canEditAppControlRulesProperties?: boolean
        canViewAppControlRules?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      softwareInventoryRights?: {
        canCreateNewSoftwareInventory?: boolean
        canDeleteSoftwareInventory?: boolean
        canViewSoftwareInventory?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      trustEntityManagementRights?: {
        canCreateAppControlTrustEntities?: boolean
        canViewAppControlTrustEntities?: boolean
        canEditAppControlTrustEntities?: boolean
        canDeleteAppControlTrustEntities?: boolean
      }
    }
    /** Rights of the model API. Accepted and kept, no effect in Keyward. */
    hostedServiceRights?: {
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      accountRights?: {
        canDeleteAccounts?: boolean
        canUpdateAccounts?: boolean
        canViewAccountBilling?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      fixRights?: {
        canViewFixes?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      heapRights?: {
        canViewHeap?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      licenseRateRights?: {
        canSaveLicenseRates?: boolean
        canViewLicenseRates?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      queryRights?: {
        canViewQuery?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      featureFlagsRights?: {
        canViewFeatureFlags?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      queryTracebackRights?: {
        canViewQueryTracebacks?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      serverLogRights?: {
        canViewServerLogs?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      stackTraceRights?: {
        canViewStackTraces?: boolean
      }
      /** Rights of the model API. Accepted and kept, no effect in Keyward. */
      networkSecurityRights?: {
        canCreateDeviceAuthorizationTokens?: boolean
      }
    }
  }
  /** Whether holders may access all computers. Model API field. Accepted and kept, no effect in Keyward. */
  allComputers?: boolean
  /** Whether holders may access all policies. Model API field. Accepted and kept, no effect in Keyward. */
  allPolicies?: boolean
  /** Computers holders may access, unless allComputers. Model API field. Accepted and kept, no effect in Keyward. */
  computerIDs?: Array<number>
  /** Computer groups holders may access, unless allComputers. Model API field. Accepted and kept, no effect in Keyward. */
  computerGroupIDs?: Array<number>
  /** Policies holders may access, unless allPolicies. Model API field. Accepted and kept, no effect in Keyward. */
  policyIDs?: Array<number>
  /** Application permissions granted to every API key of the role, checked by the verify operation (Keyward extension). Each is parts of letters, digits, _ and - separated by . or : (e.g. invoices.read, reports:daily:read); a last part * grants every permission that starts with what precedes it, and * alone grants all. Stored sorted, without repeats. */
  permissions?: Array<string>
}

/** An administrator role. */
export type ModifyAdministratorRoleResponse = CreateAdministratorRoleResponse

export type DeleteAdministratorRoleResponse = DeleteApiKeyResponse

/** Audit log entries. */
export type ListAuditEventsResponse = {
  auditEvents: Array<{
    /** ID of the event. Searchable as ID. */
    ID: number
    /** When it happened, ms since epoch. Searchable as Date. */
    time: number
    /** Who acted. Searchable as Choice. */
    actorType: "administrator" | "apikey" | "system" | "anonymous"
    /** ID of the administrator or API key that acted. Searchable as Numeric. */
    actorID?: number
    /** Username or key name of the actor (for a failed sign-in, the username tried). Searchable as String. */
    actorName: string
    /** What was done, e.g. apikey.create, apikey.lock, session.sign_in. Searchable as String. */
    action: string
    /** Kind of resource acted on. Searchable as Choice. */
    resourceType: "apikey" | "role" | "administrator" | "session"
    /** ID of the resource. Searchable as Numeric. */
    resourceID?: number
    /** Name of the resource at the time. Searchable as String. */
    resourceName: string
    /** Changed fields with old and new values; secrets and passwords appear only as changed, never with a value. A failed sign-in has why in reason.to (unknown_username, wrong_password, wrong_code, locked_out, locked_manually, console_denied). */
    changes: Record<string, {
      from?: unknown
      to?: unknown
    }>
    /** Client address. Searchable as String. */
    address?: string
  }>
}

/** A search filter. To page through results, repeat the search with an idTest "greater-than" the last ID seen, sortByObjectID true and maxItems the page size, until a page comes back empty. */
export type SearchAuditEventsRequest = SearchApiKeysRequest

/** Audit log entries. */
export type SearchAuditEventsResponse = ListAuditEventsResponse

/** A new administrator. username, password and roleID are required; locale, time zone and time format default to the creator's. */
export type CreateAdministratorRequest = {
  /** Username to sign in with; unique whatever the case or compatibility form (ＡＤＭＩＮ is admin), no spaces. Searchable as String. */
  username: string
  /** Password (write-only); checked against the password policy. */
  password: string
  /** ID of the role assigned to the administrator. Searchable as Numeric. */
  roleID: number
  /** Full name of the administrator. Searchable as String. */
  fullName?: string
  /** Description of the administrator. Searchable as String. */
  description?: string
  /** Language of the console and messages for the administrator. */
  locale?: "en-US" | "ja-JP"
  /** Time zone in which the console shows dates to the administrator. Searchable as String. An IANA time zone name, e.g. America/New_York. */
  timeZone?: string
  /** Clock the console uses: 12- or 24-hour. Searchable as Choice. */
  timeFormat?: "12" | "24"
  /** Email address of the administrator (empty for none). Searchable as String. */
  emailAddress?: string
  /** Phone number of the administrator. Model API field. Accepted and kept, no effect in Keyward. */
  phoneNumber?: string
  /** Mobile number of the administrator. Model API field. Accepted and kept, no effect in Keyward. */
  mobileNumber?: string
  /** Pager number of the administrator. Model API field. Accepted and kept, no effect in Keyward. */
  pagerNumber?: string
  /** Whether the administrator is a primary contact of the account. Model API field. Accepted and kept, no effect in Keyward. */
  primaryContact?: boolean
  /** Whether alert emails are sent to the administrator. Model API field. Accepted and kept, no effect in Keyward. */
  receiveNotifications?: boolean
  /** Whether the administrator's reports are password-protected. Model API field. Accepted and kept, no effect in Keyward. */
  reportPDFPasswordEnabled?: boolean
  /** UTC offset of the administrator, e.g. UTC+9.00; Keyward does not derive it from timeZone. Model API field. Accepted and kept, no effect in Keyward. */
  UTCOffset?: string
  /** If false, the administrator is locked out (denied permission to sign in). Searchable as Boolean. */
  active?: boolean
  /** Kept for compatibility; Keyward passwords do not expire. Searchable as Boolean. */
  passwordNeverExpires?: boolean
  /** Second factor: local-totp once the administrator has enrolled an authenticator app. Setting none turns it off (e.g. for a lost phone). Searchable as Choice. */
  mfaType?: "none" | "local-totp"
  /** Accepted and ignored: Keyward makes no reports, so neither stores nor returns it. Model API field. */
  reportPDFPassword?: string
}

/** An administrator. */
export type CreateAdministratorResponse = {
  /** Username to sign in with; unique whatever the case or compatibility form (ＡＤＭＩＮ is admin), no spaces. Searchable as String. */
  username?: string
  /** Full name of the administrator. Searchable as String. */
  fullName?: string
  /** Description of the administrator. Searchable as String. */
  description?: string
  /** Language of the console and messages for the administrator. */
  locale?: "en-US" | "ja-JP"
  /** Time zone in which the console shows dates to the administrator. Searchable as String. An IANA time zone name, e.g. America/New_York. */
  timeZone?: string
  /** Clock the console uses: 12- or 24-hour. Searchable as Choice. */
  timeFormat?: "12" | "24"
  /** Email address of the administrator (empty for none). Searchable as String. */
  emailAddress?: string
  /** Phone number of the administrator. Model API field. Accepted and kept, no effect in Keyward. */
  phoneNumber?: string
  /** Mobile number of the administrator. Model API field. Accepted and kept, no effect in Keyward. */
  mobileNumber?: string
  /** Pager number of the administrator. Model API field. Accepted and kept, no effect in Keyward. */
  pagerNumber?: string
  /** Whether the administrator is a primary contact of the account. Model API field. Accepted and kept, no effect in Keyward. */
  primaryContact?: boolean
  /** Whether alert emails are sent to the administrator. Model API field. Accepted and kept, no effect in Keyward. */
  receiveNotifications?: boolean
  /** Whether the administrator's reports are password-protected. Model API field. Accepted and kept, no effect in Keyward. */
  reportPDFPasswordEnabled?: boolean
  /** UTC offset of the administrator, e.g. UTC+9.00; Keyward does not derive it from timeZone. Model API field. Accepted and kept, no effect in Keyward. */
  UTCOffset?: string
  /** ID of the role assigned to the administrator. Searchable as Numeric. */
  roleID?: number
  /** If false, the administrator is locked out (denied permission to sign in). Searchable as Boolean. */
  active?: boolean
  /** Kept for compatibility; Keyward passwords do not expire. Searchable as Boolean. */
  passwordNeverExpires?: boolean
  /** Second factor: local-totp once the administrator has enrolled an authenticator app. Setting none turns it off (e.g. for a lost phone). Searchable as Choice. */
  mfaType?: "none" | "local-totp"
  /** When the administrator was created, ms since epoch. Searchable as Date. */
  created?: number
  /** Last successful sign-in, ms since epoch. Searchable as Date. */
  lastSignIn?: number
  /** Last password change, ms since epoch. Searchable as Date. */
  lastPasswordChange?: number
  /** When an automatically locked-out administrator will be unlocked, ms since epoch. Searchable as Date. */
  unlockTime?: number
  /** Failed sign-ins since the last successful one. Searchable as Numeric. */
  unsuccessfulSignInAttempts?: number
  /** ID of the administrator. Searchable as ID. */
  ID?: number
}

/** Administrators. */
export type ListAdministratorsResponse = {
  administrators: Array<{
    /** Username to sign in with; unique whatever the case or compatibility form (ＡＤＭＩＮ is admin), no spaces. Searchable as String. */
    username?: string
    /** Full name of the administrator. Searchable as String. */
    fullName?: string
    /** Description of the administrator. Searchable as String. */
    description?: string
    /** Language of the console and messages for the administrator. */
    locale?: "en-US" | "ja-JP"
    /** Time zone in which the console shows dates to the administrator. Searchable as String. An IANA time zone name, e.g. America/New_York. */
    timeZone?: string
    /** Clock the console uses: 12- or 24-hour. Searchable as Choice. */
    timeFormat?: "12" | "24"
    /** Email address of the administrator (empty for none). Searchable as String. */
    emailAddress?: string
    /** Phone number of the administrator. Model API field. Accepted and kept, no effect in Keyward. */
    phoneNumber?: string
    /** Mobile number of the administrator. Model API field. Accepted and kept, no effect in Keyward. */
    mobileNumber?: string
    /** Pager number of the administrator. Model API field. Accepted and kept, no effect in Keyward. */
    pagerNumber?: string
    /** Whether the administrator is a primary contact of the account. Model API field. Accepted and kept, no effect in Keyward. */
    primaryContact?: boolean
    /** Whether alert emails are sent to the administrator. Model API field. Accepted and kept, no effect in Keyward. */
    receiveNotifications?: boolean
    /** Whether the administrator's reports are password-protected. Model API field. Accepted and kept, no effect in Keyward. */
    reportPDFPasswordEnabled?: boolean
    /** UTC offset of the administrator, e.g. UTC+9.00; Keyward does not derive it from timeZone. Model API field. Accepted and kept, no effect in Keyward. */
    UTCOffset?: string
    /** ID of the role assigned to the administrator. Searchable as Numeric. */
    roleID?: number
    /** If false, the administrator is locked out (denied permission to sign in). Searchable as Boolean. */
    active?: boolean
    /** Kept for compatibility; Keyward passwords do not expire. Searchable as Boolean. */
    passwordNeverExpires?: boolean
    /** Second factor: local-totp once the administrator has enrolled an authenticator app. Setting none turns it off (e.g. for a lost phone). Searchable as Choice. */
    mfaType?: "none" | "local-totp"
    /** When the administrator was created, ms since epoch. Searchable as Date. */
    created?: number
    /** Last successful sign-in, ms since epoch. Searchable as Date. */
    lastSignIn?: number
    /** Last password change, ms since epoch. Searchable as Date. */
    lastPasswordChange?: number
    /** When an automatically locked-out administrator will be unlocked, ms since epoch. Searchable as Date. */
    unlockTime?: number
    /** Failed sign-ins since the last successful one. Searchable as Numeric. */
    unsuccessfulSignInAttempts?: number
    /** ID of the administrator. Searchable as ID. */
    ID?: number
  }>
}

/** A search filter. To page through results, repeat the search with an idTest "greater-than" the last ID seen, sortByObjectID true and maxItems the page size, until a page comes back empty. */
export type SearchAdministratorsRequest = SearchApiKeysRequest

/** Administrators. */
export type SearchAdministratorsResponse = ListAdministratorsResponse

/** An administrator. */
export type DescribeAdministratorResponse = CreateAdministratorResponse

/** Changes to an administrator; properties left out are unchanged, read-only ones ignored. A password here sets a new one (Set Password); active: true unlocks. Changing one's own password or mfaType needs currentPassword (and mfaCode when enrolled). */
export type ModifyAdministratorRequest = {
  /** Username to sign in with; unique whatever the case or compatibility form (ＡＤＭＩＮ is admin), no spaces. Searchable as String. */
  username?: string
  /** Password (write-only); checked against the password policy. */
  password?: string
  /** Full name of the administrator. Searchable as String. */
  fullName?: string
  /** Description of the administrator. Searchable as String. */
  description?: string
  /** Language of the console and messages for the administrator. */
  locale?: "en-US" | "ja-JP"
  /** Time zone in which the console shows dates to the administrator. Searchable as String. An IANA time zone name, e.g. America/New_York. */
  timeZone?: string
  /** Clock the console uses: 12- or 24-hour. Searchable as Choice. */
  timeFormat?: "12" | "24"
  /** Email address of the administrator (empty for none). Searchable as String. */
  emailAddress?: string
  /** Phone number of the administrator. Model API field. Accepted and kept, no effect in Keyward. */
  phoneNumber?: string
  /** Mobile number of the administrator. Model API field. Accepted and kept, no effect in Keyward. */
  mobileNumber?: string
  /** Pager number of the administrator. Model API field. Accepted and kept, no effect in Keyward. */
  pagerNumber?: string
  /** Whether the administrator is a primary contact of the account. Model API field. Accepted and kept, no effect in Keyward. */
  primaryContact?: boolean
  /** Whether alert emails are sent to the administrator. Model API field. Accepted and kept, no effect in Keyward. */
  receiveNotifications?: boolean
  /** Whether the administrator's reports are password-protected. Model API field. Accepted and kept, no effect in Keyward. */
  reportPDFPasswordEnabled?: boolean
  /** UTC offset of the administrator, e.g. UTC+9.00; Keyward does not derive it from timeZone. Model API field. Accepted and kept, no effect in Keyward. */
  UTCOffset?: string
  /** ID of the role assigned to the administrator. Searchable as Numeric. */
  roleID?: number
  /** If false, the administrator is locked out (denied permission to sign in). Searchable as Boolean. */
  active?: boolean
  /** Kept for compatibility; Keyward passwords do not expire. Searchable as Boolean. */
  passwordNeverExpires?: boolean
  /** Second factor: local-totp once the administrator has enrolled an authenticator app. Setting none turns it off (e.g. for a lost phone). Searchable as Choice. */
  mfaType?: "none" | "local-totp"
  /** Accepted and ignored: Keyward makes no reports, so neither stores nor returns it. Model API field. */
  reportPDFPassword?: string
  /** The present password; required to change one's own password or second factor. */
  currentPassword?: string
  /** A code from the authenticator app (or a recovery code); required with currentPassword when the second factor is on. */
  mfaCode?: string
}

/** An administrator. */
export type ModifyAdministratorResponse = CreateAdministratorResponse

export type DeleteAdministratorResponse = DeleteApiKeyResponse

/** A secret key to verify, and what the request needs. */
export type VerifyApiKeyRequest = {
  /** The secret key to verify, as your service received it. */
  secretKey: string
  /** A permission query the key must satisfy: permissions joined by AND and OR (AND binds tighter), with parentheses. A bad query is refused with 400. */
  permissions?: string
  /** What this request costs against the key's rate limits and credits. Default 1. */
  cost?: number
  /** The end client's IP address: checked against the key's IP allow-list, and the address whose failed verifications are throttled. A key with an allow-list is refused without it. */
  address?: string
  /** Names of the key's rate limits to apply to this request. */
  rateLimits?: Array<string>
}

/** The verdict on a secret key. Always 200 for a well-formed request, whatever the verdict. */
export type VerifyApiKeyResponse = {
  /** Whether the request may go ahead: true only with code VALID. */
  valid: boolean
  /** Why (not): one code per check, in the order they run. */
  code: "VALID" | "NOT_FOUND" | "LOCKED" | "EXPIRED" | "DISABLED_ROLE" | "IP_NOT_ALLOWED" | "INSUFFICIENT_PERMISSIONS" | "RATE_LIMITED" | "USAGE_EXCEEDED"
  /** The code explained, in the verified key's language (the caller's when the key is not found). */
  message: string
  /** ID of the verified key. This and the fields below come only when the secret is right. */
  keyID?: number
  /** Name of the verified key. */
  keyName?: string
  /** ID of the key's role. */
  roleID?: number
  /** The key's effective application permissions: its role's and its own, sorted. */
  permissions?: Array<string>
  /** The key's meta object (at most 4096 bytes as JSON). */
  meta?: Record<string, unknown>
  /** The key owner's ID in your own system. */
  externalID?: string
  /** When the key expires, ms since epoch. */
  expiryDate?: number
  /** The key's rate limits this verification was counted against (those named, else all), as it left them. */
  rateLimits?: Array<{
    /** Name of the limit. */
    name: string
    /** Cost allowed per sliding window. */
    limit: number
    /** What is left of it in the sliding window, after this verification. */
    remaining: number
    /** When the current window ends, ms since epoch. */
    reset: number
  }>
  /** The key's credit balance, when it has one. */
  credits?: {
    /** Credits left after this verification (a due refill applied). */
    remaining: number
  }
  /** With RATE_LIMITED: seconds to wait before trying again. */
  retryAfter?: number
}

/** A method per operation of Keyward's API that a secret key may call. */
export abstract class KeywardOperations {
  /** Sends one request to Keyward's API and returns its JSON answer. */
  protected abstract call<T>(method: string, path: string, body?: unknown): Promise<T>

  /** Create an API Key. Creates an API key and returns it with its `secretKey`, which is shown this once and never again. Needs `canCreateNewApiKeys`. */
  createApiKey(body: CreateApiKeyRequest): Promise<CreateApiKeyResponse> {
    return this.call('POST', `/apikeys`, body)
  }

  /** List API Keys. Lists all API keys, by ID, streamed as they are read a page at a time (`KEYWARD_LIST_PAGE_SIZE`), so a key made or deleted meanwhile may or may not show. To page through many, use search. Needs `canViewApiKeys`. */
  listApiKeys(): Promise<ListApiKeysResponse> {
    return this.call('GET', `/apikeys`)
  }

  /** Search API Keys. Searches API keys with the search-filter language; no body returns all. Needs `canViewApiKeys`. */
  searchApiKeys(body: SearchApiKeysRequest): Promise<SearchApiKeysResponse> {
    return this.call('POST', `/apikeys/search`, body)
  }

  /** Describe the Current API Key. Describes the API key that authenticates the request. Any API key may use this on itself, whatever its role. */
  describeCurrentApiKey(): Promise<DescribeCurrentApiKeyResponse> {
    return this.call('GET', `/apikeys/current`)
  }

  /** Modify the Current API Key. Changes the name, description, language or time zone of the API key that authenticates the request; its role, lock state and expiry cannot change (403). Any API key may use this on itself, whatever its role. */
  modifyCurrentApiKey(body: ModifyCurrentApiKeyRequest): Promise<ModifyCurrentApiKeyResponse> {
    return this.call('POST', `/apikeys/current`, body)
  }

  /** Generate a Secret Key for the Current API Key. Gives the API key that authenticates the request a new `secretKey`, shown this once; the secret used for this request stops working at once. Any API key may use this on itself, whatever its role. */
  replaceCurrentApiSecretKey(): Promise<ReplaceCurrentApiSecretKeyResponse> {
    return this.call('POST', `/apikeys/current/secretkey`)
  }

  /** Describe an API Key. Describes an API key by ID (never its secret). Needs `canViewApiKeys`. */
  describeApiKey(apiKeyID: number): Promise<DescribeApiKeyResponse> {
    return this.call('GET', `/apikeys/${encodeURIComponent(apiKeyID)}`)
  }

  /** Modify an API Key. Changes the properties sent; the rest stay. `active: false` locks the key out, `active: true` unlocks it and clears its failure count. Needs `canEditApiKeyProperties`. */
  modifyApiKey(apiKeyID: number, body: ModifyApiKeyRequest): Promise<ModifyApiKeyResponse> {
    return this.call('POST', `/apikeys/${encodeURIComponent(apiKeyID)}`, body)
  }

  /** Delete an API Key. Deletes an API key; its secret stops working at once. Answers 200 with no body. Needs `canDeleteApiKeys`. */
  deleteApiKey(apiKeyID: number): Promise<DeleteApiKeyResponse> {
    return this.call('DELETE', `/apikeys/${encodeURIComponent(apiKeyID)}`)
  }

  /** Generate an API Secret Key. Gives the API key a new `secretKey`, shown this once; the previous secret stops working at once. ID and settings stay. Any body is ignored. Needs `canEditApiKeyProperties`. */
  replaceApiSecretKey(apiKeyID: number): Promise<ReplaceApiSecretKeyResponse> {
    return this.call('POST', `/apikeys/${encodeURIComponent(apiKeyID)}/secretkey`)
  }

  /** Create an Administrator Role. Creates a custom role. Needs `canCreateNewAdministratorRoles`. */
  createAdministratorRole(body: CreateAdministratorRoleRequest): Promise<CreateAdministratorRoleResponse> {
    return this.call('POST', `/roles`, body)
  }

  /** List Administrator Roles. Lists all roles, by ID. Needs `canViewAdministratorRoles`. */
  listAdministratorRoles(): Promise<ListAdministratorRolesResponse> {
    return this.call('GET', `/roles`)
  }

  /** Search Administrator Roles. Searches roles with the search-filter language. Needs `canViewAdministratorRoles`. */
  searchAdministratorRoles(body: SearchAdministratorRolesRequest): Promise<SearchAdministratorRolesResponse> {
    return this.call('POST', `/roles/search`, body)
  }

  /** Describe an Administrator Role. Describes a role by ID. Needs `canViewAdministratorRoles`. */
  describeAdministratorRole(roleID: number): Promise<DescribeAdministratorRoleResponse> {
    return this.call('GET', `/roles/${encodeURIComponent(roleID)}`)
  }

  /** Modify an Administrator Role. Changes the properties sent; the rest stay. Holders of the role get its new rights at once. The built-in roles (Full Access, Auditor) cannot be changed. Needs `canEditAdministratorRoleProperties`. */
  modifyAdministratorRole(roleID: number, body: ModifyAdministratorRoleRequest): Promise<ModifyAdministratorRoleResponse> {
    return this.call('POST', `/roles/${encodeURIComponent(roleID)}`, body)
  }

  /** Delete an Administrator Role. Deletes a role that no administrator or API key holds (409 otherwise, saying how many do). The built-in roles (Full Access, Auditor) cannot be deleted. Answers 200 with no body. Needs `canDeleteAdministratorRoles`. */
  deleteAdministratorRole(roleID: number): Promise<DeleteAdministratorRoleResponse> {
    return this.call('DELETE', `/roles/${encodeURIComponent(roleID)}`)
  }

  /** List Audit Events. Lists the 5000 most recent audit events, newest first; search to filter or page. Needs `canViewAuditEvents`. */
  listAuditEvents(): Promise<ListAuditEventsResponse> {
    return this.call('GET', `/auditevents`)
  }

  /** Search Audit Events. Searches the audit log with the search-filter language. Needs `canViewAuditEvents`. */
  searchAuditEvents(body: SearchAuditEventsRequest): Promise<SearchAuditEventsResponse> {
    return this.call('POST', `/auditevents/search`, body)
  }

  /** Create an Administrator. Creates an administrator; the password must satisfy the password policy. Needs `canCreateNewAdministrators`. */
  createAdministrator(body: CreateAdministratorRequest): Promise<CreateAdministratorResponse> {
    return this.call('POST', `/administrators`, body)
  }

  /** List Administrators. Lists all administrators, by ID. Needs `canViewAdministrators`. */
  listAdministrators(): Promise<ListAdministratorsResponse> {
    return this.call('GET', `/administrators`)
  }

  /** Search Administrators. Searches administrators with the search-filter language. Needs `canViewAdministrators`. */
  searchAdministrators(body: SearchAdministratorsRequest): Promise<SearchAdministratorsResponse> {
    return this.call('POST', `/administrators/search`, body)
  }

  /** Describe an Administrator. Describes an administrator by ID (never its password). Needs `canViewAdministrators`. */
  describeAdministrator(administratorID: number): Promise<DescribeAdministratorResponse> {
    return this.call('GET', `/administrators/${encodeURIComponent(administratorID)}`)
  }

  /** Modify an Administrator. Changes the properties sent; the rest stay. `password` sets a new password; `active: false` locks the administrator out, `active: true` unlocks it; `mfaType: none` turns its second factor off. Needs `canEditAdministratorProperties`. */
  modifyAdministrator(administratorID: number, body: ModifyAdministratorRequest): Promise<ModifyAdministratorResponse> {
    return this.call('POST', `/administrators/${encodeURIComponent(administratorID)}`, body)
  }

  /** Delete an Administrator. Deletes an administrator and ends its sessions. Nobody can delete themselves or the last active administrator with Full Access. Answers 200 with no body. Needs `canDeleteAdministrators`. */
  deleteAdministrator(administratorID: number): Promise<DeleteAdministratorResponse> {
    return this.call('DELETE', `/administrators/${encodeURIComponent(administratorID)}`)
  }

  /** Verify an API Key (Keyward extension). Answers whether a secret key your service received is good, who it is and what it may do: always 200 with `valid` and a `code` (VALID, NOT_FOUND, LOCKED, EXPIRED, DISABLED_ROLE, IP_NOT_ALLOWED, INSUFFICIENT_PERMISSIONS, RATE_LIMITED, USAGE_EXCEEDED, checked in that order), and the key's ID, name, role, effective permissions, meta, externalID and expiry when its secret is right. A wrong secret and an unknown key are both NOT_FOUND. Needs `canVerifyApiKeys`. */
  verifyApiKey(body: VerifyApiKeyRequest): Promise<VerifyApiKeyResponse> {
    return this.call('POST', `/apikeys/verify`, body)
  }

}
