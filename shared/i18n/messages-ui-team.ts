// Part of the message catalogue (spread into `messages` in messages.ts): the app's texts for
// working as a team — work packages, merge conflicts, the district roll-up, disposal. Chinese
// first, English second; placeholders are {name}.

export const uiTeamMessages = {
  'shell.menu.export-package': { zh: '导出工作包…', en: 'Export work package…' },
  'shell.menu.import-package': { zh: '导入工作包…', en: 'Import work package…' },

  'ui.package.title': { zh: '团队协作：工作包', en: 'Working as a team: work packages' },
  'ui.package.intro': { zh: '组员各自在离线电脑上工作：把所选村的来源文件、审核、线索、移交、整改和操作记录导出为一个加密的工作包，带到组长的电脑上合并。', en: 'Each auditor works on an offline laptop: export the chosen villages\' source files, reviews, leads, handoffs, rectification and trail as one encrypted work package, and merge it on the group leader\'s laptop.' },
  'ui.package.export': { zh: '导出工作包', en: 'Export work package' },
  'ui.package.export.go': { zh: '选择保存位置并导出', en: 'Choose where, and export' },
  'ui.package.export.intro': { zh: '工作包用密码加密（AES-256-GCM），并带内容校验：改动一个字节或密码不对，对方都无法导入。', en: 'The package is encrypted with a password (AES-256-GCM) and carries its content hash: with one byte changed or the wrong password it will not import.' },
  'ui.package.villages': { zh: '包含的村（{count} 个）', en: 'Villages in the package ({count})' },
  'ui.package.village.counts': { zh: '疑点 {findings}，已审 {reviewed}，线索 {leads}', en: '{findings} findings, {reviewed} reviewed, {leads} leads' },
  'ui.package.password': { zh: '工作包密码', en: 'Package password' },
  'ui.package.password.hint': { zh: '至少 8 位；请另行告知接收人，不要与工作包放在一起', en: 'At least 8 characters; tell it to the receiver separately, never with the package' },
  'ui.package.final': { zh: '最终工作包（项目结束：之后可在“规则设置”中销毁本机数据）', en: 'Final package (the project ends: this laptop\'s data may then be destroyed, in Settings)' },
  'ui.package.file-name': { zh: '工作包-{date}', en: 'work-package-{date}' },
  'ui.package.exported': { zh: '已导出 {path}：{villages} 个村，线索 {leads} 条，审核记录 {reviews} 条', en: 'Written: {path}: {villages} villages, {leads} leads, {reviews} reviews' },
  'ui.package.exported-final': { zh: '已导出最终工作包 {path}：{villages} 个村，线索 {leads} 条，审核记录 {reviews} 条', en: 'Final package written: {path}: {villages} villages, {leads} leads, {reviews} reviews' },
  'ui.package.import': { zh: '导入工作包', en: 'Import work package' },
  'ui.package.import.go': { zh: '合并', en: 'Merge' },
  'ui.package.import.intro': { zh: '合并全部成功或全部不变：已有的来源文件不会重复；两边决定相反的疑点列为冲突，由您裁决；编号已被占用的线索重新编号并记录。', en: 'The merge is all or nothing: source files already here are not doubled; a finding decided the other way on each side is a conflict for you to resolve; a lead whose number is taken is renumbered, and that is recorded.' },
  'ui.package.file': { zh: '工作包文件', en: 'Package file' },
  'ui.package.choose': { zh: '选择文件…', en: 'Choose a file…' },
  'ui.package.renumbered': { zh: '重新编号的线索', en: 'Leads renumbered' },
  'ui.package.renumbered.item': { zh: '{from} → {to}（原编号在本工作区已被占用）', en: '{from} → {to} (its number was taken here)' },

  'ui.conflict.title': { zh: '待裁决的合并冲突', en: 'Merge conflicts to resolve' },
  'ui.conflict.col.what': { zh: '冲突', en: 'Conflict' },
  'ui.conflict.col.local': { zh: '本机', en: 'Here' },
  'ui.conflict.col.incoming': { zh: '工作包', en: 'Package' },
  'ui.conflict.confirm': { zh: '确认', en: 'Confirm' },
  'ui.conflict.dismiss': { zh: '排除', en: 'Dismiss' },
  'ui.conflict.dismiss.reason': { zh: '排除理由（必填）', en: 'Reason for dismissal (required)' },
  'ui.conflict.keep': { zh: '保留本机记录', en: 'Keep this record' },
  'ui.conflict.resolved': { zh: '已裁决（{by}）', en: 'Resolved ({by})' },
  'ui.conflict.backs-lead': { zh: '此疑点是线索的依据', en: 'This finding backs a lead' },
  'ui.conflict.go-on': { zh: '确认并更正线索', en: 'Go on and correct the lead' },

  'ui.rollup.title': { zh: '全区汇总（按审计组、乡镇、村）', en: 'District roll-up (by group, township, village)' },
  'ui.rollup.export': { zh: '导出 .xlsx', en: 'Export .xlsx' },
  'ui.rollup.file-name': { zh: '全区汇总', en: 'district-roll-up' },
  'ui.rollup.at-issue': { zh: '涉及金额', en: 'At issue' },
  'ui.rollup.recovered': { zh: '已追缴', en: 'Recovered' },

  'ui.detail.history.merged': { zh: '来自 {group} 的工作包', en: 'merged from the work package of {group}' },
  'ui.lead.col.group': { zh: '审计组', en: 'Audit group' },
  'ui.lead.renumbered': { zh: '原编号 {number}', en: 'was {number}' },

  'ui.dispose.title': { zh: '结束审计：销毁本机数据', en: 'End the audit: destroy this laptop\'s data' },
  'ui.dispose.intro': { zh: '项目结束后，审计机关要求销毁电脑上的数据。须先导出最终工作包；选择该工作包后，本工作区及其整改证据将被覆盖并删除，并在工作包旁写下销毁记录。', en: 'When the project ends, audit offices require the data destroyed from the laptops. Export the final work package first; once you choose it, this workspace and its evidence are overwritten and deleted, and a record of it is written beside the package.' },
  'ui.dispose.originals': { zh: '同时销毁导入时的原始文件（仅内容未变的）', en: 'Destroy the original files imported too (those unchanged)' },
  'ui.dispose.go': { zh: '销毁本机数据…', en: 'Destroy this laptop\'s data…' },
  'ui.dispose.confirm': { zh: '确定销毁本机数据？此操作不可撤销', en: 'Destroy this laptop\'s data? This cannot be undone' },
  'ui.dispose.confirm.body': { zh: '最终工作包：{package}', en: 'Final package: {package}' },
  'ui.dispose.done': { zh: '已销毁 {count} 个文件；销毁记录：{certificate}', en: '{count} files destroyed; the record: {certificate}' },
} as const;
