// 不相容岗位未分离: where the ledger names who prepared, checked, handled and approved a voucher,
// one person in two duties that must be kept apart on a payment (制单与审核, 经办与审批 ...).
import { z } from 'zod';
import type { RuleNotice } from '../contract';
import { formatFen } from '../format/money';
import { bi, joinBi, listBi, type Bilingual } from '../i18n/messages';
import type { LedgerSnapshot } from '../workspace/ledger-snapshot';
import { filesWithout, places, villageHas } from './ledger-facts';
import { defineRule, noticeOf, type CoverageGap, type RuleFinding } from './types';
import { findingOn, voucherDate, voucherKeyAt, voucherKeyOf, voucherLabel, vouchersWhere } from './voucher-lines';

type Duty = 'preparer' | 'checker' | 'bookkeeper' | 'handler' | 'approver';

/* eslint-disable no-restricted-syntax -- data: the columns' names as ledgers write them */
const DUTIES: Record<string, Duty> = {
  制单人: 'preparer', 制单: 'preparer', preparer: 'preparer',
  审核人: 'checker', 审核: 'checker', checker: 'checker',
  记账人: 'bookkeeper', 记账: 'bookkeeper', bookkeeper: 'bookkeeper',
  经办人: 'handler', 经办: 'handler', handler: 'handler',
  审批人: 'approver', 审批: 'approver', approver: 'approver',
};
const settings = z.object({
  /** Duties one person may not hold on one payment, as pairs: 制单人/审核人, 经办人/审批人, 审核人/记账人 ... */
  pairs: z.array(z.string().regex(/^[^/]+\/[^/]+$/)).default(['制单人/审核人', '经办人/审批人']),
});
/* eslint-enable no-restricted-syntax */
type Settings = z.infer<typeof settings>;

export function parsePairs(pairs: readonly string[]): [Duty, Duty][] {
  return pairs.map((p) => p.split('/').map((x) => DUTIES[x.trim()]) as [Duty | undefined, Duty | undefined])
    .filter((p): p is [Duty, Duty] => !!p[0] && !!p[1] && p[0] !== p[1]);
}

const column = (d: Duty): Bilingual => bi(`ui.field.${d}`);

/** Per village, the pairs it could check: all its lines from files with both columns, some, or none. */
function coverage(ledger: LedgerSnapshot, pairs: [Duty, Duty][]): { gaps: CoverageGap[]; notices: RuleNotice[] } {
  const has = new Map(pairs.flatMap((p) => p).map((d) => [d, villageHas(ledger, d)]));
  const gaps: CoverageGap[] = [];
  places(ledger).villages.forEach((v, i) => {
    const levels = pairs.map(([x, y]) => Math.min((has.get(x) as Uint8Array)[i] as number, (has.get(y) as Uint8Array)[i] as number));
    if (levels.every((n) => n === 2)) return;
    const missing = [...new Set(pairs.filter((_, k) => levels[k] !== 2).flatMap(([x, y]) => [x, y]))].map(column);
    gaps.push({ ...v, state: levels.every((n) => n === 0) ? 'not-run' : 'partial', why: bi('rule.gap.no-column', { column: joinBi(missing, 'fmt.list') }) });
  });
  const files = [...new Set(pairs.flatMap(([x, y]) => [...filesWithout(ledger, x), ...filesWithout(ledger, y)]))];
  const notices = files.length ? [noticeOf('same-hands', bi('rule.same-hands.no-columns', { files: listBi(files) }))] : [];
  return { gaps, notices };
}

export const sameHands = defineRule<Settings>({
  id: 'same-hands',
  needs: ['preparer', 'checker', 'handler', 'approver'],
  uses: ['bookkeeper'],
  settings,
  defaults: settings.parse({}),
  weight: 1,
  run({ ledger }, s) {
    const pairs = parsePairs(s.pairs);
    const a = ledger.attrs;
    const n = a.isCash.length;
    // Per attribute tuple, the pairs whose two people are one (a bit each).
    const same = new Int32Array(n);
    pairs.forEach(([x, y], k) => {
      for (let t = 0; t < n; t++) if ((a[x][t] as number) !== 0 && a[x][t] === a[y][t]) same[t] = (same[t] as number) | (1 << k);
    });
    const l = ledger.lines;
    const vs = ledger.vouchers;
    const findings: RuleFinding[] = [];
    for (const v of vouchersWhere(ledger, (i) => same[l.attrs[i] as number] !== 0 && (vs.cashOut[l.voucher[i] as number] as number) > 0)) {
      const whys: Bilingual[] = [];
      const seen = new Set<string>();
      const start = vs.lineStart[v] as number;
      for (let k = 0; k < (vs.lineCount[v] as number); k++) {
        const t = l.attrs[ledger.voucherLines[start + k] as number] as number;
        pairs.forEach(([x, y], bit) => {
          if (!((same[t] as number) & (1 << bit))) return;
          const person = ledger.texts[a[x][t] as number] ?? '';
          if (seen.has(`${bit}|${person}`)) return;
          seen.add(`${bit}|${person}`);
          whys.push(bi('rule.same-hands.why.pair', { first: column(x), second: column(y), person }));
        });
      }
      const key = voucherKeyAt(ledger, v);
      const fen = vs.cashOut[v] as number;
      const reason = bi('rule.same-hands.reason', { date: voucherDate(ledger, v), voucher: voucherLabel(key), amount: formatFen(fen), whys: joinBi(whys, 'fmt.items') });
      findings.push(findingOn(ledger, [v], { amountFen: fen, reason, key: voucherKeyOf(key) }));
    }
    return { findings, ...coverage(ledger, pairs) };
  },
});
