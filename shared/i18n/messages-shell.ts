// Part of the message catalogue (spread into `messages` in messages.ts). The desktop shell: the
// window's title, the application menu, the native dialogs' titles and file filters. Chinese
// first, English second; placeholders are {name}.

export const shellMessages = {
  'shell.version': { zh: '版本 {version}', en: 'Version {version}' },

  // menu
  'shell.menu.file': { zh: '文件', en: 'File' },
  'shell.menu.open-workspace': { zh: '打开工作区…', en: 'Open workspace…' },
  'shell.menu.import-ledgers': { zh: '导入账簿…', en: 'Import ledgers…' },
  'shell.menu.quit': { zh: '退出', en: 'Quit' },
  'shell.menu.edit': { zh: '编辑', en: 'Edit' },
  'shell.menu.undo': { zh: '撤销', en: 'Undo' },
  'shell.menu.redo': { zh: '重做', en: 'Redo' },
  'shell.menu.cut': { zh: '剪切', en: 'Cut' },
  'shell.menu.copy': { zh: '复制', en: 'Copy' },
  'shell.menu.paste': { zh: '粘贴', en: 'Paste' },
  'shell.menu.select-all': { zh: '全选', en: 'Select all' },
  'shell.menu.view': { zh: '视图', en: 'View' },
  'shell.menu.zoom-in': { zh: '放大', en: 'Zoom in' },
  'shell.menu.zoom-out': { zh: '缩小', en: 'Zoom out' },
  'shell.menu.actual-size': { zh: '实际大小', en: 'Actual size' },
  'shell.menu.full-screen': { zh: '全屏', en: 'Full screen' },
  'shell.menu.help': { zh: '帮助', en: 'Help' },
  'shell.menu.about': { zh: '关于村级财务审计助手', en: 'About Village Audit' },

  // dialogs
  'shell.dialog.ledger': { zh: '选择账簿文件', en: 'Choose ledger files' },
  'shell.dialog.projects': { zh: '选择项目文件', en: 'Choose project files' },
  'shell.dialog.cadres': { zh: '选择村干部名册', en: 'Choose the officers roster' },
  'shell.dialog.evidence': { zh: '选择整改证据文件', en: 'Choose evidence files' },
  'shell.dialog.export-dir': { zh: '选择导出目录', en: 'Choose the export folder' },
  'shell.dialog.new-workspace': { zh: '新建审计工作区', en: 'New audit workspace' },
  'shell.dialog.open-workspace': { zh: '打开审计工作区', en: 'Open audit workspace' },
  'shell.dialog.workspace-file': { zh: '审计工作区.sqlite', en: 'audit-workspace.sqlite' },
  'shell.dialog.save': { zh: '保存导出文件', en: 'Save the export' },
  'shell.filter.ledger': { zh: '账簿导出文件 (CSV, Excel)', en: 'Ledger exports (CSV, Excel)' },
  'shell.filter.projects': { zh: '项目文件 (CSV, Excel)', en: 'Project files (CSV, Excel)' },
  'shell.filter.cadres': { zh: '村干部名册 (CSV, Excel)', en: 'Officers roster (CSV, Excel)' },
  'shell.filter.evidence': { zh: '整改证据 (PDF, 图片, 文档)', en: 'Evidence (PDF, images, documents)' },
  'shell.filter.all': { zh: '所有文件', en: 'All files' },
  'shell.filter.workspace': { zh: '审计工作区', en: 'Audit workspace' },
  'shell.filter.extension': { zh: '{ext} 文件', en: '{ext} files' },
} as const;
