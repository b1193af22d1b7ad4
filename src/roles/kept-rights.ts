/**
 * The rights of the model API's published `rights` object that Keyward has no use for (computers,
 * policies, anti-malware, …), by group: accepted and kept exactly as sent, with no effect. Copied
 * from `docs/reference/workload-security-identity-api.json`, which
 * `test/compat/published-schema.test.ts` walks. Pure data: the console imports it too.
 *
 * @module
 */

export const KEPT_RIGHT_GROUPS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  platformRights: {
    agentVersionControlRights: ['canEditAgentVersionControls'],
    alertConfigurationRights: ['canEditAlertConfigurations'],
    alertRights: ['canDismissGlobalAlerts'],
    certificateRights: ['canCreateNewCertificates', 'canDeleteCertificates'],
    computerRights: ['canAddAndRemoveComputerGroups', 'canCreateNewComputers', 'canDeleteComputers', 'canDismissAlerts', 'canEditComputerProperties', 'canImportComputers', 'canManageCloudAccounts', 'canManageDirectories', 'canManageVCenters', 'canTagComputers', 'canViewNotRelatedToComputers', 'canViewOtherComputers'],
    contactRights: ['canCreateNewContacts', 'canDeleteContacts', 'canEditContactProperties', 'canViewContacts'],
    dataCenterGatewayRights: ['canCreateNewDataCenterGateways', 'canViewDataCenterGateways', 'canEditDataCenterGateways', 'canDeleteDataCenterGateways'],
    diagnosticRights: ['canCreateDiagnosticPackages'],
    assetValueRights: ['canCreateNewAssetValues', 'canDeleteAssetValues', 'canEditAssetValueProperties'],
    licenseRights: ['canChangeLicense', 'canViewLicense'],
    multiTenantRights: ['canCreateTenants', 'canDeleteTenants', 'canEditTenantGeneralProperties', 'canEditTenantModules', 'canEditTenantAccountDetails', 'canEditTenantFeatures', 'canEditTenantSettings', 'canCreateAndEditTenantDatabaseServers', 'canDeleteTenantDatabaseServers', 'canManageTenantAPIKeys', 'canSignInAsTenant', 'canViewTenants'],
    policyRights: ['canCreateNewPolicies', 'canDeletePolicies', 'canEditPolicyProperties', 'canImportPolicies', 'canViewOtherPolicies'],
    portListRights: ['canCreateNewPortLists', 'canDeletePortLists', 'canEditPortListProperties'],
    proxyRights: ['canCreateNewProxies', 'canDeleteProxies', 'canEditProxyProperties'],
    relayGroupRights: ['canCreateNewRelayGroups', 'canDeleteRelayGroups', 'canEditRelayGroupProperties'],
    scanCacheRights: ['canManageScanCache'],
    scheduledTaskRights: ['canCreateNewScheduledTasks', 'canDeleteScheduledTasks', 'canEditScheduledTaskProperties', 'canExecuteScheduledTasks', 'canViewScheduledTasks'],
    scheduleRights: ['canCreateNewSchedules', 'canDeleteSchedules', 'canEditScheduleProperties'],
    settingRights: ['canEditSettings', 'canViewSettings'],
    expertSettingRights: ['canEditExpertSettings', 'canViewExpertSettings'],
    syslogConfigurationRights: ['canCreateNewSyslogConfigurations', 'canDeleteSyslogConfigurations', 'canEditSyslogConfigurationProperties'],
    systemInformationRights: ['canManageExtensions', 'canManageNodes', 'canViewSystemInformation'],
    taggingRights: ['canDeleteAutoTagRules', 'canUpdateAutoTagRules', 'canRunAutoTagRules', 'canDeleteTags', 'canTag'],
    updateRights: ['canImportSoftware', 'canDeleteSoftware', 'canEditSoftwareProperties', 'canImportRuleUpdates', 'canDeleteRuleUpdates', 'canViewRuleUpdates'],
    iplistRights: ['canCreateNewIPLists', 'canDeleteIPLists', 'canEditIPListProperties'],
    samlidentityProviderRights: ['canCreateNewSAMLIdentityProviders', 'canDeleteSAMLIdentityProviders', 'canEditSAMLIdentityProviders', 'canViewSAMLIdentityProviders'],
  },
  antiMalwareRights: {
    antiMalwareConfigurationRights: ['canCreateNewAntiMalwareConfigurations', 'canDeleteAntiMalwareConfigurations', 'canEditAntiMalwareConfigurations'],
    directoryListRights: ['canCreateNewDirectoryLists', 'canDeleteDirectoryLists', 'canEditDirectoryListProperties'],
    fileListRights: ['canCreateNewFileLists', 'canDeleteFileLists', 'canEditFileListProperties'],
    fileExtensionListRights: ['canCreateNewFileExtensionLists', 'canDeleteFileExtensionLists', 'canEditFileExtensionListProperties'],
    identifiedFileRights: ['canDeleteIdentifiedFiles', 'canDownloadIdentifiedFiles', 'canRestoreIdentifiedFiles', 'canSubmitIdentifiedFiles'],
  },
  webReputationRights: {
    webReputationConfigurationRights: ['canEditWebReputationConfiguration'],
  },
  sensingModeRights: {
    sensingModeConfigurationRights: ['canEditSensingModeConfiguration'],
  },
  firewallRights: {
    contextRights: ['canCreateNewContexts', 'canDeleteContexts', 'canEditContextProperties'],
    firewallRuleRights: ['canCreateNewFirewallRules', 'canDeleteFirewallRules', 'canEditFirewallRuleProperties'],
    statefulConfigurationRights: ['canCreateNewStatefulConfigurations', 'canDeleteStatefulConfigurations', 'canEditStatefulConfigurationProperties'],
    macListRights: ['canCreateNewMACLists', 'canDeleteMACLists', 'canEditMACListProperties'],
  },
  intrusionPreventionRights: {
    applicationTypeRights: ['canCreateNewApplicationTypes', 'canDeleteApplicationTypes', 'canEditApplicationTypeProperties'],
    intrusionPreventionRuleRights: ['canCreateNewIntrusionPreventionRules', 'canDeleteIntrusionPreventionRules', 'canEditIntrusionPreventionRuleProperties'],
  },
  integrityMonitoringRights: {
    integrityMonitoringRuleRights: ['canCreateNewIntegrityMonitoringRules', 'canDeleteIntegrityMonitoringRules', 'canEditIntegrityMonitoringRuleProperties'],
  },
  logInspectionRights: {
    logInspectionDecoderRights: ['canCreateNewLogInspectionDecoders', 'canDeleteLogInspectionDecoders', 'canEditLogInspectionDecoderProperties'],
    logInspectionRuleRights: ['canCreateNewLogInspectionRules', 'canDeleteLogInspectionRules', 'canEditLogInspectionRuleProperties'],
  },
  applicationControlRights: {
    driftRights: ['canAllowOrBlockDrift', 'canViewDrift'],
    rulesetRights: ['canCreateNewRulesets', 'canDeleteRulesets', 'canEditRulesetProperties', 'canViewRulesets'],
    ruleRights: ['canCreateNewAppControlRules', 'canDeleteAppControlRules', 'canEditAppControlRulesProperties', 'canViewAppControlRules'],
    softwareInventoryRights: ['canCreateNewSoftwareInventory', 'canDeleteSoftwareInventory', 'canViewSoftwareInventory'],
    trustEntityManagementRights: ['canCreateAppControlTrustEntities', 'canViewAppControlTrustEntities', 'canEditAppControlTrustEntities', 'canDeleteAppControlTrustEntities'],
  },
  hostedServiceRights: {
    accountRights: ['canDeleteAccounts', 'canUpdateAccounts', 'canViewAccountBilling'],
    fixRights: ['canViewFixes'],
    heapRights: ['canViewHeap'],
    licenseRateRights: ['canSaveLicenseRates', 'canViewLicenseRates'],
    queryRights: ['canViewQuery'],
    featureFlagsRights: ['canViewFeatureFlags'],
    queryTracebackRights: ['canViewQueryTracebacks'],
    serverLogRights: ['canViewServerLogs'],
    stackTraceRights: ['canViewStackTraces'],
    networkSecurityRights: ['canCreateDeviceAuthorizationTokens'],
  },
}
