// Each rule on small ledgers written to a temp dir and imported through AuditService: the planted
// positives are found with the right amount, and the look-alikes around them are not.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding, RuleNotice } from '../../shared/contract';
import type { AuditService } from '../../shared/service';
import { csvText, LEDGER_HEADER, ledgerCsv, openTempService, payment, type LineSpec } from '../helpers';

const PROJECT_HEADER = ['项目编号', '乡镇', '村', '项目名称', '施工单位', '合同金额', '合同工程量', '计量单位', '验收工程量', '实测工程量', '验收日期'];

let open: AuditService[] = [];
afterEach(async () => {
  for (const s of open) await s.closeWorkspace();
  open = [];
});

interface AuditOut {
  findings: Finding[];
  notices: RuleNotice[];
  service: AuditService;
  of: (rule: string) => Finding[];
  byVoucher: (rule: string, voucher: string) => Finding | undefined;
}

async function audit(opts: { ledger?: string; projects?: string[][]; settings?: Record<string, Record<string, unknown>> }): Promise<AuditOut> {
  const { service, dir } = await openTempService();
  open.push(service);
  for (const [rule, settings] of Object.entries(opts.settings ?? {})) await service.saveRuleSettings({ rule, settings });
  const files = [];
  if (opts.ledger !== undefined) {
    writeFileSync(join(dir, 'ledger.csv'), opts.ledger);
    files.push({ path: join(dir, 'ledger.csv'), kind: 'ledger' as const });
  }
  if (opts.projects) {
    writeFileSync(join(dir, 'projects.csv'), csvText([PROJECT_HEADER, ...opts.projects]));
    files.push({ path: join(dir, 'projects.csv'), kind: 'projects' as const });
  }
  const r = await service.importBatch(files);
  if (!r.ok) throw new Error(JSON.stringify(r.results.at(-1), null, 2));
  const run = await service.runRules();
  const findings = (await service.listFindings({ limit: 1000 })).rows;
  const of = (rule: string): Finding[] => findings.filter((f) => f.rule === rule);
  return { findings, notices: run.notices, service, of, byVoucher: (rule, v) => of(rule).find((f) => f.vouchers.includes(v)) };
}

