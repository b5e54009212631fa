// Part of the message catalogue (spread into `messages` in messages.ts). The rules: each rule's
// title and policy (`rule.<id>.title`, `rule.<id>.policy`: defineRule reads them), what it detects,
// why it matters and its blind spots (`.detects`, `.why`, `.blind`: its page docs/rules/<id>.md and
// the settings screen show the same text), each setting's meaning (`.setting.<key>`), the reasons its
// findings give, the notices about what it could not check. Chinese first, English second;
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

  // the pages of the first three rules (docs/rules/<id>.md show the same text)
  'rule.unreceipted.detects': { zh: '付款凭证（贷记现金、银行存款多于借记）各行附件张数均为 0 或空白，或摘要、票据类型写明白条、收条、欠条、打条。', en: 'A paying voucher (crediting cash or bank more than debiting them) whose attachment count is 0 or blank on every line, or whose summary or receipt type says 白条, 收条, 欠条 or 打条.' },
  'rule.unreceipted.why': { zh: '付款必须以发票等合法原始凭证为依据（《会计法》第十四条，村集体经济组织会计制度）；白条入账是资金无据流出的常见方式。', en: 'Every payment must rest on a proper original document such as an invoice (Accounting Law art. 14; the village collective accounting rules); informal notes are how money leaves a village without a trace.' },
  'rule.unreceipted.blind': { zh: '附件本身就是白条、按 1 张计数且无文字说明的；一张凭证拆在两个文件中、各部分都不付款的。', en: 'An attachment that is itself an informal note, counted as 1 with no word saying so; a voucher split over two files whose parts each pay nothing.' },
  'rule.unreceipted.setting.words': { zh: '白条关键词：摘要或票据类型含这些词即为疑点', en: 'Informal-note words: a summary or receipt type with one of them is flagged' },
  'rule.unreceipted.setting.masks': { zh: '排除词：先去掉这些词再匹配（打条幅是横幅）', en: 'Look-alike phrases removed before matching (打条幅 is a banner)' },
  'rule.unreceipted.setting.minAmountFen': { zh: '最低金额（元）：不超过此数的付款不因附件为 0 单独报告', en: 'Minimum amount (yuan): payments up to this are not flagged for a missing attachment alone' },

  'rule.banned-hospitality.detects': { zh: '禁令日期后的费用借方行（非现金），科目名称含招待、接待，或摘要、对方单位含宴请、用餐、烟酒、土特产、礼品等词，或酒楼、饭店、农家乐等餐饮场所（差旅住宿除外）。', en: 'An expense line (a non-cash debit) on or after the ban date whose account name says 招待/接待, or whose summary or counterparty names a banquet, a meal, tobacco and liquor, local produce or gifts, or a place serving meals (酒楼, 饭店, 农家乐 …; travel lodging excepted).' },
  'rule.banned-hospitality.why': { zh: '来源文章所在区自 2017 年 2 月起规定村级不得安排和发生招待费支出；招待费常被记作会议费、办公费或其他支出。', en: 'The district of the source article banned village hospitality from February 2017; it is often booked as meetings, office costs or other expenses.' },
  'rule.banned-hospitality.blind': { zh: '只写“会议费”、没有其他字样的招待；以慰问品名义购买的礼品。', en: 'Hospitality described only as a meeting with no other word; gifts bought as 慰问品 (goods for visits).' },
  'rule.banned-hospitality.setting.banDate': { zh: '禁令日期：此日起发生的招待费为疑点', en: 'Ban date: hospitality from this day is flagged' },
  'rule.banned-hospitality.setting.accountWords': { zh: '招待类科目关键词', en: 'Words of hospitality accounts' },
  'rule.banned-hospitality.setting.keywords': { zh: '摘要、对方单位关键词（宴请、烟酒、礼品等）', en: 'Summary and counterparty words (banquets, tobacco and liquor, gifts …)' },
  'rule.banned-hospitality.setting.venues': { zh: '餐饮场所关键词', en: 'Words of places that serve meals' },
  'rule.banned-hospitality.setting.lodgingWords': { zh: '住宿差旅关键词：含这些词的场所为差旅住宿', en: 'Lodging words: a venue on such a line is travel lodging' },
  'rule.banned-hospitality.setting.masks': { zh: '排除词：先去掉这些词再匹配（酒精、五保户伙食、餐饮街等）', en: 'Look-alike phrases removed before matching (酒精, 五保 meals, 餐饮街 …)' },

  'rule.payment-exceeds-acceptance.detects': { zh: '项目已付超过应付：应付 = 合同金额 × min(验收工程量, 实测工程量) ÷ 合同工程量（四舍五入到分，不超过合同金额）；已付为付款凭证中记入该项目的借方（仅现金行记项目的，取其贷方）。', en: 'A project paid more than the work is worth: payable = contract × min(accepted, measured quantity) / contracted quantity, half-up to the fen, never above the contract; paid = the debits booked to the project in paying vouchers (or the cash line’s credit where only it carries the project).' },
  'rule.payment-exceeds-acceptance.why': { zh: '来源文章中的案例：赵湾村扶贫道路裕民路实测比验收短约 200 米却全额付款，追缴 46,200 元。工程款应按实际完成并验收的工程量结算。', en: 'The source article’s case: 赵湾村’s poverty-relief road 裕民路 measured about 200 m shorter than its acceptance papers and was paid in full; ¥46,200 was recovered. Works are paid for what was done and accepted.' },
  'rule.payment-exceeds-acceptance.blind': { zh: '付款未记项目编号的；一份合同拆成几个项目编号的（见“拆分项目”）。', en: 'Payments booked without the project code; one contract split over several project codes (see split-procurement).' },
  'rule.payment-exceeds-acceptance.setting.toleranceFen': { zh: '容差（元）：超付不超过此数视为尾差', en: 'Tolerance (yuan): an excess up to this is rounding' },

  // 违规报销（禁止列支项目）
  'rule.banned-expense.title': { zh: '违规报销禁止列支项目', en: 'Banned reimbursement item' },
  'rule.banned-expense.policy': { zh: '村级资金不得报销烟酒、土特产、旅游、购物卡、个人手机通信费、私车汽油费等个人或奢侈消费（中央八项规定及本区禁止列支清单）。', en: 'Village funds may not pay for tobacco and liquor, local produce, tours, shopping cards, personal phone bills, private cars’ fuel and other personal or luxury spending (the eight-point rules and the district’s list of banned items).' },
  'rule.banned-expense.detects': { zh: '清单生效日后的费用借方行（非现金），摘要或对方单位含清单中的项目词（香烟、酒、土特产、旅游、购物卡、个人手机、私车……），先去掉油烟机、酒精、乡村旅游步道等相似词。村级招待费规则开启时，它已报告的宴请、烟酒等行留给它，不重复报告。', en: 'An expense line (a non-cash debit) on or after the list’s date whose summary or counterparty names a banned item (香烟, 酒, 土特产, 旅游, 购物卡, 个人手机, 私车 …), after removing look-alikes such as 油烟机, 酒精 and 乡村旅游步道. While banned-hospitality is on, the banquets, tobacco and liquor it reports are left to it.' },
  'rule.banned-expense.why': { zh: '中央八项规定（2012-12-04）和《党政机关厉行节约反对浪费条例》严禁公款购买烟酒、礼品、购物卡和公款旅游，各地将其延伸到村级“三资”管理，列为禁止列支项目。', en: 'The eight-point rules (2012-12-04) and the Regulations on Thrift ban buying tobacco, liquor, gifts and shopping cards and touring with public money; districts extend them to village funds as banned items.' },
  'rule.banned-expense.blind': { zh: '摘要只写“办公用品”“慰问品”等笼统名称的；清单外、当地另行禁止的项目（可在设置中添加）。', en: 'Items described only as office supplies or goods for visits; items the district bans that are not on the list (add them in the settings).' },
  'rule.banned-expense.reason': { zh: '{date} 凭证 {voucher} 列支 {amount}，{whys}，属禁止公款报销的项目', en: 'Voucher {voucher} of {date} spent {amount}; {whys}: an item village funds may not pay for' },
  'rule.banned-expense.why.counterparty': { zh: '对方单位“{counterparty}”含“{word}”', en: 'counterparty “{counterparty}” contains “{word}”' },
  'rule.banned-expense.setting.fromDate': { zh: '生效日期：此日起发生的为疑点', en: 'Effective date: spending from this day is flagged' },
  'rule.banned-expense.setting.items': { zh: '禁止列支项目词', en: 'Banned item words' },
  'rule.banned-expense.setting.masks': { zh: '排除词：先去掉这些词再匹配（油烟机、酒精、乡村旅游步道等）', en: 'Look-alike phrases removed before matching (油烟机, 酒精, 乡村旅游步道 …)' },

  // 拆分项目规避招标/审批
  'rule.split-procurement.title': { zh: '拆分项目规避招标', en: 'Split procurement' },
  'rule.split-procurement.policy': { zh: '达到招标或集体决策限额（默认 10 万元）的工程、采购不得化整为零、拆分发包（《招标投标法》第四条，村级“四议两公开”）。', en: 'Works and purchases that reach the tendering or collective-decision threshold (default ¥100,000) may not be split into parts below it (Tendering Law art. 4; the village “four deliberations, two disclosures” procedure).' },
  'rule.split-procurement.detects': { zh: '同一对方单位、同一项工作（项目编号相同，或项目名称、摘要去掉一期/二期、东段/西段、1组/2组、进度款/尾款等字样后相同）的付款，在窗口期（默认 90 天）内每笔均低于限额、合计达到或超过限额。只看工程、修缮、材料、服务等采购（按科目、摘要、项目词），不看补助、工资和电费、办公用品等日常开支；没有对方单位的付款无法归组；一年中多数月份都向同一单位付同类款项的视为长期供货。项目文件中合同金额已达限额、分期支付的不算拆分。', en: 'Payments to one counterparty for one piece of work (the same project code, or a project name or summary that is the same once 一期/二期, 东段/西段, 1组/2组, 进度款/尾款 and the like are removed), each below the threshold and together at or above it within the window (default 90 days). Only purchases and works (by account, summary and project words), not grants, wages or ordinary bills; payments without a counterparty cannot be grouped; a counterparty paid for the same thing in most months of a year is a running supply. One contract at or above the threshold in the project file, paid in instalments, is no split.' },
  'rule.split-procurement.why': { zh: '把一个项目拆成几份、每份低于限额，就可以不招标、不经村民代表会议决议，由少数人直接发包——这是村级工程腐败的常见手法（《招标投标法》第四条禁止化整为零规避招标）。', en: 'Cutting one project into parts below the threshold avoids tendering and the villagers’ representatives’ decision, so a few people can award it directly: a common pattern of village works corruption (Tendering Law art. 4 forbids splitting to avoid tendering).' },
  'rule.split-procurement.blind': { zh: '各部分付给不同单位（关联单位、挂靠）的；名称差别不止分期、分段字样的；时间跨度超过窗口期的。', en: 'Parts paid to different (related or nominee) companies; names that differ by more than the part words; parts spread over more than the window.' },
  'rule.split-procurement.reason': { zh: '向“{payee}”付“{work}”等 {count} 笔（{vouchers}），{days} 天内合计 {total}，每笔均低于限额 {threshold}、合计达到限额，疑似拆分规避招标或集体决策', en: '{count} payments to “{payee}” for “{work}” ({vouchers}) within {days} days total {total}: each below the threshold of {threshold}, together at or above it; possibly split to avoid tendering or a collective decision' },
  'rule.split-procurement.setting.thresholdFen': { zh: '招标或集体决策限额（元）', en: 'Tendering or collective-decision threshold (yuan)' },
  'rule.split-procurement.setting.windowDays': { zh: '窗口期（天）：此期间内的付款合并计算', en: 'Window (days): payments within it are added up' },
  'rule.split-procurement.setting.workWords': { zh: '工程、采购关键词（科目、摘要、项目）', en: 'Works and purchase words (account, summary, project)' },
  'rule.split-procurement.setting.excludeWords': { zh: '排除词：补助、工资、电费等不属采购', en: 'Exclusions: grants, wages, bills are not procurement' },
  'rule.split-procurement.setting.recurringMonths': { zh: '长期供货月数：一年中向同一单位付同类款项达到此月数的不算拆分', en: 'Running supply (months): paid for the same work in this many months of a year is no split' },

  // 化整为零 / 临界金额
  'rule.threshold-avoidance.title': { zh: '临界金额与整数付款', en: 'Just below a threshold' },
  'rule.threshold-avoidance.policy': { zh: '支出应按金额履行相应审批（小微权力清单：村级 5,000 元、1 万元、10 万元等审批层级），不得把金额压在限额之下规避审批。', en: 'Spending is approved at the level its amount requires (the petty-power lists’ tiers: ¥5,000, ¥10,000, ¥100,000 …); amounts may not be kept just below a tier to avoid approval.' },
  'rule.threshold-avoidance.detects': { zh: '付款金额略低于某一审批限额（默认 5,000、10,000、100,000 元，低于限额 5% 以内）；或支付给个人（对方单位像人名、不含公司、店、队、社、局等字样）的整千元金额。工资、补助、低保、慰问等本就按整数发给个人的除外，借支（应收款、备用金）留给“个人借款长期未还”。', en: 'A payment just below an approval threshold (default ¥5,000, ¥10,000 and ¥100,000, within 5% below); or a round sum (a multiple of ¥1,000) paid to a person (a counterparty named like a person, with no word such as 公司, 店, 队, 社, 局). Wages, grants, subsidies and relief, which are paid to persons in round sums by design, are left out, and advances (receivables, petty cash) are left to officer-receivable.' },
  'rule.threshold-avoidance.why': { zh: '审批限额下方金额聚集，往往是一笔支出被压低或拆开以免上报审批；付给个人的整数金额常见于虚列劳务、虚构支出（审计署及各地农村审计指引列为重点关注）。', en: 'Amounts gathering just below an approval tier often mean a payment kept low or cut up to escape approval; round sums paid to persons are typical of invented labour and fictitious expenses (named as focus points in rural audit guidance).' },
  'rule.threshold-avoidance.blind': { zh: '当地限额与默认不同的（请在设置中改）；对方单位名称不规范、难以判断是人还是单位的；多笔临界付款合起来的情形（见“拆分项目”）。', en: 'Local tiers that differ from the defaults (change them in the settings); counterparties whose names do not tell a person from an organisation; several just-below payments together (see split-procurement).' },
  'rule.threshold-avoidance.reason': { zh: '{date} 凭证 {voucher} 付款 {amount}，{whys}', en: 'Voucher {voucher} of {date} paid {amount}; {whys}' },
  'rule.threshold-avoidance.why.below': { zh: '略低于审批限额 {threshold}（差 {gap}）', en: 'just below the approval threshold of {threshold} ({gap} short)' },
  'rule.threshold-avoidance.why.round': { zh: '整数金额付给个人“{payee}”', en: 'a round sum paid to a person, “{payee}”' },
  'rule.threshold-avoidance.no-counterparty': { zh: '缺对方单位列，只检查临界金额，未检查整数付款给个人', en: 'no counterparty column: amounts just below a threshold were checked, round sums to persons were not' },
  'rule.threshold-avoidance.setting.thresholdsFen': { zh: '审批限额（元）', en: 'Approval thresholds (yuan)' },
  'rule.threshold-avoidance.setting.bandPercent': { zh: '临界幅度（%）：低于限额此百分比以内为“略低于”', en: 'Band (%): within this far below a threshold is “just below”' },
  'rule.threshold-avoidance.setting.roundFen': { zh: '整数单位（元）：此数的整数倍为整数金额', en: 'Round unit (yuan): a multiple of it is a round sum' },
  'rule.threshold-avoidance.setting.orgWords': { zh: '单位名称用字：含这些字的对方单位不是个人', en: 'Organisation words: a counterparty with one of them is not a person' },
  'rule.threshold-avoidance.setting.exemptWords': { zh: '排除词：工资、补助、低保等本就按整数发给个人，借支类科目另行检查', en: 'Exclusions: wages, grants and relief are round sums to persons by design; advances are checked apart' },

  // 重复支付
  'rule.duplicate-payment.title': { zh: '重复支付', en: 'Duplicate payment' },
  'rule.duplicate-payment.policy': { zh: '同一笔款项、同一张发票只能付款、报销一次（《会计基础工作规范》：原始凭证不得重复使用）。', en: 'A debt is paid, and an invoice reimbursed, once only (Basic Accounting Work Standards: an original document is used once).' },
  'rule.duplicate-payment.detects': { zh: '同一村向同一对方单位在窗口期（默认 30 天）内由不同凭证付出相同金额（默认 1,000 元以上）；或同一发票号码出现在两张付款凭证中。同一单位同一金额在多个月份出现的（房租、保洁费等固定费用）和工资不算重复。', en: 'One village paying one counterparty the same amount (default from ¥1,000) twice within the window (default 30 days) by different vouchers; or one invoice number in two paying vouchers. A counterparty paid one amount in several months (rent, cleaning) and wages are not duplicates.' },
  'rule.duplicate-payment.why': { zh: '重复付款和一票多报是资金流失的直接方式，常见于经办人以同一发票或同一收据分两次报账。', en: 'Paying twice and reimbursing one invoice twice are direct ways money is lost, often one invoice or receipt claimed twice by the person handling it.' },
  'rule.duplicate-payment.blind': { zh: '两次付款金额略有差别的；发票号码未录入的（文件缺发票号码列时只按单位和金额检查）；第二次付款记在另一个村或另一单位名下的。', en: 'Two payments of slightly different amounts; invoice numbers not entered (files without the column are checked by counterparty and amount only); the second payment booked to another village or counterparty name.' },
  'rule.duplicate-payment.reason': { zh: '{date} 凭证 {voucher} 支付 {amount}，{whys}，疑似重复支付', en: 'Voucher {voucher} of {date} paid {amount}; {whys}: possibly paid twice' },
  'rule.duplicate-payment.why.amount': { zh: '与 {days} 天前的凭证 {prev}（{prevDate}）同为向“{payee}”支付相同金额', en: 'the same amount to “{payee}” as voucher {prev} of {prevDate}, {days} days before' },
  'rule.duplicate-payment.why.invoice': { zh: '发票号码 {invoice} 已在凭证 {prev}（{prevDate}）入账', en: 'invoice {invoice} was already booked in voucher {prev} of {prevDate}' },
  'rule.duplicate-payment.no-invoice': { zh: '{files} 没有发票号码列：其中的付款只按对方单位和金额检查重复支付', en: '{files}: no invoice-number column, so payments in it were checked for duplicates by counterparty and amount only' },
  'rule.duplicate-payment.setting.windowDays': { zh: '窗口期（天）：此期间内两次付款相同视为重复', en: 'Window (days): the same payment twice within it is a duplicate' },
  'rule.duplicate-payment.setting.minAmountFen': { zh: '最低金额（元）：低于此数的付款不按金额比较（发票号码照查）', en: 'Minimum amount (yuan): smaller payments are not compared by amount (invoice numbers still are)' },
  'rule.duplicate-payment.setting.recurringMonths': { zh: '固定费用月数：同一单位同一金额出现在这么多个月份的视为固定费用', en: 'Recurring bill (months): one amount to one counterparty in this many months is a recurring bill' },
  'rule.duplicate-payment.setting.exemptWords': { zh: '排除词：工资类科目、摘要', en: 'Exclusions: wage accounts and summaries' },

  // 向村干部及其亲属支付
  'rule.related-party.title': { zh: '向村干部及其亲属支付', en: 'Payment to an officer or relative' },
  'rule.related-party.policy': { zh: '村干部不得利用职务便利与本村集体发生经济往来或为亲属谋利，除干部报酬外向其本人或亲属付款须回避并公开（《农村基层干部廉洁履行职责若干规定》）。', en: 'Village officers may not deal with their own collective or favour relatives; payments to them or their relatives other than their pay require recusal and disclosure (Rules on Integrity of Rural Grass-roots Officials).' },
  'rule.related-party.detects': { zh: '付款凭证的对方单位（收款人）是付款当日在任的本村干部（来自村干部名册）或设置中列出的亲属，且不是干部报酬、误工补贴、工资、差旅费报销，也不是借支（借支由“村干部借款未还”检查）。', en: 'A payment whose counterparty (payee) is an officer of that village in office on the day (from the roster) or a relative listed in the settings, other than their pay, attendance allowance, wages or travel expenses, and other than an advance (left to officer-receivable).' },
  'rule.related-party.why': { zh: '向村干部本人或亲属支付工程款、劳务费、材料款，是利益输送和优亲厚友的典型表现，巡察中列为重点。', en: 'Works, labour or materials paid to officers or their relatives are the classic form of self-dealing and favouritism that inspections look for.' },
  'rule.related-party.blind': { zh: '以他人名义或亲属开办的单位收款的（名册不含亲属、单位股东）；对方单位名称与名册姓名写法不一致的；未导入名册的村。', en: 'Payments received in another person’s name or by a company a relative owns (the roster names neither); names written differently from the roster; villages without a roster.' },
  'rule.related-party.reason': { zh: '{date} 凭证 {voucher} 向{whom}支付 {amount}', en: 'Voucher {voucher} of {date} paid {amount} to {whom}' },
  'rule.related-party.officer': { zh: '本村{post}{name}（{since} 起在任）', en: 'the village’s {post} {name} (in office since {since})' },
  'rule.related-party.relative': { zh: '村干部亲属{name}（{relation}）', en: 'an officer’s relative, {name} ({relation})' },
  'rule.related-party.relative-plain': { zh: '村干部亲属{name}', en: 'an officer’s relative, {name}' },
  'rule.related-party.no-roster': { zh: '未导入村干部名册，也未在设置中列出亲属：向村干部及其亲属支付未检查', en: 'No roster of village officers imported and no relatives listed in the settings: payments to officers and relatives were not checked' },
  'rule.related-party.not-in-roster': { zh: '村干部名册中没有该村', en: 'the roster has no officers of this village' },
  'rule.related-party.setting.relatives': { zh: '亲属名单：村/姓名/关系、姓名/关系或姓名，如 赵湾村/赵小某/赵某某之子', en: 'Relatives: village/name/relation, name/relation or name, e.g. 赵湾村/赵小某/赵某某之子' },
  'rule.related-party.setting.exemptWords': { zh: '排除词：干部报酬、误工补贴、差旅费及借支类科目', en: 'Exclusions: officers’ pay, allowances, travel and advance accounts' },

  // 验收前支付工程款
  'rule.paid-before-acceptance.title': { zh: '验收前支付工程款', en: 'Paid before acceptance' },
  'rule.paid-before-acceptance.policy': { zh: '工程未经验收合格，累计付款不得超过合同金额的规定比例（默认 70%），余款待验收、结算后支付（《建设工程价款结算暂行办法》）。', en: 'Before a project is accepted, payments may not exceed a set share of the contract (default 70%); the rest waits for acceptance and settlement (Interim Measures on Settling Construction Costs).' },
  'rule.paid-before-acceptance.detects': { zh: '项目文件中有验收日期的项目，验收日之前已付（按工程款超付的口径计）超过合同金额 × 比例的部分。', en: 'For each project in the project file with an acceptance date: what was paid before that day (counted as for project overpayment) beyond contract × share.' },
  'rule.paid-before-acceptance.why': { zh: '验收前全额付款，施工方就失去了按质按量完工的约束，工程缩水、质量问题往往难以追回（来源文章的裕民路即验收后才发现短少）。', en: 'Paid in full before acceptance, a contractor has no reason left to finish to standard; shortfalls and defects are then hard to recover (the source article’s 裕民路 shortfall was found only after acceptance).' },
  'rule.paid-before-acceptance.blind': { zh: '项目文件没有验收日期的（按未检查提示）；付款未记项目编号的；验收日期事后补填、早于实际验收的。', en: 'Projects without an acceptance date (reported as not checked); payments booked without the project code; acceptance dates filled in afterwards, earlier than the real acceptance.' },
  'rule.paid-before-acceptance.reason': { zh: '{code} {name}：验收（{accepted}）前已付 {count} 笔共 {paid}，超过合同金额 {contract} 的 {share}%（{allowed}）{excess}', en: '{code} {name}: before acceptance ({accepted}) {count} payments totalled {paid}, {excess} above {share}% of the contract {contract} ({allowed})' },
  'rule.paid-before-acceptance.no-projects': { zh: '未导入项目文件（合同、验收日期），验收前支付工程款未检查', en: 'No project file (contracts, acceptance dates) imported; payments before acceptance were not checked' },
  'rule.paid-before-acceptance.undated': { zh: '{count} 个项目没有验收日期', en: '{count} projects have no acceptance date' },
  'rule.paid-before-acceptance.undated-notice': { zh: '{count} 个项目没有验收日期，未检查其验收前付款', en: '{count} projects have no acceptance date: their payments before acceptance were not checked' },
  'rule.paid-before-acceptance.setting.sharePercent': { zh: '验收前可付比例（%）', en: 'Share payable before acceptance (%)' },

  // 超限额现金支付
  'rule.cash-over-limit.title': { zh: '超限额现金支付', en: 'Cash payment over the limit' },
  'rule.cash-over-limit.policy': { zh: '单笔现金支付不得超过限额（默认 5,000 元），超过的应通过银行转账（《现金管理暂行条例》，农村集体“三资”管理办法）。', en: 'No single payment in cash above the limit (default ¥5,000); larger ones go through the bank (Provisional Regulations on Cash Management; rules on village collective funds).' },
  'rule.cash-over-limit.detects': { zh: '凭证贷记库存现金（101 现金 / 库存现金）减去借记现金、再减去存入银行的部分，即以现金付出的金额，超过限额的。', en: 'A voucher whose credits to cash (101 现金 / 库存现金), less its debits to cash and less what it put into the bank, exceed the limit.' },
  'rule.cash-over-limit.why': { zh: '《现金管理暂行条例》限定现金使用范围和结算起点，各地“三资”管理规定大额支出须转账；大额现金支付去向难查，是坐支、私分的常见渠道。', en: 'Cash regulations limit what cash may pay for, and local rules require large payments by transfer; large cash payments leave no trail and are a common channel for spending receipts directly or sharing money out.' },
  'rule.cash-over-limit.blind': { zh: '大额支出拆成几张凭证以现金支付的（见“临界金额”）；实际以现金支付却记作银行付款的。', en: 'A large payment split over several cash vouchers (see threshold-avoidance); cash paid out but booked as a bank payment.' },
  'rule.cash-over-limit.reason': { zh: '{date} 凭证 {voucher} 以现金支付 {amount}，超过现金支付限额 {limit}', en: 'Voucher {voucher} of {date} paid {amount} in cash, above the cash limit of {limit}' },
  'rule.cash-over-limit.setting.limitFen': { zh: '现金支付限额（元）：超过即为疑点', en: 'Cash limit (yuan): a payment above it is flagged' },

  // 现金余额异常
  'rule.cash-balance.title': { zh: '现金余额异常', en: 'Cash balance out of bounds' },
  'rule.cash-balance.policy': { zh: '库存现金不得出现负数（白条抵库、坐支），月末余额不得超过核定限额（默认 5,000 元），超出部分应及时存入银行（《现金管理暂行条例》第十一条）。', en: 'Cash on hand may never be negative (notes in place of cash, spending receipts directly) nor above the approved limit at a month’s end (default ¥5,000); the excess goes to the bank (Cash Management Regulations art. 11).' },
  'rule.cash-balance.detects': { zh: '按村（核算单位）把库存现金科目的借方、贷方按日期累计：某日终了余额为负数的（一段连续为负算一条），或月末余额超过限额的（连续几个月算一条）。期初余额未导入，按 0 计（可在设置中给出）。', en: 'Per village’s books, cash-on-hand debits and credits added up by date: a day ending with a negative balance (one finding per spell), or a month ending above the limit (one per run of months). Opening balances are not imported and count as 0 unless given in the settings.' },
  'rule.cash-balance.why': { zh: '账面现金为负说明付出的钱在账上从未收到——白条抵库或收入未入账就直接坐支；长期大额库存现金则有挪用、私存风险。', en: 'Negative cash means money paid out that the books never received: notes held in place of cash, or receipts spent without being booked; large cash kept on hand for long invites misuse.' },
  'rule.cash-balance.blind': { zh: '期初余额不是 0 而未在设置中给出的（早期月份可能误报为负）；现金日记账另行登记、总账只按月汇总的；同日先付后收的（按日终余额判断）。', en: 'An opening balance other than 0 not given in the settings (early months may show negative); cash journals kept apart with monthly totals in the ledger; paid and received on one day (judged at the day’s end).' },
  'rule.cash-balance.negative': { zh: '{books}库存现金自 {start} 起为负数，最低 {low}（{lowDate}），至 {end} 转正；期初按 {opening} 计', en: '{books}: cash on hand negative from {start}, lowest −{low} ({lowDate}), positive again on {end}; opening balance taken as {opening}' },
  'rule.cash-balance.negative-open': { zh: '{books}库存现金自 {start} 起为负数，最低 {low}（{lowDate}），至账末仍为负数；期初按 {opening} 计', en: '{books}: cash on hand negative from {start}, lowest −{low} ({lowDate}), still negative at the end of the books; opening balance taken as {opening}' },
  'rule.cash-balance.over': { zh: '{books}库存现金月末余额 {from} 至 {to} 超过限额 {limit}，最高 {peak}（{peakMonth} 月末），超出 {excess}；期初按 {opening} 计', en: '{books}: cash on hand above the limit of {limit} at month end from {from} to {to}, highest {peak} (end of {peakMonth}), {excess} over; opening balance taken as {opening}' },
  'rule.cash-balance.over-one': { zh: '{books}库存现金 {peakMonth} 月末余额 {peak}，超过限额 {limit}，超出 {excess}；期初按 {opening} 计', en: '{books}: cash on hand {peak} at the end of {peakMonth}, above the limit of {limit} by {excess}; opening balance taken as {opening}' },
  'rule.cash-balance.setting.limitFen': { zh: '库存现金限额（元）：月末超过即为疑点', en: 'Cash limit (yuan): a month ending above it is flagged' },
  'rule.cash-balance.setting.openingBalances': { zh: '期初余额：村=元 或 乡镇/村=元，如 赵湾村=1200.00', en: 'Opening balances: village=yuan or township/village=yuan, e.g. 赵湾村=1200.00' },
  'rule.cash-balance.setting.maxVouchers': { zh: '每条疑点列出的凭证数上限', en: 'How many vouchers a finding lists' },

  // 村干部借款/欠款长期未还
  'rule.officer-receivable.title': { zh: '个人借款长期未还', en: 'Advance to a person long unpaid' },
  'rule.officer-receivable.policy': { zh: '集体资金不得借给个人使用；因公借支应及时报账或归还，超过期限（默认 180 天）未还的应清收，村干部借款尤应重点清理（农村集体经济组织财务制度）。', en: 'Collective money may not be lent to individuals; advances for work are to be accounted for or repaid promptly, and those open beyond the limit (default 180 days) recovered, officers’ first (rules on village collective finances).' },
  'rule.officer-receivable.detects': { zh: '借记应收款、内部往来、备用金等科目、对方是个人（对方单位或明细科目为人名，或在村干部名册中）的借支，按先借先还冲抵归还后，截至账末（或设置的日期）超过天数仍未还清的部分。名册中的本村干部标明职务。', en: 'Advances debited to receivables (应收款, 内部往来, 备用金 …) whose counterparty or sub-account is a person (named like one, or on the roster), repayments set against the oldest first: what is still open more than the set days before the end of the books (or the set date). Officers of the village on the roster are named with their post.' },
  'rule.officer-receivable.why': { zh: '村干部借用集体资金长期不还，实为挪用；个人欠款挂账多年，集体资产流失（巡察常见问题“村干部借款长期挂账”）。', en: 'Officers borrowing collective money and not repaying it is misappropriation in all but name; personal debts carried for years are assets lost (“officers’ loans carried for years” is a stock inspection finding).' },
  'rule.officer-receivable.blind': { zh: '借给个人却记在单位名下的；明细科目和对方单位都没有写人名的；期初已有的欠款（期初余额未导入）。', en: 'Money lent to a person but booked to an organisation; receivables naming no person in sub-account or counterparty; debts open before the books begin (opening balances are not imported).' },
  'rule.officer-receivable.reason': { zh: '{whom}自 {since} 起借支 {count} 笔，截至 {asOf} 超过 {days} 天未还 {amount}（全部未还余额 {open}）', en: '{whom}: {count} advances since {since} still open more than {days} days on {asOf}: {amount} (all open: {open})' },
  'rule.officer-receivable.officer': { zh: '本村{post}{name}', en: 'the village’s {post} {name}' },
  'rule.officer-receivable.no-counterparty': { zh: '缺对方单位列，只能从明细科目名称识别借款人', en: 'no counterparty column: borrowers were recognised from sub-account names only' },
  'rule.officer-receivable.setting.days': { zh: '期限（天）：超过此天数未还即为疑点', en: 'Limit (days): open longer than this is flagged' },
  'rule.officer-receivable.setting.accountWords': { zh: '应收类科目名称', en: 'Receivable account names' },
  'rule.officer-receivable.setting.accountCodes': { zh: '应收类科目编码', en: 'Receivable account codes' },
  'rule.officer-receivable.setting.asOf': { zh: '截止日期（空白为各村账末日期）', en: 'As of (blank: each village’s last day in the books)' },
  'rule.officer-receivable.setting.orgWords': { zh: '单位名称用字：含这些字的借款方不是个人', en: 'Organisation words: a borrower with one of them is not a person' },
  'rule.officer-receivable.setting.minAmountFen': { zh: '最低金额（元）：未还不超过此数的不报告', en: 'Minimum amount (yuan): open balances up to this are not flagged' },

  // 不相容岗位未分离
  'rule.same-hands.title': { zh: '不相容岗位未分离', en: 'Incompatible duties in one hand' },
  'rule.same-hands.policy': { zh: '制单与审核、经办与审批等不相容职务应当分离，同一笔付款不得由一人兼任（《会计法》第二十七条，内部控制规范）。', en: 'Incompatible duties (preparing and checking, handling and approving) are kept apart: one person may not hold both on one payment (Accounting Law art. 27; internal-control standards).' },
  'rule.same-hands.detects': { zh: '在有制单人、审核人、记账人、经办人、审批人列的账中，付款凭证上设置所列的一对职务（默认制单人/审核人、经办人/审批人）为同一人。', en: 'Where the ledger has the 制单人, 审核人, 记账人, 经办人 and 审批人 columns: a paying voucher on which one person holds both duties of a pair in the settings (default preparer/checker and handler/approver).' },
  'rule.same-hands.why': { zh: '一人既制单又审核、既经办又审批，就没有第二双眼睛核对，虚假支出无人把关。', en: 'One person preparing and checking, or handling and approving, leaves no second pair of eyes: a false payment goes unchallenged.' },
  'rule.same-hands.blind': { zh: '导出文件没有这些列的（按未检查提示）；签名由他人代签、账上姓名不同的。', en: 'Exports without these columns (reported as not checked); signatures made by someone else under another name.' },
  'rule.same-hands.reason': { zh: '{date} 凭证 {voucher} 付款 {amount}，{whys}', en: 'Voucher {voucher} of {date} paid {amount}; {whys}' },
  'rule.same-hands.why.pair': { zh: '{first}与{second}同为“{person}”', en: '{first} and {second} are both “{person}”' },
  'rule.same-hands.no-columns': { zh: '{files} 缺少制单人、审核人或经办人、审批人列，其中的凭证未检查岗位分离', en: '{files}: no preparer/checker or handler/approver columns, so their vouchers were not checked for separated duties' },
  'rule.same-hands.setting.pairs': { zh: '不相容职务对：如 制单人/审核人、经办人/审批人、审核人/记账人', en: 'Incompatible pairs: e.g. 制单人/审核人, 经办人/审批人, 审核人/记账人' },

  // 借贷不平
  'rule.unbalanced-voucher.title': { zh: '借贷不平', en: 'Unbalanced voucher' },
  'rule.unbalanced-voucher.policy': { zh: '每张记账凭证借方合计必须等于贷方合计（有借必有贷，借贷必相等；《会计基础工作规范》）。', en: 'Every voucher’s debits equal its credits (Basic Accounting Work Standards).' },
  'rule.unbalanced-voucher.detects': { zh: '借方合计与贷方合计不相等的凭证（同一凭证分在几个文件中的合并计算）。一个村大多数凭证只有一方的（现金日记账等单一科目账），不逐张报告，只提示。', en: 'A voucher whose debits and credits differ (the lines of one voucher in several files added up together). Where most of a village’s vouchers have one side only (a cash journal or another one-account book), it says so instead of flagging each.' },
  'rule.unbalanced-voucher.why': { zh: '借贷不平说明凭证漏记、错记或有账外调整，可能掩盖挪用；也会让其他规则算出的金额失真。', en: 'An unbalanced voucher means lines left out, mis-keyed or adjusted off the books, which can hide misappropriation, and skews the amounts other rules compute.' },
  'rule.unbalanced-voucher.blind': { zh: '导出时被过滤掉的行（只导出部分科目）；两处错误恰好相互抵消的。', en: 'Lines the export filtered out (some accounts only); two errors that cancel out.' },
  'rule.unbalanced-voucher.reason': { zh: '凭证 {voucher} 借方合计 {debit}，贷方合计 {credit}，相差 {diff}', en: 'Voucher {voucher}: debits {debit}, credits {credit}, a difference of {diff}' },
  'rule.unbalanced-voucher.journal': { zh: '{village} {total} 张凭证中 {off} 张只有借方或贷方，像是单一科目的日记账，借贷不平未逐张检查', en: '{village}: {off} of {total} vouchers have one side only, like a journal of one account, so they were not checked one by one' },
  'rule.unbalanced-voucher.setting.toleranceFen': { zh: '容差（元）：相差不超过此数视为尾差', en: 'Tolerance (yuan): a difference up to this is rounding' },

  // 凭证断号/重号
  'rule.voucher-gap.title': { zh: '凭证断号/重号', en: 'Voucher numbering gaps' },
  'rule.voucher-gap.policy': { zh: '记账凭证应按年或按月连续编号，不得缺号、重号，日期应与编号顺序一致（《会计基础工作规范》第五十一条）。', en: 'Vouchers are numbered consecutively by year or month, none missing or used twice, dates in the order of the numbers (Basic Accounting Work Standards art. 51).' },
  'rule.voucher-gap.detects': { zh: '按村（核算单位）、年度和凭证字（按月重新编号的按月）检查：缺少的凭证号，一个号用于两张内容不同的凭证，凭证号在后日期却早于前一号的。每个序列每类问题一条疑点，列出号码；属数据质量疑点，不计金额。', en: 'Per village (books), year and voucher word (and month, where numbering restarts monthly): numbers missing, a number used for two different vouchers, a voucher dated before the number before it. One finding per series and kind, naming the numbers; a data-quality finding with no amount.' },
  'rule.voucher-gap.why': { zh: '断号可能是凭证被抽走或销毁，重号和日期倒序可能是事后补记、篡改，巡察中“账目混乱”的直接证据。', en: 'A missing number can be a voucher removed or destroyed, a repeat or a misdated voucher an entry added or altered later: direct evidence of the “disordered books” inspections report.' },
  'rule.voucher-gap.blind': { zh: '导出范围以外的号码（导出从年中开始时，第一号之前不算缺号；最后一号之后的缺号看不出）；按规定作废留号而未导出的凭证会显示为缺号。', en: 'Numbers outside the export (when it starts mid-year, those before its first are not counted; those after its last cannot be seen); voided vouchers whose numbers are kept but not exported show as missing.' },
  'rule.voucher-gap.series': { zh: '{year}年{word}字', en: '{word} vouchers of {year}' },
  'rule.voucher-gap.series-plain': { zh: '{year}年', en: 'vouchers of {year}' },
  'rule.voucher-gap.series-month': { zh: '{year}年{month}月{word}字', en: '{word} vouchers of {year}-{month}' },
  'rule.voucher-gap.series-month-plain': { zh: '{year}年{month}月', en: 'vouchers of {year}-{month}' },
  'rule.voucher-gap.missing': { zh: '{series}凭证缺号 {numbers}，共 {count} 个（来源为缺号前后的凭证）', en: '{series}: numbers {numbers} missing, {count} in all (the sources are the vouchers either side)' },
  'rule.voucher-gap.repeated': { zh: '{series}凭证号重复使用：{items}，共 {count} 个号', en: '{series}: numbers used for more than one voucher: {items}; {count} in all' },
  'rule.voucher-gap.repeat-item': { zh: '{voucher}（{dates}）', en: '{voucher} ({dates})' },
  'rule.voucher-gap.order': { zh: '{series}凭证号与日期顺序不符：{items}，共 {count} 张', en: '{series}: numbers out of date order: {items}; {count} in all' },
  'rule.voucher-gap.order-item': { zh: '{voucher}（{date}）早于前一号 {prev}（{prevDate}）', en: '{voucher} ({date}) is dated before the number before it, {prev} ({prevDate})' },
  'rule.voucher-gap.setting.listLimit': { zh: '每条疑点列出的号码数上限（总数照计）', en: 'How many numbers a finding names (the count is always complete)' },

  // 首位数字分布异常（本福特定律）
  'rule.benford.title': { zh: '首位数字分布异常', en: 'Benford first-digit test' },
  'rule.benford.policy': { zh: '自然发生的付款金额首位数字服从本福特定律；明显偏离（平均绝对偏差超过 0.015，Nigrini 标准）提示金额可能被编造或集中在某些数值，应抽查。', en: 'First digits of amounts that arise naturally follow Benford’s law; a clear departure (mean absolute deviation above 0.015, Nigrini’s threshold) suggests invented or clustered amounts, to be sampled.' },
  'rule.benford.detects': { zh: '每个付款笔数达到最低样本（默认 300 笔，10 元以上）的村，统计付款金额首位数字 1–9 的比例，与本福特定律比较平均绝对偏差；超过限值的村报告一条疑点，列出偏多的数字及其付款（金额最大的若干笔）。不足最低样本的村不检验并说明。', en: 'For each village with at least the minimum sample of payments (default 300, from ¥10), the shares of first digits 1–9 against Benford’s law by mean absolute deviation; a village above the limit gets one finding naming the digits paid too often and their payments (the largest). Villages below the minimum are not tested, and it says so.' },
  'rule.benford.why': { zh: '编造的金额往往集中在某些数字（如总是略低于审批限额的 4、9 开头），首位数字检验是 IDEA、ACL 等审计软件的标准分析，用来确定抽查重点。', en: 'Invented amounts cluster on some digits (say 4s and 9s just under approval tiers); the first-digit test is a standard analysis of audit software such as IDEA and ACL, used to decide where to sample.' },
  'rule.benford.blind': { zh: '样本太小的村；金额本就固定的支出（工资、补助标准）会使分布偏离但并非造假；单笔造假淹没在大量真实付款中的。', en: 'Villages with too few payments; fixed amounts by design (pay scales, subsidy rates) skew the distribution without fraud; a few invented payments among many real ones.' },
  'rule.benford.reason': { zh: '{village} {count} 笔付款的首位数字偏离本福特定律：平均绝对偏差 {mad}（限值 {limit}，{conformity}）；首位为 {digits} 的付款偏多（{detail}）；来源列出其中金额最大的 {listed} 笔（共 {of} 笔）', en: '{village}: first digits of {count} payments depart from Benford’s law: mean absolute deviation {mad} (limit {limit}, {conformity}); too many payments start with {digits} ({detail}); the sources are the largest {listed} of those {of}' },
  'rule.benford.digit': { zh: '{digit}：{count} 笔，占 {observed}%，应为 {expected}%', en: '{digit}: {count} payments, {observed}% against {expected}%' },
  'rule.benford.conformity.close': { zh: '高度符合', en: 'close conformity' },
  'rule.benford.conformity.acceptable': { zh: '基本符合', en: 'acceptable conformity' },
  'rule.benford.conformity.marginal': { zh: '勉强符合', en: 'marginally acceptable' },
  'rule.benford.conformity.nonconformity': { zh: '不符合', en: 'nonconformity' },
  'rule.benford.small': { zh: '付款 {count} 笔，少于最低样本 {min} 笔，未检验', en: '{count} payments, fewer than the minimum sample of {min}: not tested' },
  'rule.benford.small-notice': { zh: '{count} 个村付款笔数少于 {min} 笔，首位数字分布未检验', en: '{count} villages have fewer than {min} payments: their first digits were not tested' },
  'rule.benford.setting.minPayments': { zh: '最低样本（笔）：付款少于此数的村不检验', en: 'Minimum sample (payments): villages with fewer are not tested' },
  'rule.benford.setting.minAmountFen': { zh: '最低金额（元）：小于此数的付款不计入', en: 'Minimum amount (yuan): smaller payments are left out' },
  'rule.benford.setting.madLimit': { zh: '平均绝对偏差限值（Nigrini：0.006 高度符合，0.012 基本符合，0.015 勉强符合）', en: 'Mean absolute deviation limit (Nigrini: 0.006 close, 0.012 acceptable, 0.015 marginal)' },
  'rule.benford.setting.maxVouchers': { zh: '来源中列出的付款笔数上限（金额最大的优先）', en: 'How many payments the sources list (the largest first)' },

  // the risk ranking (ranking.json says how its scores are made)
  'rule.ranking.formula': {
    zh: '评分 = Σ 各规则 权重 × ( log2(1 + 疑点数) + min(100, 100 × 涉及金额 ÷ 本村付款总额) )；已排除的疑点不计；乡镇按其各村合计计算；覆盖：各规则能否检查该村',
    en: 'score = Σ over rules weight × ( log2(1 + findings) + min(100, 100 × amount at issue ÷ the village’s payments) ); dismissed findings count for nothing; a township is scored on its villages together; coverage: which rules could check the village',
  },

  // what the new rules say in common
  'rule.list-more': { zh: '{list}等', en: '{list} and more' },
  'rule.off': { zh: '{title}已在设置中关闭，本次未检查', en: '{title} is switched off in the settings and was not run' },
  'rule.setting.on': { zh: '开', en: 'on' },
  'rule.setting.off': { zh: '关', en: 'off' },
  'rule.needs.projects': { zh: '项目文件', en: 'project file' },
  'rule.needs.cadres': { zh: '村干部名册', en: 'officers’ roster' },
  'rule.needs.ledger': { zh: '只需账簿', en: 'the ledger only' },
  'rule.gap.no-column': { zh: '缺{column}列', en: 'no column for {column}' },

  // what several rules say
  'rule.why.summary': { zh: '摘要含“{word}”', en: 'summary contains “{word}”' },
  /** A voucher whose number repeats in other months of its year (numbering restarts monthly). */
  'rule.voucher.monthly': { zh: '{month}月 {voucher}', en: '{voucher} of month {month}' },
  'rule.voucher.entity': { zh: '{entity} {voucher}', en: '{voucher} ({entity})' },
} as const;
