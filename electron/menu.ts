// The application menu, in the UI's language (Chinese until the renderer says otherwise through
// setLanguage): main builds it again whenever the language switches.
import type { MenuItemConstructorOptions } from 'electron';
import type { Lang } from '../shared/contract/types';
import { t, type MessageKey } from '../shared/i18n/messages';

export function menuTemplate(actions: { openWorkspace: () => void; importLedgers: () => void; exportPackage: () => void; importPackage: () => void; about: () => void }, lang: Lang = 'zh'): MenuItemConstructorOptions[] {
  const tr = (key: MessageKey): string => t(lang, key);
  return [
    {
      label: tr('shell.menu.file'),
      submenu: [
        { label: tr('shell.menu.open-workspace'), accelerator: 'CmdOrCtrl+O', click: actions.openWorkspace },
        { label: tr('shell.menu.import-ledgers'), accelerator: 'CmdOrCtrl+I', click: actions.importLedgers },
        { type: 'separator' },
        { label: tr('shell.menu.export-package'), click: actions.exportPackage },
        { label: tr('shell.menu.import-package'), click: actions.importPackage },
        { type: 'separator' },
        { label: tr('shell.menu.quit'), role: 'quit' },
      ],
    },
    {
      label: tr('shell.menu.edit'),
      submenu: [
        { label: tr('shell.menu.undo'), role: 'undo' },
        { label: tr('shell.menu.redo'), role: 'redo' },
        { type: 'separator' },
        { label: tr('shell.menu.cut'), role: 'cut' },
        { label: tr('shell.menu.copy'), role: 'copy' },
        { label: tr('shell.menu.paste'), role: 'paste' },
        { label: tr('shell.menu.select-all'), role: 'selectAll' },
      ],
    },
    {
      label: tr('shell.menu.view'),
      submenu: [
        { label: tr('shell.menu.zoom-in'), role: 'zoomIn' },
        { label: tr('shell.menu.zoom-out'), role: 'zoomOut' },
        { label: tr('shell.menu.actual-size'), role: 'resetZoom' },
        { type: 'separator' },
        { label: tr('shell.menu.full-screen'), role: 'togglefullscreen' },
      ],
    },
    { label: tr('shell.menu.help'), submenu: [{ label: tr('shell.menu.about'), click: actions.about }] },
  ];
}
