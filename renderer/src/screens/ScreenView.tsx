// Picks the screen component for the current navigation entry.
import type { Screen } from '../context';
import { FindingsScreen } from './FindingsScreen';
import { ImportScreen } from './ImportScreen';
import { LeadsScreen } from './LeadsScreen';
import { LedgerScreen } from './LedgerScreen';
import { OverviewScreen } from './OverviewScreen';
import { ProjectsScreen } from './ProjectsScreen';
import { RectificationScreen } from './RectificationScreen';
import { SamplingScreen } from './SamplingScreen';
import { SettingsScreen } from './SettingsScreen';
import { StartScreen } from './StartScreen';
import { SummaryScreen } from './SummaryScreen';

export function ScreenView({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'start': return <StartScreen />;
    case 'import': return <ImportScreen />;
    case 'overview': return <OverviewScreen />;
    case 'findings': return <FindingsScreen />;
    case 'ledger': return <LedgerScreen />;
    case 'summary': return <SummaryScreen />;
    case 'sampling': return <SamplingScreen />;
    case 'projects': return <ProjectsScreen />;
    case 'leads': return <LeadsScreen />;
    case 'rectification': return <RectificationScreen />;
    case 'settings': return <SettingsScreen />;
  }
}
