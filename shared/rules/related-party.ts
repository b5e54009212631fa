// 向村干部及其亲属支付: a payment to an officer of the village in office that day (from the roster),
// or to a relative the team listed, other than the officers' pay.
import { z } from 'zod';
import { formatFen } from '../format/money';
import { bi, type Bilingual } from '../i18n/messages';
import { loadRoster, type RosterEntry } from '../workspace/roster-store';
import { fieldGaps, places } from './ledger-facts';
import { officersOn } from './persons';
import { defineRule, noticeOf, type CoverageGap, type RuleFinding } from './types';
import { attrMask, cashPaidOut, findingOn, textMask, voucherGroup, vouchersWhere, voucherLabel, wordsIn } from './voucher-lines';

/* eslint-disable no-restricted-syntax -- the default words are data, matched against ledger texts */
const settings = z.object({
  /** Relatives of officers: 村/姓名/关系, 姓名/关系 or 姓名 (any village), e.g. 赵湾村/赵小某/赵某某之子. */
  relatives: z.array(z.string().min(1)).default([]),
  /** Accounts (or summaries) of the officers' own pay, and of advances (left to officer-receivable): not flagged. */
  exemptWords: z.array(z.string().min(1)).default(['干部报酬', '误工补贴', '工资', '报酬', '差旅费', '应收款', '内部往来', '备用金']),
});
/* eslint-enable no-restricted-syntax */
type Settings = z.infer<typeof settings>;

interface Relative {
  village: string | null;
  name: string;
  relation: string;
}

export function parseRelatives(entries: readonly string[]): Relative[] {
  return entries.map((e) => {
    const parts = e.split('/').map((x) => x.trim());
    if (parts.length >= 3) return { village: parts[0] || null, name: parts[1] ?? '', relation: parts.slice(2).join('/') };
    return { village: null, name: parts[0] ?? '', relation: parts[1] ?? '' };
  }).filter((r) => r.name);
}

export const relatedParty = defineRule<Settings>({
  id: 'related-party',
  needs: ['cadres', 'counterparty'],
  settings,
  defaults: settings.parse({}),
  weight: 3,
  run({ db, ledger }, s) {
    const roster = loadRoster(db);
    const relatives = parseRelatives(s.relatives);
    if (roster.length === 0 && relatives.length === 0) {
      const why = bi('rule.related-party.no-roster');
      return { findings: [], notices: [noticeOf('related-party', why)], notRun: why };
    }
    // Villages the roster does not cover cannot be checked; nor can lines without a counterparty column.
    const listed = new Set(roster.map((r) => `${r.township}\n${r.village}`));
    const gaps: CoverageGap[] = fieldGaps(ledger, 'counterparty', bi('rule.gap.no-column', { column: bi('ui.field.counterparty') }));
    const gapped = new Set(gaps.map((g) => `${g.township}\n${g.village}`));
    for (const v of places(ledger).villages) {
      if (!listed.has(`${v.township}\n${v.village}`) && !gapped.has(`${v.township}\n${v.village}`)) gaps.push({ ...v, state: 'not-run', why: bi('rule.related-party.not-in-roster') });
    }

    const names = new Set([...roster.map((r) => r.name), ...relatives.map((r) => r.name)]);
    const named = attrMask(ledger, ['counterparty'], textMask(ledger, (t) => names.has(t.trim())));
    const exempt = (t: string): boolean => wordsIn(t, s.exemptWords, []).length > 0;
    const lines = ledger.lines;
    const findings: RuleFinding[] = [];
    for (const v of vouchersWhere(ledger, (i) => named[lines.attrs[i] as number] === 1 && (ledger.vouchers.cashOut[lines.voucher[i] as number] as number) > 0)) {
      const { key, keyString, lines: vl } = voucherGroup(ledger, v);
      const date = vl[0]?.date ?? '';
      const officers = officersOn(roster, key.township, key.village, date);
      const who = (name: string): { officer?: RosterEntry; relative?: Relative } | null => {
        const officer = officers.get(name);
        if (officer) return { officer };
        const relative = relatives.find((r) => r.name === name && (r.village === null || r.village === key.village));
        return relative ? { relative } : null;
      };
      // The person and what was paid to them: the expense lines naming them, or (named on the cash line only) what the voucher paid less the exempt lines.
      let person: string | null = null;
      let fen = 0;
      for (const l of vl) {
        if (l.isCash || l.debitFen <= 0 || !who(l.counterparty.trim()) || exempt(`${l.accountName} ${l.summary}`)) continue;
        person ??= l.counterparty.trim();
        if (l.counterparty.trim() === person) fen += l.debitFen;
      }
      if (!person) {
        const onCash = vl.find((l) => l.isCash && who(l.counterparty.trim()));
        if (onCash) {
          person = onCash.counterparty.trim();
          fen = cashPaidOut(vl) - vl.filter((l) => !l.isCash && exempt(`${l.accountName} ${l.summary}`)).reduce((n, l) => n + l.debitFen, 0);
        }
      }
      if (!person || fen <= 0) continue;
      const w = who(person) as { officer?: RosterEntry; relative?: Relative };
      const whom: Bilingual = w.officer
        ? bi('rule.related-party.officer', { name: person, post: w.officer.post, since: w.officer.termStart })
        : bi(w.relative?.relation ? 'rule.related-party.relative' : 'rule.related-party.relative-plain', { name: person, relation: w.relative?.relation ?? '' });
      const reason = bi('rule.related-party.reason', { date, voucher: voucherLabel(key), whom, amount: formatFen(fen) });
      findings.push(findingOn(ledger, [v], { amountFen: fen, reason, key: keyString }));
    }
    return { findings, notices: [], gaps };
  },
});
