// Picks the screen component for the current navigation entry.
import type { Screen } from '../context';
import { FindingsScreen } from './FindingsScreen';
import { ImportScreen } from './ImportScreen';
import { LeadsScreen } from './LeadsScreen';
import { OverviewScreen } from './OverviewScreen';
import { ProjectsScreen } from './ProjectsScreen';
import { RectificationScreen } from './RectificationScreen';
import { SettingsScreen } from './SettingsScreen';
import { StartScreen } from './StartScreen';

export function ScreenView({ screen }: { screen: Screen }) {
  switch (screen) {
    case 'start': return <StartScreen />;
    case 'import': return <ImportScreen />;
    case 'overview': return <OverviewScreen />;
    case 'findings': return <FindingsScreen />;
    case 'projects': return <ProjectsScreen />;
    case 'leads': return <LeadsScreen />;
    case 'rectification': return <RectificationScreen />;
    case 'settings': return <SettingsScreen />;
  }
}
