// Part of the message catalogue (spread into `messages` in messages.ts). The rule settings screen.
// Chinese first, English second; placeholders are {name}.

export const uiSettingsMessages = {
  'ui.settings.policy': { zh: '所依据的规定：', en: 'Policy enforced: ' },
  'ui.settings.detects': { zh: '检查什么：', en: 'What it flags: ' },
  'ui.settings.needs': { zh: '所需数据：', en: 'Data needed: ' },
  'ui.settings.uses': { zh: '（有则使用：{list}）', en: ' (uses where present: {list})' },
  'ui.settings.whyAndBlind': { zh: '依据与盲区', en: 'Why it matters, and blind spots' },
  'ui.settings.why': { zh: '为什么：', en: 'Why: ' },
  'ui.settings.blind': { zh: '盲区：', en: 'Blind spots: ' },
  'ui.settings.off': { zh: '已关闭', en: 'off' },
  'ui.settings.default': { zh: '默认：{value}', en: 'Default: {value}' },
  'ui.settings.save': { zh: '保存并重新检查', en: 'Save and re-run' },
  'ui.settings.reset': { zh: '恢复默认并重新检查', en: 'Reset to defaults and re-run' },
  'ui.settings.saved': { zh: '设置已保存，规则已重新检查，审核结论均已保留', en: 'Settings saved and rules re-run; every review decision was kept' },
  'ui.settings.key.enabled': { zh: '检查此项（关闭后不再检查，已有审核结论保留）', en: 'Run this rule (off: it no longer runs; review decisions are kept)' },
  'ui.settings.key.weight': { zh: '风险排名权重（0–10）：每条疑点在村级风险评分中的分量', en: 'Weight in the risk ranking (0–10): how much each finding counts in a village’s score' },
  'ui.settings.key.banDate': { zh: '禁止日期（此日起发生的招待费为疑点）', en: 'Ban date (hospitality from this day is flagged)' },
  'ui.settings.key.accountWords': { zh: '招待类科目关键词', en: 'Hospitality account words' },
  'ui.settings.key.keywords': { zh: '摘要关键词', en: 'Summary keywords' },
  'ui.settings.key.venues': { zh: '餐饮场所关键词', en: 'Venue words' },
  'ui.settings.key.lodgingWords': { zh: '住宿差旅关键词', en: 'Lodging words' },
  'ui.settings.key.masks': { zh: '排除词（含这些词不算）', en: 'Exclusion words (these do not count)' },
  'ui.settings.key.words': { zh: '白条关键词', en: 'IOU words' },
  'ui.settings.key.minAmountFen': { zh: '最低金额（元）', en: 'Minimum amount (yuan)' },
  'ui.settings.key.toleranceFen': { zh: '容差（元）', en: 'Tolerance (yuan)' },
} as const;
