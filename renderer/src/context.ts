// What every screen may need from the shell of the UI: the open workspace, navigation, rule
// titles, and a way to report an error in the user's language.
import { createContext, useContext } from 'react';
import type { FindingQuery, RuleInfo, WorkspaceInfo } from '../../shared/contract';

export type Screen = 'start' | 'import' | 'overview' | 'findings' | 'ledger' | 'summary' | 'sampling' | 'projects' | 'leads' | 'rectification' | 'settings';

/** What the ledger screen opens on: a place's ledger, or the ledger around a finding, a voucher (one of its lines) or a project. */
export interface LedgerFocus {
  township?: string;
  village?: string;
  findingId?: string;
  lineId?: number;
  project?: string;
}

export interface AppState {
  workspace: WorkspaceInfo | null;
  setWorkspace: (ws: WorkspaceInfo | null) => void;
  refreshWorkspace: () => Promise<void>;
  /** Go to a screen; for findings, optionally with a filter to start from (a chart click); without one the findings show as they were left. */
  go: (screen: Screen, filter?: FindingQuery) => void;
  /** Go to a lead's page (on the leads screen) or a rectification item (on its screen). */
  openLead: (number: string) => void;
  openRectification: (id: number) => void;
  /** Go to the ledger: a place's, or around a finding, a voucher or a project. */
  openLedger: (focus: LedgerFocus) => void;
  /** What the leads / rectification / ledger screen should open when it shows; cleared once opened. */
  focus: { lead?: string; rectification?: number; ledger?: LedgerFocus };
  clearFocus: () => void;
  rules: RuleInfo[];
  reloadRules: () => Promise<void>;
  /** Bumped whenever findings change (rules re-run, import), so screens reload. */
  dataVersion: number;
  dataChanged: () => void;
  reportError: (e: unknown) => void;
  /** Opens the work package dialog: export from, or import into, the open workspace. */
  openPackage: (which: 'export' | 'import') => void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const s = useContext(AppContext);
  if (!s) throw new Error('AppContext missing');
  return s;
}
