// The application menu, in Chinese: the users' language.
import type { MenuItemConstructorOptions } from 'electron';
import { zh } from '../shared/i18n/messages';

export function menuTemplate(actions: { openWorkspace: () => void; importLedgers: () => void; about: () => void }): MenuItemConstructorOptions[] {
  return [
    {
      label: zh('shell.menu.file'),
      submenu: [
        { label: zh('shell.menu.open-workspace'), accelerator: 'CmdOrCtrl+O', click: actions.openWorkspace },
        { label: zh('shell.menu.import-ledgers'), accelerator: 'CmdOrCtrl+I', click: actions.importLedgers },
        { type: 'separator' },
        { label: zh('shell.menu.quit'), role: 'quit' },
      ],
    },
    {
      label: zh('shell.menu.edit'),
      submenu: [
        { label: zh('shell.menu.undo'), role: 'undo' },
        { label: zh('shell.menu.redo'), role: 'redo' },
        { type: 'separator' },
        { label: zh('shell.menu.cut'), role: 'cut' },
        { label: zh('shell.menu.copy'), role: 'copy' },
        { label: zh('shell.menu.paste'), role: 'paste' },
        { label: zh('shell.menu.select-all'), role: 'selectAll' },
      ],
    },
    {
      label: zh('shell.menu.view'),
      submenu: [
        { label: zh('shell.menu.zoom-in'), role: 'zoomIn' },
        { label: zh('shell.menu.zoom-out'), role: 'zoomOut' },
        { label: zh('shell.menu.actual-size'), role: 'resetZoom' },
        { type: 'separator' },
        { label: zh('shell.menu.full-screen'), role: 'togglefullscreen' },
      ],
    },
    { label: zh('shell.menu.help'), submenu: [{ label: zh('shell.menu.about'), click: actions.about }] },
  ];
}
