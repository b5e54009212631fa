// 村干部借款/欠款长期未还: money lent or advanced to a person (a receivable debited to them) still
// open after N days; officers of the village are named as such.
import { z } from 'zod';
import { formatFen } from '../format/money';
import { bi, type Bilingual } from '../i18n/messages';
import { dateNumber, dateText } from '../workspace/ledger-encoder';
import { loadRoster } from '../workspace/roster-store';
import { accountAttrs, dayOf, fieldGaps, places } from './ledger-facts';
import { isPersonName, officersOn, ORG_WORDS } from './persons';
import { defineRule, type RuleFinding } from './types';
import { findingOn } from './voucher-lines';

/* eslint-disable no-restricted-syntax -- the default words are data, matched against ledger texts */
const settings = z.object({
  /** An advance still open this many days after it was made is flagged. */
  days: z.number().int().min(1).default(180),
  /** Receivable accounts by name: 应收款, 内部往来 (2004 and 2023 charts), 其他应收款, 备用金 ... */
  accountWords: z.array(z.string().min(1)).default(['应收款', '内部往来', '其他应收款', '备用金', '暂付款']),
  /** Receivable accounts by code (112 应收款, 113 内部往来). */
  accountCodes: z.array(z.string().min(1)).default(['112', '113']),
  /** The day balances are taken on (yyyy-mm-dd); blank: each village's last day in the books. */
  asOf: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/).default(''),
  /** Words in an organisation's name: what is owed by an organisation is not a person's debt. */
  orgWords: z.array(z.string().min(1)).default(ORG_WORDS),
  /** Open balances at or below this (fen) are not flagged. */
  minAmountFen: z.number().int().min(0).default(0),
});
/** How a sub-account names the person: 应收款-张三, 内部往来/张三. */
const SUB_ACCOUNT = /[-－—/／_·\s]+/;
/* eslint-enable no-restricted-syntax */
type Settings = z.infer<typeof settings>;

interface Move {
  v: number;
  date: number;
  /** + lent, − repaid (fen) */
  fen: number;
}

export const officerReceivable = defineRule<Settings>({
  id: 'officer-receivable',
  needs: [],
  uses: ['counterparty', 'cadres'],
  settings,
  defaults: settings.parse({}),
  weight: 2,
  run({ db, ledger }, s) {
    const gaps = fieldGaps(ledger, 'counterparty', bi('rule.officer-receivable.no-counterparty'), 'partial');
    const recv = accountAttrs(ledger, s.accountWords, s.accountCodes);
    const roster = loadRoster(db);
    const rosterNames = new Set(roster.map((r) => r.name));
    const a = ledger.attrs;
    const l = ledger.lines;
    const p = places(ledger);
    const text = (id: number): string => ledger.texts[id] ?? '';
    // The person of a receivable line: its counterparty, else the account's last part (应收款-张三).
    const personOf = new Map<number, string | null>();
    const person = (at: number): string | null => {
      if (personOf.has(at)) return personOf.get(at) as string | null;
      const cp = text(a.counterparty[at] as number).trim();
      const sub = text(a.accountName[at] as number).split(SUB_ACCOUNT).slice(1).pop()?.trim() ?? '';
      const name = [cp, sub].find((x) => x && (rosterNames.has(x) || isPersonName(x, s.orgWords))) ?? null;
      personOf.set(at, name);
      return name;
    };
    const moves = new Map<string, Move[]>();
    const lastDay = new Int32Array(p.villages.length);
    for (let i = 0; i < l.count; i++) {
      const v = l.voucher[i] as number;
      const vi = p.village[v] as number;
      if ((l.date[i] as number) > (lastDay[vi] as number)) lastDay[vi] = l.date[i] as number;
      const at = l.attrs[i] as number;
      if (!recv[at]) continue;
      const who = person(at);
      if (!who) continue;
      const k = `${p.book[v]}\n${who}`;
      const list = moves.get(k) ?? [];
      list.push({ v, date: l.date[i] as number, fen: (l.debit[i] as number) - (l.credit[i] as number) });
      moves.set(k, list);
    }
    const findings: RuleFinding[] = [];
    for (const [k, list] of moves) {
      const [bookText, who] = k.split('\n') as [string, string];
      const book = p.books[Number(bookText)] as (typeof p.books)[number];
      const asOf = s.asOf ? dateNumber(s.asOf) : (lastDay[book.villageIndex] as number);
      // First in, first out: repayments settle the oldest advances.
      list.sort((x, y) => x.date - y.date || (y.fen > 0 ? 1 : 0) - (x.fen > 0 ? 1 : 0) || x.v - y.v);
      const open: Move[] = [];
      for (const m of list) {
        if (m.date > asOf) continue;
        if (m.fen > 0) open.push({ ...m });
        let left = -m.fen;
        while (left > 0 && open.length) {
          const o = open[0] as Move;
          const take = Math.min(left, o.fen);
          o.fen -= take;
          left -= take;
          if (o.fen === 0) open.shift();
        }
      }
      const old = open.filter((o) => dayOf(asOf) - dayOf(o.date) > s.days);
      const oldFen = old.reduce((n, o) => n + o.fen, 0);
      if (old.length === 0 || oldFen <= s.minAmountFen) continue;
      const openFen = open.reduce((n, o) => n + o.fen, 0);
      const first = old[0] as Move;
      const officer = officersOn(roster, book.township, book.village, dateText(first.date)).get(who) ?? officersOn(roster, book.township, book.village, dateText(asOf)).get(who);
      const whom: Bilingual = officer ? bi('rule.officer-receivable.officer', { name: who, post: officer.post }) : { zh: who, en: who };
      const reason = bi('rule.officer-receivable.reason', {
        whom, count: old.length, since: dateText(first.date), asOf: dateText(asOf), days: s.days, amount: formatFen(oldFen), open: formatFen(openFen),
      });
      const vouchers = [...new Set(old.map((o) => o.v))];
      const f = findingOn(ledger, vouchers, { amountFen: oldFen, reason, key: `receivable|${book.township}|${book.village}|${book.entity ? `${book.entity}|` : ''}${who}`, date: dateText(first.date) });
      findings.push(f);
    }
    return { findings, notices: [], gaps };
  },
});
