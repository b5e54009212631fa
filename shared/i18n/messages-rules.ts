// Part of the message catalogue (spread into `messages` in messages.ts). The rules: each rule's
// title and policy (`rule.<id>.title`, `rule.<id>.policy`: defineRule reads them), the reasons
// its findings give, the notices about what it could not check. Chinese first, English second;
// placeholders are {name}.

export const ruleMessages = {
  // 白条入账
  'rule.unreceipted.title': { zh: '白条入账 / 无原始凭证', en: 'Unreceipted payment' },
  'rule.unreceipted.policy': { zh: '付款必须附合法原始凭证（发票等），不得以白条、收条、欠条、打条或无附件入账。', en: 'Every payment must be backed by a proper original document (an invoice), not an informal note or nothing.' },
  'rule.unreceipted.reason': { zh: '凭证 {voucher} 付出 {amount}，{reasons}，无合法原始凭证', en: 'Voucher {voucher} paid out {amount}; {reasons}: no proper original document' },
  'rule.unreceipted.why.attachments-blank': { zh: '附件张数为空', en: 'attachment count is blank' },
  'rule.unreceipted.why.attachments-zero': { zh: '附件张数为 0', en: 'attachment count is 0' },
  'rule.unreceipted.why.receipt-type': { zh: '票据类型为“{type}”', en: 'receipt type is “{type}”' },
  'rule.no-attachments-column': { zh: '{file} 没有“附件张数”列，无法判断是否白条入账，本文件未检查', en: '{file} has no attachment-count column, so unreceipted payments could not be checked in it' },

  // 村级招待费
  'rule.banned-hospitality.title': { zh: '村级招待费', en: 'Banned village hospitality' },
  'rule.banned-hospitality.policy': { zh: '禁令生效后（默认 2017-02-01），村级不得安排和发生招待费支出，包括以会议费、办公费等名义列支的宴请、烟酒、礼品。', en: 'After the ban (default 2017-02-01) villages may not spend on hospitality, including banquets, tobacco, liquor and gifts booked as meetings or office costs.' },
  'rule.banned-hospitality.reason': { zh: '{date} 凭证 {voucher} 列支 {amount}，{whys}，属禁令（{banDate} 起）后的村级招待费支出', en: 'Voucher {voucher} of {date} spent {amount}; {whys}: village hospitality after the ban of {banDate}' },
  'rule.banned-hospitality.why.account': { zh: '科目“{account}”', en: 'account “{account}”' },
  'rule.banned-hospitality.why.counterparty': { zh: '对方单位“{counterparty}”', en: 'counterparty “{counterparty}”' },

  // 工程款超付
  'rule.payment-exceeds-acceptance.title': { zh: '工程款超付', en: 'Project paid beyond acceptance' },
  'rule.payment-exceeds-acceptance.policy': { zh: '工程款按合同单价和验收、实测工程量中较小者结算，不得超过合同金额；超出部分应予追缴。', en: 'Projects are paid at the contract rate for the smaller of the accepted and the measured quantity, never above the contract; any excess is to be recovered.' },
  'rule.payment-exceeds-acceptance.reason': { zh: '{why}，超付 {excess}', en: '{why}; overpaid {excess}' },
  'rule.payment-exceeds-acceptance.why.measured': { zh: '{name}：实测 {measured} {unit} < 验收 {accepted} {unit}，按实测应付 {due}，已付 {paid}', en: '{name}: measured {measured} {unit} < accepted {accepted} {unit}; payable on the measurement {due}, paid {paid}' },
  'rule.payment-exceeds-acceptance.why.accepted': { zh: '{name}：验收 {accepted} {unit} < 合同 {contracted} {unit}，按验收应付 {due}，已付 {paid}', en: '{name}: accepted {accepted} {unit} < contracted {contracted} {unit}; payable on acceptance {due}, paid {paid}' },
  'rule.payment-exceeds-acceptance.why.contract': { zh: '{name}：已付 {paid} 超过合同金额 {contract}', en: '{name}: paid {paid}, more than the contract amount {contract}' },
  'rule.no-projects': { zh: '未导入项目文件（合同、验收、实测），工程款超付未检查', en: 'No project file (contracts, acceptance, measurement) imported; project overpayment was not checked' },

  // what several rules say
  'rule.why.summary': { zh: '摘要含“{word}”', en: 'summary contains “{word}”' },
  /** A voucher whose number repeats in other months of its year (numbering restarts monthly). */
  'rule.voucher.monthly': { zh: '{month}月 {voucher}', en: '{voucher} of month {month}' },
  'rule.voucher.entity': { zh: '{entity} {voucher}', en: '{voucher} ({entity})' },
} as const;
