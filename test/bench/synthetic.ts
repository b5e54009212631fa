// A synthetic district ledger of N lines (~105 bytes a line, like the township exports), written
// as a stream so generating a million lines needs no memory. About 1% of vouchers are planted
// problems so the rules have work to do. Cash is drawn from the bank before it is paid out (提现),
// as a village's cashier does, so the cash account's balance stays at or above zero.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const TOWNSHIPS = ['韩摆渡镇', '徐集镇', '城南镇', '单王乡', '丁集镇', '独山镇', '狮子岗乡', '罗集乡', '石板冲乡', '顺河镇', '苏埠镇', '西河口乡', '分路口镇', '固镇镇', '江家店镇', '平桥乡', '青山乡', '新安镇', '石婆店镇'];
// Each expense with who is paid for it: a village buys from a few suppliers, pays its bills to
// the utilities, and its officers' pay has no counterparty.
const EXPENSES = [
  ['购办公用品', '54101', '管理费用-办公费', ['裕安区供销社', '六安市文具商行']],
  ['付村部电费', '54105', '管理费用-水电费', ['国网六安供电公司']],
  ['付通讯费', '54103', '管理费用-通讯费', ['中国电信六安分公司']],
  ['发放村干部报酬', '54102', '管理费用-干部报酬', ['']],
  ['付修缮材料款', '54107', '管理费用-修缮费', ['裕安区供销社', '六安市建材商行', '青山五金店']],
] as const;
const DAYS = 1095;
const FIRST_DAY = Date.UTC(2016, 0, 1);
/** 2016-01-01 … 2018-12-30, one string per day. */
const DATES = Array.from({ length: DAYS }, (_, i) => new Date(FIRST_DAY + i * 86_400_000).toISOString().slice(0, 10));
const VILLAGES = 280;

export const HEADER = '乡镇,村,凭证日期,凭证号,摘要,科目编码,科目名称,借方金额,贷方金额,附件张数,对方单位,项目编号\n';

function amount(n: number): string {
  return `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
}

export async function writeSyntheticLedger(path: string, lines: number): Promise<void> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  out.write(HEADER);
  let written = 0;
  let voucher = 0;
  let buf = '';
  let seed = 12345;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  // The generator's high bits: its low bits repeat with a short period.
  const pick = (n: number): number => (rand() >>> 8) % n;
  // Like a real ledger: each village's vouchers spread over the three years in date order,
  // numbered from 1 in each year; what is bought, from whom and for how much drawn at random.
  const perVillage = Math.max(1, Math.ceil(lines / 2 / VILLAGES));
  const made = new Int32Array(VILLAGES);
  const numbered = new Int32Array(VILLAGES * 3);
  /** Each village's cash on hand, fen. */
  const onHand = new Float64Array(VILLAGES);
  while (written < lines) {
    voucher++;
    const village = voucher % VILLAGES;
    const township = TOWNSHIPS[village % TOWNSHIPS.length] as string;
    const v = `村${String(village).padStart(3, '0')}`;
    const k = made[village] ?? 0;
    made[village] = k + 1;
    const date = DATES[Math.min(DAYS - 1, Math.floor((k * DAYS) / perVillage))] as string;
    const yearIndex = Number(date.slice(0, 4)) - 2016;
    const slot = village * 3 + yearIndex;
    const number = (): string => `记-${(numbered[slot] = (numbered[slot] ?? 0) + 1)}`;
    const fen = 1000 + (rand() % 500000);
    const byCash = pick(2) === 0;
    // Short of cash, the cashier draws the same day what the payment needs and some ¥2,000 more,
    // in whole thousands: what stays is under the ¥5,000 limit (unless the file's last lines leave
    // no room for the withdrawal's two).
    const short = fen - (onHand[village] ?? 0);
    if (byCash && short > 0 && written + 4 <= lines) {
      const draw = Math.ceil((short + 200_000) / 100_000) * 100_000;
      const wd = number();
      buf += `${township},${v},${date},${wd},从银行提取现金,101,现金,${amount(draw)},,1,,\n`;
      buf += `${township},${v},${date},${wd},从银行提取现金,102,银行存款,,${amount(draw)},1,,\n`;
      written += 2;
      onHand[village] = (onHand[village] ?? 0) + draw;
      // A voucher of the village's like any other: its later vouchers' dates move on past it.
      made[village] = (made[village] ?? 0) + 1;
    }
    if (byCash) onHand[village] = (onHand[village] ?? 0) - fen;
    const no = number();
    const kind = pick(100);
    const [summary, code, name, payees] = EXPENSES[pick(EXPENSES.length)] as (typeof EXPENSES)[number];
    const payee = payees[pick(payees.length)] as string;
    const [s1, c1, n1] = kind === 7 ? ['接待检查组用餐', '54109', '管理费用-招待费'] : [summary, code, name];
    const att = kind === 13 ? '0' : '1';
    const cash = byCash ? '101,现金' : '102,银行存款';
    buf += `${township},${v},${date},${no},${s1},${c1},${n1},${amount(fen)},,${att},${kind === 7 ? '裕安区供销社' : payee},\n`;
    buf += `${township},${v},${date},${no},${s1},${cash},,${amount(fen)},${att},,\n`;
    written += 2;
    if (buf.length > 1 << 19) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.write(buf);
  out.end();
  await once(out, 'finish');
}
