// 超限额现金支付: a single payment in cash above the limit.
import { z } from 'zod';
import { formatFen } from '../format/money';
import { bi } from '../i18n/messages';
import { cashAttrs } from './ledger-facts';
import { defineRule, type RuleFinding } from './types';
import { findingOn, voucherDate, voucherKeyAt, voucherKeyOf, voucherLabel } from './voucher-lines';

const settings = z.object({
  /** A payment in cash above this (fen) is flagged. */
  limitFen: z.number().int().min(0).default(500000),
});
type Settings = z.infer<typeof settings>;

/**
 * Per voucher, what it paid in cash: its credits to cash (101 现金 / 库存现金) less its debits to
 * cash, less what went into the bank (a deposit of cash is no payment).
 */
export function paidInCash(ledger: Parameters<typeof cashAttrs>[0]): Float64Array {
  const cash = cashAttrs(ledger);
  const l = ledger.lines;
  const net = new Float64Array(ledger.vouchers.count);
  const bank = new Float64Array(ledger.vouchers.count);
  for (let i = 0; i < l.count; i++) {
    const a = l.attrs[i] as number;
    if (!ledger.attrs.isCash[a]) continue;
    const v = l.voucher[i] as number;
    if (cash[a]) net[v] = (net[v] as number) + (l.credit[i] as number) - (l.debit[i] as number);
    else bank[v] = (bank[v] as number) + (l.debit[i] as number) - (l.credit[i] as number);
  }
  for (let v = 0; v < net.length; v++) if ((bank[v] as number) > 0) net[v] = (net[v] as number) - (bank[v] as number);
  return net;
}

export const cashOverLimit = defineRule<Settings>({
  id: 'cash-over-limit',
  needs: [],
  settings,
  defaults: settings.parse({}),
  weight: 1,
  run({ ledger }, s) {
    const paid = paidInCash(ledger);
    const findings: RuleFinding[] = [];
    for (let v = 0; v < paid.length; v++) {
      const fen = paid[v] as number;
      if (fen <= s.limitFen) continue;
      const key = voucherKeyAt(ledger, v);
      const reason = bi('rule.cash-over-limit.reason', { date: voucherDate(ledger, v), voucher: voucherLabel(key), amount: formatFen(fen), limit: formatFen(s.limitFen) });
      findings.push(findingOn(ledger, [v], { amountFen: fen, reason, key: voucherKeyOf(key) }));
    }
    return { findings, notices: [] };
  },
});
