// 拆分项目规避招标/审批: payments for one piece of work, each below the threshold that requires
// tendering or collective approval, together at or above it within a window.
import { z } from 'zod';
import { formatFen } from '../format/money';
import { bi, listBi } from '../i18n/messages';
import { dayOf, fieldGaps, payees, places } from './ledger-facts';
import { loadProjects } from './payment-exceeds-acceptance';
import { defineRule, type RuleFinding } from './types';
import { attrMask, findingOn, textMask, voucherDate, voucherKeyAt, voucherKeyOf, vouchersWhere, wordsIn } from './voucher-lines';

/* eslint-disable no-restricted-syntax -- the default words are data, matched against ledger texts */
const settings = z.object({
  /** What requires tendering or collective approval (fen). */
  thresholdFen: z.number().int().min(1).default(10000000),
  /** Payments for one piece of work within this many days are taken together. */
  windowDays: z.number().int().min(1).default(90),
  /** Words that make a payment a purchase or works (construction, repairs, materials, services). */
  workWords: z.array(z.string().min(1)).default([
    '工程', '施工', '修缮', '维修', '修建', '修理', '建设', '改造', '硬化', '铺设', '安装', '材料', '采购', '购置', '设备', '绿化', '清淤', '整治',
    '道路', '桥', '渠', '沟', '塘', '坝', '房屋', '劳务', '服务费', '设计', '监理',
  ]),
  /** Grants, subsidies, wages and ordinary recurring bills are not procurement. */
  excludeWords: z.array(z.string().min(1)).default([
    '补助', '补贴', '工资', '报酬', '误工', '低保', '救助', '慰问', '奖励', '分红', '电费', '水费', '通讯', '办公用品', '租金', '保洁',
  ]),
  /** A counterparty paid for the same work in this many months of a year is a running supply, not a split. */
  recurringMonths: z.number().int().min(2).default(6),
});
/** What is stripped from a summary or project name to find the work: brackets, parts (一期/二期, 东段/西段, 1组/2组, 一标段), payment words. */
const PARTS = /[（(][^）)]*[）)]|第?[一二三四五六七八九十百\d]+[期段组标批次号#](标段|段)?|[东西南北中上下前后][段片区侧]/g;
const PAYMENT_WORDS = /预付|支付|拨付|结算|工程款|进度款|尾款|首付款|首付|质保金|款项|费用|工程|款|费|付/g;
const PUNCTUATION = /[\s\u3000,，.。、;；:：\-—_·/\\]+/g;
/* eslint-enable no-restricted-syntax */
type Settings = z.infer<typeof settings>;

/** How many of a cluster's payments its reason names (its sources hold all of them). */
const LISTED = 10;

/** The work a payment is for: its summary or project name without parts and payment words (付村道硬化工程款（一期） → 村道硬化). */
export function workOf(text: string): string {
  const t = text.replace(PARTS, '').replace(PAYMENT_WORDS, '').replace(PUNCTUATION, '');
  return t || text.trim();
}

interface Payment {
  v: number;
  date: number;
  day: number;
  fen: number;
  payee: number;
  village: number;
  /** The work's id (payments of one work share it). */
  work: number;
  /** The project text's id, 0 for none. */
  codeId: number;
  code: string;
  summary: string;
}

/** Groups payments that share a work name or a project code (union-find over the two keys, as numbers). */
function groups(list: Payment[]): Payment[][] {
  const parent = list.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const seen = new Map<number, number>();
  const join = (k: number, i: number): void => {
    const j = seen.get(k);
    if (j === undefined) seen.set(k, i);
    else parent[find(i)] = find(j);
  };
  list.forEach((p, i) => {
    join(p.work * 2, i);
    if (p.codeId) join(p.codeId * 2 + 1, i);
  });
  const out = new Map<number, Payment[]>();
  list.forEach((p, i) => {
    const root = find(i);
    const g = out.get(root);
    if (g) g.push(p);
    else out.set(root, [p]);
  });
  return [...out.values()];
}

export const splitProcurement = defineRule<Settings>({
  id: 'split-procurement',
  needs: ['counterparty'],
  uses: ['project', 'projects'],
  settings,
  defaults: settings.parse({}),
  weight: 2,
  run({ db, ledger }, s) {
    const gaps = fieldGaps(ledger, 'counterparty', bi('rule.gap.no-column', { column: bi('ui.field.counterparty') }));
    const lines = ledger.lines;
    const a = ledger.attrs;
    const worksAttrs = attrMask(ledger, ['summary', 'accountName', 'project'], textMask(ledger, (t) => wordsIn(t, s.workWords, []).length > 0));
    const excluded = attrMask(ledger, ['summary', 'accountName'], textMask(ledger, (t) => wordsIn(t, s.excludeWords, []).length > 0));
    const vs = ledger.vouchers;
    const pay = payees(ledger);
    const village = places(ledger).village;
    const out = new Uint8Array(vs.count);
    for (let i = 0; i < lines.count; i++) if (excluded[lines.attrs[i] as number]) out[lines.voucher[i] as number] = 1;
    const candidates = vouchersWhere(ledger, (i) => {
      const v = lines.voucher[i] as number;
      const fen = vs.cashOut[v] as number;
      return worksAttrs[lines.attrs[i] as number] === 1 && !out[v] && fen > 0 && fen < s.thresholdFen && pay[v] !== 0;
    });
    if (candidates.length === 0) return { findings: [], notices: [], gaps };

    // One contract above the threshold (in the project file) paid in instalments is not a split.
    const contracts = new Map(loadProjects(db).map((p) => [p.code, p.contractFen]));
    const text = (id: number): string => ledger.texts[id] ?? '';
    // The work of each summary text, as a number: summaries that differ only by parts share it.
    const workIds = new Map<string, number>();
    const works = new Map<number, number>();
    const workOfText = (id: number): number => {
      let w = works.get(id);
      if (w === undefined) {
        const name = workOf(text(id));
        w = workIds.get(name);
        if (w === undefined) workIds.set(name, (w = workIds.size));
        works.set(id, w);
      }
      return w;
    };
    const byPayee = new Map<number, Payment[]>();
    for (const v of candidates) {
      const start = vs.lineStart[v] as number;
      let summary = 0;
      let code = 0;
      for (let k = 0; k < (vs.lineCount[v] as number); k++) {
        const at = lines.attrs[ledger.voucherLines[start + k] as number] as number;
        if (!summary && !a.isCash[at] && a.summary[at]) summary = a.summary[at] as number;
        if (!code && a.project[at]) code = a.project[at] as number;
      }
      const codeText = text(code);
      const p: Payment = {
        v, date: vs.date[v] as number, day: dayOf(vs.date[v] as number), fen: vs.cashOut[v] as number, payee: pay[v] as number, village: village[v] as number,
        work: workOfText(summary), codeId: code, code: codeText, summary: text(summary),
      };
      const k = (p.village * 2 ** 26) + p.payee;
      const same = byPayee.get(k);
      if (same) same.push(p);
      else byPayee.set(k, [p]);
    }

    const findings: RuleFinding[] = [];
    for (const list of byPayee.values()) {
      if (list.length < 2) continue;
      for (const g of groups(list)) {
        g.sort((x, y) => x.date - y.date || x.v - y.v);
        // A running supply: paid in many months of one year.
        const months = new Map<number, Set<number>>();
        for (const p of g) {
          const y = Math.floor(p.date / 10000);
          months.set(y, (months.get(y) ?? new Set()).add(Math.floor(p.date / 100) % 100));
        }
        const running = new Set([...months.entries()].filter(([, m]) => m.size >= s.recurringMonths).map(([y]) => y));
        const ps = g.filter((p) => !running.has(Math.floor(p.date / 10000)));
        // A window of windowDays over the payments in date order (two pointers, a running sum): the
        // first window from each payment that reaches the threshold with two or more is a cluster.
        let i = 0;
        let j = 0;
        let sum = 0;
        while (i < ps.length) {
          while (j < ps.length && (ps[j] as Payment).day - (ps[i] as Payment).day <= s.windowDays) sum += (ps[j++] as Payment).fen;
          if (j - i >= 2 && sum >= s.thresholdFen) {
            const cluster = ps.slice(i, j);
            const codes = [...new Set(cluster.map((p) => p.code))];
            const oneBigContract = codes.length === 1 && codes[0] !== '' && (contracts.get(codes[0] as string) ?? 0) >= s.thresholdFen;
            if (!oneBigContract) {
              const first = cluster[0] as Payment;
              const last = cluster[cluster.length - 1] as Payment;
              const listed = cluster.slice(0, LISTED).map((p) => `${voucherDate(ledger, p.v)} ${text(vs.number[p.v] as number)} ${formatFen(p.fen)}`);
              const reason = bi('rule.split-procurement.reason', {
                payee: text(first.payee), count: cluster.length, work: first.summary,
                vouchers: cluster.length > LISTED ? bi('rule.list-more', { list: listBi(listed) }) : listBi(listed),
                days: last.day - first.day, total: formatFen(sum), threshold: formatFen(s.thresholdFen),
              });
              findings.push(findingOn(ledger, cluster.map((p) => p.v), {
                amountFen: sum, reason, key: `split|${voucherKeyOf(voucherKeyAt(ledger, first.v))}`, date: voucherDate(ledger, last.v),
                project: codes.length === 1 && codes[0] ? codes[0] : null,
              }));
              i = j;
              sum = 0;
              continue;
            }
          }
          sum -= (ps[i] as Payment).fen;
          i++;
          if (j < i) {
            j = i;
            sum = 0;
          }
        }
      }
    }
    return { findings, notices: [], gaps };
  },
});