describe('unreceipted (白条入账)', () => {
  const lines: LineSpec[] = [
    // Positives
    ...payment({ date: '2018-03-05', voucher: '记-1', summary: '付村部修缮款', name: '管理费用-修缮费', amount: '1,200.00', att: 0 }),
    ...payment({ date: '2018-03-06', voucher: '记-2', summary: '付张三白条', name: '管理费用-办公费', amount: '300.00', att: 2 }),
    ...payment({ date: '2018-03-07', voucher: '记-3', summary: '付挖机费', name: '管理费用', amount: '800.00', att: 1, receipt: '收条' }),
    ...payment({ date: '2018-03-08', voucher: '记-4', summary: '付李四欠条款', name: '管理费用', amount: '50.00', att: 1 }),
    ...payment({ date: '2018-03-09', voucher: '记-5', summary: '付临时工打条工资', name: '管理费用', amount: '60.00', att: 1, cash: ['1001', '库存现金'] }),
    // One voucher paying two expenses: the amount is what the voucher paid out.
    { date: '2018-03-10', voucher: '记-6', summary: '付材料款', code: '541', name: '管理费用', debit: '100.00', att: 0 },
    { date: '2018-03-10', voucher: '记-6', summary: '付运费', code: '541', name: '管理费用', debit: '23.45', att: 0 },
    { date: '2018-03-10', voucher: '记-6', summary: '付材料款', code: '101', name: '现金', credit: '123.45', att: 0 },
    // Look-alikes: pay nothing out, or have a proper document
    { date: '2018-12-31', voucher: '记-90', summary: '计提固定资产折旧', code: '541', name: '管理费用', debit: '5,000.00', att: 0 },
    { date: '2018-12-31', voucher: '记-90', summary: '计提固定资产折旧', code: '152', name: '累计折旧', credit: '5,000.00', att: 0 },
    { date: '2018-12-31', voucher: '记-91', summary: '结转本年收益', code: '501', name: '经营收入', debit: '9,000.00', att: 0 },
    { date: '2018-12-31', voucher: '记-91', summary: '结转本年收益', code: '321', name: '本年收益', credit: '9,000.00', att: 0 },
    { date: '2018-04-01', voucher: '记-92', summary: '收到转移支付补助', code: '102', name: '银行存款', debit: '20,000.00', att: 0 },
    { date: '2018-04-01', voucher: '记-92', summary: '收到转移支付补助', code: '522', name: '补助收入', credit: '20,000.00', att: 0 },
    { date: '2018-04-02', voucher: '记-93', summary: '提取备用金', code: '101', name: '现金', debit: '2,000.00', att: 0 },
    { date: '2018-04-02', voucher: '记-93', summary: '提取备用金', code: '102', name: '银行存款', credit: '2,000.00', att: 0 },
    ...payment({ date: '2018-04-03', voucher: '记-94', summary: '付打条幅制作费', name: '管理费用', amount: '150.00', att: 1 }),
    ...payment({ date: '2018-04-04', voucher: '记-95', summary: '付村部电费', name: '管理费用-水电费', amount: '445.00', att: 1 }),
    // A note received (a receipt into the bank) is not a payment either
    { date: '2018-04-05', voucher: '记-96', summary: '收回王五欠条款', code: '102', name: '银行存款', debit: '700.00', att: 0 },
    { date: '2018-04-05', voucher: '记-96', summary: '收回王五欠条款', code: '113', name: '应收款', credit: '700.00', att: 0 },
  ];

  it('flags payments with no attachment or with a note, for what they paid out', async () => {
    const a = await audit({ ledger: ledgerCsv(lines) });
    const found = a.of('unreceipted').map((f) => [f.vouchers.join(), f.amount]).sort();
    expect(found).toEqual([
      ['记-1', '1200.00'], ['记-2', '300.00'], ['记-3', '800.00'], ['记-4', '50.00'], ['记-5', '60.00'], ['记-6', '123.45'],
    ]);
    expect(a.byVoucher('unreceipted', '记-1')?.reason).toContain('附件张数为 0');
    expect(a.byVoucher('unreceipted', '记-2')?.reason).toContain('摘要含“白条”');
    expect(a.byVoucher('unreceipted', '记-3')?.reason).toContain('票据类型为“收条”');
    expect(a.byVoucher('unreceipted', '记-4')?.reason).toContain('欠条');
    expect(a.byVoucher('unreceipted', '记-5')?.reason).toContain('打条');
    const f1 = a.byVoucher('unreceipted', '记-1');
    expect(f1).toMatchObject({ township: '石板冲乡', village: '赵湾村', date: '2018-03-05', project: null });
    expect(f1?.sources.map((s) => [s.file, s.line])).toEqual([['ledger.csv', 2], ['ledger.csv', 3]]);
    expect(a.notices.filter((n) => n.rule === 'unreceipted')).toEqual([]);
  });

  it('a file without an attachment column gets a notice, not findings', async () => {
    const header = LEDGER_HEADER.filter((h) => h !== '附件张数');
    const rows = lines.map((l) => {
      const cells = [l.township ?? '石板冲乡', l.village ?? '赵湾村', l.date, l.voucher, l.summary, l.code, l.name, l.debit ?? '', l.credit ?? '', l.receipt ?? '发票', '', ''];
      return cells;
    });
    const a = await audit({ ledger: csvText([header, ...rows]) });
    expect(a.of('unreceipted')).toEqual([]);
    const notices = a.notices.filter((n) => n.rule === 'unreceipted');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.file).toBe('ledger.csv');
    expect(notices[0]?.message).toContain('附件张数');
  });

  it('tells apart vouchers whose numbers restart every month, and keeps yearly-numbered fingerprints', async () => {
    // 用友 and 金蝶 number vouchers per month by default: March's 记-1 and April's 记-1 are two
    // vouchers. Keyed by year alone they would merge, and April's receipt would hide March's gap.
    const monthly = [
      ...payment({ date: '2018-03-05', voucher: '记-1', summary: '付村部修缮款', name: '管理费用-修缮费', amount: '1,200.00', att: 0 }),
      ...payment({ date: '2018-04-02', voucher: '记-1', summary: '付村部电费', name: '管理费用-水电费', amount: '445.00', att: 2 }),
      ...payment({ date: '2018-05-07', voucher: '记-1', summary: '付张三白条', name: '管理费用-办公费', amount: '300.00', att: 1 }),
      ...payment({ date: '2018-05-09', voucher: '记-2', summary: '付挖机费', name: '管理费用', amount: '800.00', att: 0 }),
    ];
    const a = await audit({ ledger: ledgerCsv(monthly) });
    const found = a.of('unreceipted').map((f) => [f.date, f.vouchers.join(), f.amount, f.sources.map((x) => x.line).join()]).sort();
    expect(found).toEqual([
      ['2018-03-05', '记-1', '1200.00', '2,3'],
      ['2018-05-07', '记-1', '300.00', '6,7'],
      ['2018-05-09', '记-2', '800.00', '8,9'],
    ]);
    // Two findings on 记-1 of different months are two fingerprints; 记-2, whose number is used
    // once that year, keeps the fingerprint a yearly key gives it.
    expect(a.of('unreceipted').find((f) => f.date === '2018-03-05')?.reason).toContain('凭证 3月 记-1 付出 ¥1,200.00');
    expect(a.byVoucher('unreceipted', '记-2')?.reason).toContain('凭证 记-2 付出');
    const ids = a.of('unreceipted').map((f) => f.id);
    expect(new Set(ids).size).toBe(3);
    const yearly = await audit({ ledger: ledgerCsv(payment({ date: '2018-05-09', voucher: '记-2', summary: '付挖机费', name: '管理费用', amount: '800.00', att: 0 })) });
    expect(yearly.byVoucher('unreceipted', '记-2')?.id).toBe(a.byVoucher('unreceipted', '记-2')?.id);
  });

  it('reads a voucher whose lines are not next to each other, and the same again from the stored blocks after a reopen', async () => {
    const [d1, c1] = payment({ date: '2018-06-01', voucher: '记-8', summary: '付修路款', name: '管理费用', amount: '900.00', att: 0 });
    const other = payment({ date: '2018-06-01', voucher: '记-9', summary: '付电费', name: '管理费用-水电费', amount: '90.00', att: 1 });
    const a = await audit({ ledger: ledgerCsv([d1!, ...other, c1!]) });
    const f = a.byVoucher('unreceipted', '记-8')!;
    expect([f.amount, f.sources.map((s) => s.line)]).toEqual(['900.00', [2, 5]]);
    // Reopened: the ledger read back from its blocks (a fresh snapshot), not the one the import left in memory.
    const path = (await a.service.workspaceInfo())!.path;
    await a.service.closeWorkspace();
    await a.service.openWorkspace({ path });
    await a.service.runRules();
    const again = (await a.service.listFindings({ limit: 100 })).rows.find((x) => x.vouchers.includes('记-8'))!;
    expect([again.id, again.amount, again.sources.map((s) => s.line)]).toEqual([f.id, '900.00', [2, 5]]);
  });

  it('never flags a voucher twice when it has both a note and no attachment', async () => {
    const a = await audit({ ledger: ledgerCsv(payment({ date: '2018-05-01', voucher: '记-7', summary: '付白条', name: '管理费用', amount: '10.00', att: 0 })) });
    expect(a.of('unreceipted')).toHaveLength(1);
    expect(a.of('unreceipted')[0]?.reason).toMatch(/附件张数为 0.*白条/);
  });
});

