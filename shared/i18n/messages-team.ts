// Part of the message catalogue (spread into `messages` in messages.ts). Working as a team: work
// packages between laptops, the merge and its conflicts, the district roll-up, disposal.
// Chinese first, English second; placeholders are {name}.

export const teamMessages = {
  // the package file
  'package.err.not-a-package': { zh: '{name} 不是工作包文件', en: '{name} is not a work package' },
  'package.err.wrong-password': { zh: '工作包 {name} 的密码不正确，未导入任何内容', en: 'Wrong password for the work package {name}; nothing was imported' },
  'package.err.tampered': { zh: '工作包 {name} 已被改动或损坏（校验失败），未导入任何内容', en: 'The work package {name} was changed or is damaged (its check failed); nothing was imported' },
  'package.err.format': { zh: '工作包 {name} 的内容无法识别（可能来自不同版本的程序），未导入任何内容', en: 'The content of the work package {name} is not recognised (perhaps from another version of the app); nothing was imported' },
  'package.err.not-found': { zh: '找不到文件：{path}', en: 'File not found: {path}' },
  'package.err.already-imported': { zh: '工作包 {name} 已导入过（当时为 {as}），未再导入', en: 'The work package {name} was imported before (as {as}); not imported again' },
  'package.err.source-failed': { zh: '工作包中的来源文件 {name} 无法导入：{message}。工作包未导入任何内容', en: 'The source file {name} in the package could not be imported: {messageEn}. Nothing of the package was imported' },
  'package.err.source-missing': { zh: '来源文件 {name} 的原始内容不在工作区中，且原位置 {path} 的文件已不存在或已改变：无法打包', en: 'The original bytes of the source file {name} are not in the workspace, and {path} is gone or changed: it cannot be packaged' },
  'package.err.nothing': { zh: '没有可打包的村', en: 'No village to package' },
  'package.err.unknown-village': { zh: '工作区中没有这些村的数据：{village}', en: 'The workspace holds nothing of: {village}' },
  'package.err.password-short': { zh: '工作包密码至少 8 位', en: 'A work package password needs at least 8 characters' },
  'package.imported': {
    zh: '已合并 {group} 的工作包 {name}：新增来源文件 {sources} 个（已有 {duplicate} 个），审核记录 {reviews} 条（采用 {applied} 条），线索 {leads} 条（重新编号 {renumbered} 条），整改事项 {items} 项；待裁决冲突 {conflicts} 个',
    en: 'Merged the work package {name} of {group}: {sources} source files added ({duplicate} already here), {reviews} review records ({applied} taken), {leads} leads ({renumbered} renumbered), {items} rectification items; {conflicts} conflicts to resolve',
  },

  // conflicts
  'conflict.what.review': { zh: '疑点 {id}（{place}）：一方确认、一方排除', en: 'Finding {id} ({place}): confirmed on one side, dismissed on the other' },
  'conflict.what.lead': { zh: '线索 {number}：两边都有改动', en: 'Lead {number}: changed on both sides' },
  'conflict.what.lead-finding': { zh: '疑点 {id}（{place}）已在本机另一条线索中', en: 'Finding {id} ({place}) is already in another lead here' },
  'conflict.what.rectification': { zh: '整改事项 {id}（{place}）：两边都有改动', en: 'Rectification item {id} ({place}): changed on both sides' },
  'conflict.side.lead': { zh: '{number} 第 {version} 版，{amount}，{disposition}', en: '{number} version {version}, {amount}, {disposition}' },
  'conflict.side.lead-finding': { zh: '线索 {number}', en: 'Lead {number}' },
  'conflict.side.rectification': { zh: '{progress}，已追缴 {recovered}，{closed}', en: '{progress}, {recovered} recovered, {closed}' },
  'conflict.err.not-found': { zh: '没有编号为 {id} 的冲突', en: 'No conflict {id}' },
  'conflict.err.resolved': { zh: '冲突 {id} 已裁决', en: 'Conflict {id} is resolved already' },
  'conflict.err.needs-decision': { zh: '请选择确认或排除', en: 'Choose confirm or dismiss' },

  // disposal
  'dispose.err.no-final': { zh: '{name} 不是本工作区导出的最终工作包（或导出后已改动）：请先导出最终工作包，再销毁本机数据', en: '{name} is no final work package exported from this workspace (or it changed since): export a final package before destroying this laptop\'s data' },
  'dispose.certificate-name': { zh: '{name}.销毁记录.txt', en: '{name}.disposal.txt' },
  'dispose.certificate': {
    zh: '数据销毁记录：{at}，{actor} 销毁了工作区 {workspace} 及其整改证据等 {count} 个文件。最终工作包 {package}（SHA-256 {sha256}）已导出。',
    en: 'Disposal record: at {at}, {actor} destroyed the workspace {workspace} with its evidence, {count} files in all. The final work package {package} (SHA-256 {sha256}) was exported.',
  },

  // the roll-up workbook
  'rollup.sheet': { zh: '全区汇总', en: 'District roll-up' },
  'rollup.col.group': { zh: '审计组', en: 'Group' },
  'rollup.col.lines': { zh: '账目行', en: 'Ledger lines' },
  'rollup.col.findings': { zh: '疑点', en: 'Findings' },
  'rollup.col.confirmed': { zh: '已确认', en: 'Confirmed' },
  'rollup.col.confirmed-yuan': { zh: '确认金额（元）', en: 'Confirmed (yuan)' },
  'rollup.col.leads': { zh: '线索', en: 'Leads' },
  'rollup.col.handed-over': { zh: '已移交线索', en: 'Handed over' },
  'rollup.col.items': { zh: '整改事项', en: 'Items' },
  'rollup.col.closed': { zh: '已销号', en: 'Closed' },
  'rollup.subtotal': { zh: '乡镇小计', en: 'Township subtotal' },
  'rollup.group-total': { zh: '本组合计', en: 'Group total' },
  'rollup.district-total': { zh: '全区合计', en: 'District total' },
  'rollup.district': { zh: '全区', en: 'District' },

  // the trail
  'ui.trail.action.package-export': { zh: '导出工作包', en: 'Work package exported' },
  'ui.trail.action.package-final': { zh: '导出最终工作包（本机数据待销毁）', en: 'Final work package exported (this laptop\'s data to be destroyed)' },
  'ui.trail.action.package-import': { zh: '合并工作包', en: 'Work package merged' },
  'ui.trail.action.package-import-final': { zh: '合并最终工作包（来源电脑的数据待销毁）', en: 'Final work package merged (its laptop\'s data to be destroyed)' },
  'ui.trail.action.renumber': { zh: '线索重新编号（编号已被占用）', en: 'Lead renumbered (its number was taken)' },
  'ui.trail.action.merge-update': { zh: '按工作包更新', en: 'Updated from a work package' },
  'ui.trail.action.resolve': { zh: '裁决合并冲突', en: 'Merge conflict resolved' },
  'trail.field.group': { zh: '审计组', en: 'Group' },
  'trail.field.resolution': { zh: '裁决', en: 'Resolution' },
  'trail.field.renumbered': { zh: '重新编号', en: 'Renumbered' },
  'trail.field.conflicts': { zh: '冲突', en: 'Conflicts' },
  'trail.field.sources': { zh: '来源文件', en: 'Source files' },
  'trail.field.reviews': { zh: '审核记录', en: 'Reviews' },
  'trail.field.villages': { zh: '村数', en: 'Villages' },

  // the command line
  'cli.help.package-export': { zh: '导出工作包（所选村的来源文件、审核、线索、移交、整改及证据、操作记录，加密）；--final 为最终包，之后可销毁本机数据', en: 'export a work package (the chosen villages\' source files, reviews, leads, handoffs, rectification with evidence, trail; encrypted); --final: the final one, after which this laptop\'s data may be destroyed' },
  'cli.help.package-import': { zh: '合并工作包，全部成功或全部不变；列出待裁决的冲突和重新编号的线索', en: 'merge a work package, all or nothing; lists the conflicts to resolve and the renumbered leads' },
  'cli.help.package-password': { zh: '工作包密码：环境变量 VILLAGE_AUDIT_PACKAGE_PASSWORD，或 --package-password-stdin（标准输入的一行；与 --password-stdin 同用时为第二行）', en: 'the package password: VILLAGE_AUDIT_PACKAGE_PASSWORD, or --package-password-stdin (a line of standard input; the second with --password-stdin)' },
  'cli.help.conflicts': { zh: '列出合并冲突（--all 含已裁决的）', en: 'list the merge conflicts (--all: resolved ones too)' },
  'cli.help.resolve': { zh: '裁决冲突：审核冲突以确认或排除（记为一次审核），线索或整改冲突以保留本机记录（--keep）', en: 'resolve a conflict: a review conflict by confirming or dismissing (recorded as a review), a lead or item conflict by keeping this workspace\'s record (--keep)' },
  'cli.help.rollup': { zh: '按审计组、乡镇、村汇总：疑点、线索、已移交、涉及金额、已追缴；--export 写出 .xlsx', en: 'roll up per group, township and village: findings, leads, handed over, money at issue and recovered; --export writes .xlsx' },
  'cli.help.dispose': { zh: '结束审计：在导出最终工作包之后销毁本机的工作区和整改证据（--originals 连同导入的原始文件）', en: 'end the audit: after the final work package, destroy this laptop\'s workspace and evidence (--originals: the imported original files too)' },
  'cli.err.need-package': { zh: '请用 --file（或 --package）指定工作包文件', en: 'name the work package with --file (or --package)' },
  'cli.err.need-out-package': { zh: '请用 --out 指定工作包文件名（.vapkg）', en: 'name the package file with --out (.vapkg)' },
  'cli.err.need-package-password': { zh: '需要工作包密码：设置环境变量 VILLAGE_AUDIT_PACKAGE_PASSWORD，或用 --package-password-stdin 从标准输入读取', en: 'a package password is needed: set VILLAGE_AUDIT_PACKAGE_PASSWORD, or give it on standard input with --package-password-stdin' },
  'cli.err.package-sub': { zh: 'package 之后应为 export 或 import（而不是“{sub}”）', en: 'package takes export or import (not "{sub}")' },
  'cli.err.village-arg': { zh: '--village 应写作 乡镇/村（而不是“{value}”）', en: '--village takes 乡镇/村, township/village (not "{value}")' },
  'cli.err.need-conflict': { zh: '请用 --conflict 指定冲突编号', en: 'name the conflict with --conflict' },
  'cli.err.resolve-how': { zh: '请用 --decision confirmed|dismissed（审核冲突）或 --keep（线索、整改冲突）裁决', en: 'resolve with --decision confirmed|dismissed (a review conflict) or --keep (a lead or item conflict)' },
  'cli.package.exported': { zh: '已导出工作包 {path}：{villages} 个村，来源文件 {sources} 个，审核记录 {reviews} 条，线索 {leads} 条，整改事项 {items} 项（证据 {evidence} 个），操作记录 {trail} 条', en: 'Work package written to {path}: {villages} villages, {sources} source files, {reviews} reviews, {leads} leads, {items} rectification items ({evidence} evidence files), {trail} trail entries' },
  'cli.package.exported-final': { zh: '已导出最终工作包 {path}：{villages} 个村，来源文件 {sources} 个，审核记录 {reviews} 条，线索 {leads} 条，整改事项 {items} 项（证据 {evidence} 个），操作记录 {trail} 条；之后可用 dispose 销毁本机数据', en: 'Final work package written to {path}: {villages} villages, {sources} source files, {reviews} reviews, {leads} leads, {items} rectification items ({evidence} evidence files), {trail} trail entries; this laptop\'s data may now be destroyed with dispose' },
  'cli.package.content-hash': { zh: '内容哈希', en: 'content hash' },
  'cli.package.renumbered': { zh: '线索 {from} 的编号在本工作区已被占用，改为 {to}（已记录）', en: 'lead {from}: its number was taken here, now {to} (recorded)' },
  'cli.conflict.count': { zh: '待裁决冲突 {count} 个', en: '{count} conflicts to resolve' },
  'cli.conflict.local': { zh: '本机', en: 'here' },
  'cli.conflict.incoming': { zh: '工作包', en: 'package' },
  'cli.conflict.side': { zh: '{summary} — {actor} {at} [{group}]', en: '{summary} — {actor} {at} [{group}]' },
  'cli.conflict.side-note': { zh: '{summary}（{note}）— {actor} {at} [{group}]', en: '{summary} ({note}) — {actor} {at} [{group}]' },
  'cli.conflict.kept-local': { zh: '保留本机记录', en: 'kept this workspace\'s record' },
  'cli.conflict.resolved': { zh: '已裁决：{resolution}（{by}，{at}）', en: 'resolved: {resolution} ({by}, {at})' },
  'cli.rollup.handed': { zh: '已移交', en: 'Handed' },
  'cli.rollup.at-issue': { zh: '涉及金额', en: 'At issue' },
  'cli.rollup.recovered': { zh: '已追缴', en: 'Recovered' },
  'cli.rollup.written': { zh: '已写出 {path}（SHA-256 {sha256}）', en: 'Written: {path} (SHA-256 {sha256})' },
  'cli.dispose.done': { zh: '已销毁 {count} 个文件；销毁记录：{certificate}', en: '{count} files destroyed; the record: {certificate}' },

  // the shell's dialogs
  'shell.filter.package': { zh: '工作包', en: 'Work package' },
  'shell.dialog.package': { zh: '选择工作包', en: 'Choose a work package' },
  'ui.trail.entity.package': { zh: '工作包', en: 'Work package' },
  'ui.trail.entity.workspace': { zh: '工作区', en: 'Workspace' },

  // verify
  'verify.table.package': { zh: '工作包记录', en: 'Work package record' },
  'verify.table.imported_review': { zh: '合并的审核记录', en: 'Merged review' },
  'verify.table.conflict': { zh: '合并冲突', en: 'Merge conflict' },
  'verify.table.lead_renumber': { zh: '线索重新编号记录', en: 'Lead renumbering' },
} as const;
