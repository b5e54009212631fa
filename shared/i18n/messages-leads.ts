// Part of the message catalogue (spread into `messages` in messages.ts). Case leads, handoffs and
// the rectification ledger as the engine writes them: refusals, generated paragraphs, file columns.
// Chinese first, English second; placeholders are {name}.

export const leadMessages = {
  'handoff.pdf.page-of': { zh: '第 {page} 页 / 共 {pages} 页', en: 'Page {page} of {pages}' },
  // refusals of the leads' logic (EngineError keys)
  'lead.err.not-found': { zh: '找不到线索 {number}', en: 'Lead not found: {number}' },
  'lead.err.no-findings': { zh: '线索至少需要一个疑点', en: 'A lead needs at least one finding' },
  'lead.err.merged-no-edit': { zh: '线索 {number} 已合并到 {into}，不能修改', en: 'Lead {number} was merged into {into}; it cannot be edited' },
  'lead.err.merge-needs-two': { zh: '合并需要至少两条线索', en: 'Merging needs at least two leads' },
  'lead.err.already-merged': { zh: '线索 {number} 已合并', en: 'Lead {number} is already merged' },
  'lead.err.merge-other-place': { zh: '只能合并同一乡镇同一村的线索', en: 'Only leads of the same township and village can be merged' },
  'lead.err.split-some': { zh: '拆分需选择该线索的部分（非全部）发现', en: 'Splitting needs some, not all, of the lead\'s findings' },
  'handoff.err.nothing-pending': { zh: '{township}没有待移交的线索：已有线索均已移交，且移交后未修改', en: '{township} has nothing to hand over: every lead was handed over and has not changed since' },
  'rect.err.not-found': { zh: '找不到整改事项 {id}', en: 'Rectification item not found: {id}' },
  'rect.err.finding-not-found': { zh: '找不到疑点 {id}', en: 'Finding not found: {id}' },
  'rect.err.lead-merged': { zh: '线索 {number} 已并入 {into}', en: 'Lead {number} was merged into {into}' },
  'rect.err.lead-has-item': { zh: '线索 {number} 已有整改事项 #{id}', en: 'Lead {number} already has rectification item #{id}' },
  'rect.err.finding-has-item': { zh: '该疑点已有整改事项 #{id}', en: 'This finding already has rectification item #{id}' },
  'rect.err.needs-place': { zh: '整改事项需要乡镇、村和问题描述（或来自一条线索、一个疑点）', en: 'An item needs a township, a village and a description (or comes from a lead or a finding)' },
  'rect.err.closed': { zh: '整改事项 {id} 已销号', en: 'Rectification item {id} is closed' },
  'rect.err.already-closed': { zh: '整改事项 {id} 已销号', en: 'Rectification item {id} is already closed' },
  'rect.err.close-needs-evidence': { zh: '销号需要整改证据或说明', en: 'Closing an item needs evidence or a note' },
  'rect.err.file-not-found': { zh: '找不到文件 {path}', en: 'File not found: {path}' },
  'rect.err.evidence-not-found': { zh: '没有编号为 {id} 的整改证据', en: 'No evidence file {id}' },
  'rect.err.evidence-missing': { zh: '整改证据“{name}”不在工作区文件夹 {dir} 中', en: 'Evidence "{name}" is missing from the workspace folder {dir}' },
  'rect.err.evidence-changed': { zh: '整改证据“{name}”已被改动：SHA-256 与登记时不符', en: 'Evidence "{name}" has changed: its SHA-256 differs from the one recorded' },
} as const;