describe('banned-hospitality (村级招待费)', () => {
  const p = (voucher: string, date: string, summary: string, name = '管理费用-办公费', amount = '500.00', counterparty = ''): LineSpec[] =>
    payment({ date, voucher, summary, name, amount, counterparty });
  const lines: LineSpec[] = [
    // The ban date boundary (default 2017-02-01)
    ...p('记-1', '2017-01-31', '宴请检查组'),
    ...p('记-2', '2017-02-01', '宴请检查组'),
    // Accounts
    ...p('记-3', '2018-03-01', '付款', '管理费用-招待费', '880.00'),
    ...p('记-4', '2018-03-02', '付款', '接待费', '120.00'),
    // Keywords in the summary
    ...p('记-5', '2018-03-03', '村干部用餐'),
    ...p('记-6', '2018-03-04', '购烟酒'),
    ...p('记-7', '2018-03-05', '购香烟两条'),
    ...p('记-8', '2018-03-06', '购白酒'),
    ...p('记-9', '2018-03-07', '购土特产'),
    ...p('记-10', '2018-03-08', '春节送礼'),
    // Venues, in the summary or as the counterparty
    ...p('记-11', '2018-03-09', '付聚贤酒楼餐费'),
    ...p('记-12', '2018-03-10', '付饭店费用'),
    ...p('记-13', '2018-03-11', '付款', '管理费用-会议费', '360.00', '山里人家农家乐'),
    // Look-alikes
    ...p('记-20', '2018-04-01', '购酒精消毒液', '管理费用-办公费', '90.00'),
    ...p('记-21', '2018-04-02', '发放五保户伙食费', '公益支出', '1,500.00'),
    ...p('记-22', '2018-04-03', '餐饮街排水沟维修', '公益支出', '6,000.00'),
    ...p('记-23', '2018-04-04', '出差住宿费（锦江酒店）', '管理费用-差旅费', '380.00'),
    ...p('记-24', '2018-04-05', '差旅费', '管理费用-差旅费', '260.00', '如家酒店'),
    ...p('记-25', '2018-04-06', '接待室空调维修', '管理费用-修缮费', '700.00'),
    ...p('记-26', '2018-04-07', '出差住宿费（县委招待所）', '管理费用-差旅费', '180.00'),
    // ...but a meal at the guesthouse is hospitality
    ...p('记-14', '2018-04-08', '县委招待所餐费', '管理费用-会议费', '420.00'),
  ];
  // One voucher: a banquet and office supplies paid together; the amount is the banquet alone.
  const mixed: LineSpec[] = [
    { date: '2018-05-01', voucher: '记-30', summary: '宴请', code: '541', name: '管理费用-会议费', debit: '640.00' },
    { date: '2018-05-01', voucher: '记-30', summary: '购办公用品', code: '541', name: '管理费用-办公费', debit: '200.00' },
    { date: '2018-05-01', voucher: '记-30', summary: '付款', code: '102', name: '银行存款', credit: '840.00' },
  ];

  it('flags hospitality after the ban, and not the look-alikes', async () => {
    const a = await audit({ ledger: ledgerCsv([...lines, ...mixed]) });
    const found = a.of('banned-hospitality').map((f) => f.vouchers.join()).sort((x, y) => Number(x.slice(2)) - Number(y.slice(2)));
    expect(found).toEqual(['记-2', '记-3', '记-4', '记-5', '记-6', '记-7', '记-8', '记-9', '记-10', '记-11', '记-12', '记-13', '记-14', '记-30']);
    expect(a.byVoucher('banned-hospitality', '记-2')).toMatchObject({ date: '2017-02-01', amount: '500.00' });
    expect(a.byVoucher('banned-hospitality', '记-3')?.reason).toContain('管理费用-招待费');
    expect(a.byVoucher('banned-hospitality', '记-5')?.reason).toContain('用餐');
    expect(a.byVoucher('banned-hospitality', '记-13')?.reason).toContain('农家乐');
    expect(a.byVoucher('banned-hospitality', '记-30')?.amount).toBe('640.00');
  });

  it('follows the ban date in the settings', async () => {
    const a = await audit({ ledger: ledgerCsv([...lines, ...mixed]), settings: { 'banned-hospitality': { banDate: '2018-03-05' } } });
    const found = a.of('banned-hospitality').map((f) => f.vouchers.join());
    expect(found).not.toContain('记-2');
    expect(found).not.toContain('记-6');
    expect(found).toContain('记-7');
    expect(found).toContain('记-30');
    const early = await audit({ ledger: ledgerCsv(lines), settings: { 'banned-hospitality': { banDate: '2016-01-01' } } });
    expect(early.of('banned-hospitality').map((f) => f.vouchers.join())).toContain('记-1');
  });

  it('rejects a malformed ban date setting', async () => {
    const { service } = await openTempService();
    open.push(service);
    await expect(service.saveRuleSettings({ rule: 'banned-hospitality', settings: { banDate: '2017/2/1' } })).rejects.toThrow();
  });
});

