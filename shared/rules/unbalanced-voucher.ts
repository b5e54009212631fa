// 借贷不平: a voucher whose debits and credits differ.
import { z } from 'zod';
import { formatFen } from '../format/money';
import type { RuleNotice } from '../contract';
import { bi } from '../i18n/messages';
import { places, voucherSums } from './ledger-facts';
import { defineRule, type CoverageGap, type RuleFinding } from './types';
import { findingOn, voucherKeyAt, voucherKeyOf, voucherLabel } from './voucher-lines';

const settings = z.object({
  /** A difference at or below this (fen) is rounding. */
  toleranceFen: z.number().int().min(0).default(0),
});
type Settings = z.infer<typeof settings>;

/** A village with at least this many vouchers, most of them one-sided, is a journal of one account (a 现金日记账), not a ledger. */
const JOURNAL_MIN_VOUCHERS = 20;

export const unbalancedVoucher = defineRule<Settings>({
  id: 'unbalanced-voucher',
  needs: [],
  settings,
  defaults: settings.parse({}),
  weight: 1,
  run({ ledger }, s) {
    const { debit, credit } = voucherSums(ledger);
    const p = places(ledger);
    const total = new Int32Array(p.villages.length);
    const off = new Int32Array(p.villages.length);
    const odd: number[] = [];
    for (let v = 0; v < debit.length; v++) {
      const vi = p.village[v] as number;
      total[vi] = (total[vi] as number) + 1;
      if (Math.abs((debit[v] as number) - (credit[v] as number)) > s.toleranceFen) {
        off[vi] = (off[vi] as number) + 1;
        odd.push(v);
      }
    }
    // Where most vouchers have one side only, the file is a journal: every voucher would be flagged.
    const journal = new Uint8Array(p.villages.length);
    const gaps: CoverageGap[] = [];
    const notices: RuleNotice[] = [];
    for (let vi = 0; vi < journal.length; vi++) {
      if ((total[vi] as number) < JOURNAL_MIN_VOUCHERS || (off[vi] as number) * 2 <= (total[vi] as number)) continue;
      journal[vi] = 1;
      const v = p.villages[vi] as (typeof p.villages)[number];
      const why = bi('rule.unbalanced-voucher.journal', { village: `${v.township}${v.village}`, off: off[vi] as number, total: total[vi] as number });
      gaps.push({ ...v, state: 'not-run', why });
      notices.push({ rule: 'unbalanced-voucher', file: null, message: why.zh, messageEn: why.en });
    }
    const findings: RuleFinding[] = [];
    for (const v of odd) {
      if (journal[p.village[v] as number]) continue;
      const d = debit[v] as number;
      const c = credit[v] as number;
      const key = voucherKeyAt(ledger, v);
      const reason = bi('rule.unbalanced-voucher.reason', { voucher: voucherLabel(key), debit: formatFen(d), credit: formatFen(c), diff: formatFen(Math.abs(d - c)) });
      findings.push(findingOn(ledger, [v], { amountFen: Math.abs(d - c), reason, key: voucherKeyOf(key) }));
    }
    return { findings, notices, gaps };
  },
});
