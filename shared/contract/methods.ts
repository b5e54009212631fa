// The contract's method names without zod, for the sandboxed preload (which cannot load
// modules and should stay small). api.ts checks at compile time that this list and ARG_SCHEMAS
// name the same methods.
export const AUDIT_METHOD_NAMES = [
  'workspaceInfo', 'openWorkspace', 'closeWorkspace', 'previewFile', 'importFile', 'saveImportErrors', 'cancelImport', 'listFiles', 'runRules',
  'listFindings', 'getFinding', 'reviewFindings', 'overview', 'listProjects', 'listRules', 'saveRuleSettings', 'resetRuleSettings',
  'buildLeads', 'exportLeads', 'openSampleDistrict', 'chooseFiles', 'chooseDirectory', 'chooseWorkspace', 'chooseSaveFile', 'recentWorkspaces',
  // case leads, handoff, rectification, trail (issue 5)
  'importCadres', 'listCadres', 'buildCaseLeads', 'listCaseLeads', 'getCaseLead', 'updateCaseLead', 'mergeCaseLeads', 'splitCaseLead',
  'getLeadSource', 'setLeadSource', 'handoffLeads', 'listHandoffs', 'listRectifications', 'createRectification', 'updateRectification',
  'addRectificationEvidence', 'saveRectificationEvidence', 'closeRectification', 'exportRectifications', 'rectificationSummary', 'rectificationProgress', 'listTrail',
] as const;

export type AuditMethodName = (typeof AUDIT_METHOD_NAMES)[number];

/** IPC channel of a method; engine events come on EVENT_CHANNEL. */
export const channelOf = (method: string): string => `audit:${method}`;
export const EVENT_CHANNEL = 'audit:event';