describe('payment-exceeds-acceptance (工程款超付)', () => {
  // Pays `amount` to a project from the bank: debit 在建工程 with the project code, credit 银行存款.
  const pay = (voucher: string, date: string, project: string, amount: string): LineSpec[] =>
    payment({ date, voucher, summary: `付${project}工程款`, code: '153', name: '在建工程', amount, project });
  const proj = (code: string, name: string, contract: string, qty: string, accepted: string, measured: string): string[] =>
    [code, '石板冲乡', '赵湾村', name, '通达路桥公司', contract, qty, '米', accepted, measured, '2017-11-18'];

  const projects = [
    proj('P-MEAS', '裕民路', '462,000.00', '2000', '2000', '1800'), // measured < accepted
    proj('P-ACC', '排水沟', '150,000.00', '1200', '1000', ''), // accepted < contracted, not measured
    proj('P-OK', '路灯', '120,000.00', '60', '60', ''), // paid the contract: fine
    proj('P-EXACT', '便民桥', '462,000.00', '2000', '2000', '1800'), // paid exactly what the measurement is worth
    proj('P-ACCR', '水塘', '80,000.00', '5000', '5000', '4000'), // an accrual for the full contract, paid what is payable
    proj('P-HALF', '护栏', '1,000.01', '2', '2', '1'), // payable 500.005 -> 500.01 (half up)
    proj('P-HALF2', '护栏二', '1,000.01', '2', '2', '1'),
    proj('P-OVER', '村道', '462,000.00', '2000', '2100', ''), // accepted more than contracted: never above the contract
    proj('P-PART', '塘坝', '80,000.00', '100', '100', '60'), // one voucher pays half in cash and accrues the rest
    proj('P-BANK', '文化广场', '200,000.00', '1000', '1000', '900'), // the project code only on the bank line
    proj('P-NAME', '桥头路', '100,000.00', '500', '500', '450'), // the ledger names the project instead of its code
  ];
  const ledger: LineSpec[] = [
    ...pay('记-1', '2017-12-01', 'P-MEAS', '231,000.00'),
    ...pay('记-2', '2018-01-10', 'P-MEAS', '231,000.00'),
    ...pay('记-3', '2018-01-11', 'P-ACC', '150,000.00'),
    ...pay('记-4', '2018-01-12', 'P-OK', '120,000.00'),
    ...pay('记-5', '2018-01-13', 'P-EXACT', '415,800.00'),
    { date: '2018-01-14', voucher: '记-6', summary: '确认水塘应付工程款', code: '153', name: '在建工程', debit: '80,000.00', project: 'P-ACCR' },
    { date: '2018-01-14', voucher: '记-6', summary: '确认水塘应付工程款', code: '202', name: '应付款', credit: '80,000.00', project: 'P-ACCR' },
    { date: '2018-01-15', voucher: '记-7', summary: '付水塘工程款', code: '202', name: '应付款', debit: '64,000.00', project: 'P-ACCR' },
    { date: '2018-01-15', voucher: '记-7', summary: '付水塘工程款', code: '102', name: '银行存款', credit: '64,000.00', project: 'P-ACCR' },
    ...pay('记-8', '2018-01-16', 'P-HALF', '500.01'),
    ...pay('记-9', '2018-01-17', 'P-HALF2', '500.02'),
    ...pay('记-10', '2018-01-18', 'P-OVER', '470,000.00'),
    { date: '2018-01-19', voucher: '记-11', summary: '付塘坝部分工程款', code: '153', name: '在建工程', debit: '80,000.00', project: 'P-PART' },
    { date: '2018-01-19', voucher: '记-11', summary: '付塘坝部分工程款', code: '102', name: '银行存款', credit: '40,000.00' },
    { date: '2018-01-19', voucher: '记-11', summary: '付塘坝部分工程款', code: '202', name: '应付款', credit: '40,000.00' },
    { date: '2018-01-20', voucher: '记-12', summary: '付文化广场工程款', code: '202', name: '应付款', debit: '200,000.00' },
    { date: '2018-01-20', voucher: '记-12', summary: '付文化广场工程款', code: '102', name: '银行存款', credit: '200,000.00', project: 'P-BANK' },
    ...pay('记-13', '2018-01-21', '桥头路', '100,000.00'),
  ];

  it('finds each overpayment with the right excess, and nothing where the payment is due', async () => {
    const a = await audit({ ledger: ledgerCsv(ledger), projects });
    const found = a.of('payment-exceeds-acceptance').map((f) => [f.project, f.amount]).sort();
    expect(found).toEqual([
      ['P-ACC', '25000.00'],
      ['P-BANK', '20000.00'],
      ['P-HALF2', '0.01'],
      ['P-MEAS', '46200.00'],
      ['P-NAME', '10000.00'],
      ['P-OVER', '8000.00'],
    ]);
  });

  it('a tolerance setting absorbs rounding differences', async () => {
    const a = await audit({ ledger: ledgerCsv(ledger), projects, settings: { 'payment-exceeds-acceptance': { toleranceFen: 1 } } });
    expect(a.of('payment-exceeds-acceptance').map((f) => f.project)).not.toContain('P-HALF2');
    expect(a.of('payment-exceeds-acceptance').map((f) => f.project)).toContain('P-MEAS');
  });

  it('explains the quantities and names the vouchers and source lines', async () => {
    const a = await audit({ ledger: ledgerCsv(ledger), projects });
    const meas = a.of('payment-exceeds-acceptance').find((f) => f.project === 'P-MEAS');
    expect(meas?.reason).toContain('实测 1800 米 < 验收 2000 米，按实测应付 ¥415,800.00，已付 ¥462,000.00');
    expect(meas?.vouchers).toEqual(['记-1', '记-2']);
    expect(meas?.date).toBe('2018-01-10');
    expect(meas?.sources.map((s) => `${s.file}:${s.line}`)).toEqual(['projects.csv:2', 'ledger.csv:2', 'ledger.csv:3', 'ledger.csv:4', 'ledger.csv:5']);
    const acc = a.of('payment-exceeds-acceptance').find((f) => f.project === 'P-ACC');
    expect(acc?.reason).toContain('验收 1000 米 < 合同 1200 米');
    const detail = await a.service.getFinding({ id: meas?.id ?? '' });
    expect(detail.projectFigures).toMatchObject({ paidFen: 46_200_000, payableFen: 41_580_000, excessFen: 4_620_000, measuredQty: '1800' });
  });

  it('does not count an accrual as a payment', async () => {
    const a = await audit({ ledger: ledgerCsv(ledger), projects });
    const accr = (await a.service.listProjects()).find((p) => p.code === 'P-ACCR');
    expect(accr).toMatchObject({ paidFen: 6_400_000, payableFen: 6_400_000, excessFen: 0 });
    // In one voucher: debit 在建工程 80,000 = bank 40,000 + 应付款 40,000. Paid is the 40,000 that left the bank.
    const part = (await a.service.listProjects()).find((p) => p.code === 'P-PART');
    expect(part).toMatchObject({ paidFen: 4_000_000, payableFen: 4_800_000, excessFen: 0 });
  });

  it('without a project file it says it could not run', async () => {
    const a = await audit({ ledger: ledgerCsv(ledger) });
    expect(a.of('payment-exceeds-acceptance')).toEqual([]);
    expect(a.notices.some((n) => n.rule === 'payment-exceeds-acceptance')).toBe(true);
  });
});

describe('finding fingerprints', () => {
  it('are the same in another workspace, whatever was imported before', async () => {
    const lines = [
      ...payment({ date: '2018-03-05', voucher: '记-1', summary: '宴请', name: '管理费用-招待费', amount: '100.00', att: 0 }),
    ];
    const a = await audit({ ledger: ledgerCsv(lines) });
    const { service, dir } = await openTempService();
    open.push(service);
    writeFileSync(join(dir, 'other.csv'), ledgerCsv(payment({ date: '2018-01-01', voucher: '记-9', summary: '付电费', name: '管理费用', amount: '1.00', village: '观山村' })));
    writeFileSync(join(dir, 'ledger.csv'), ledgerCsv(lines));
    await service.importFile({ path: join(dir, 'other.csv'), kind: 'ledger' });
    await service.importFile({ path: join(dir, 'ledger.csv'), kind: 'ledger' });
    await service.runRules();
    const ids = (await service.listFindings({ village: ['赵湾村'] })).rows.map((f) => f.id).sort();
    expect(ids).toEqual(a.findings.map((f) => f.id).sort());
    expect(ids).toHaveLength(2);
  });
});
