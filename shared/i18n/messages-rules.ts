// Part of the message catalogue (spread into `messages` in messages.ts). The rules: notices about
// what a rule could not check. Chinese first, English second; placeholders are {name}.

export const ruleMessages = {
  // rules
  'rule.no-attachments-column': { zh: '{file} 没有“附件张数”列，无法判断是否白条入账，本文件未检查', en: '{file} has no attachment-count column, so unreceipted payments could not be checked in it' },
  'rule.no-projects': { zh: '未导入项目文件（合同、验收、实测），工程款超付未检查', en: 'No project file (contracts, acceptance, measurement) imported; project overpayment was not checked' },
} as const;
