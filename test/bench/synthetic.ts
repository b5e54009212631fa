// A synthetic district ledger of N lines (~105 bytes a line, like the township exports), written
// as a stream so generating a million lines needs no memory. About 1% of vouchers are planted
// problems so the rules have work to do.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const TOWNSHIPS = ['韩摆渡镇', '徐集镇', '城南镇', '单王乡', '丁集镇', '独山镇', '狮子岗乡', '罗集乡', '石板冲乡', '顺河镇', '苏埠镇', '西河口乡', '分路口镇', '固镇镇', '江家店镇', '平桥乡', '青山乡', '新安镇', '石婆店镇'];
const EXPENSES = [
  ['购办公用品', '54101', '管理费用-办公费'],
  ['付村部电费', '54105', '管理费用-水电费'],
  ['付通讯费', '54103', '管理费用-通讯费'],
  ['发放村干部报酬', '54102', '管理费用-干部报酬'],
  ['付修缮材料款', '54107', '管理费用-修缮费'],
] as const;

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
  while (written < lines) {
    voucher++;
    const village = voucher % 280;
    const township = TOWNSHIPS[village % TOWNSHIPS.length] as string;
    const v = `村${String(village).padStart(3, '0')}`;
    const year = 2016 + (voucher % 3);
    const month = 1 + (voucher % 12);
    const day = 1 + (voucher % 28);
    const date = `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
    const no = `记-${Math.floor(voucher / 280)}`;
    const fen = 1000 + (rand() % 500000);
    const kind = voucher % 100;
    const [summary, code, name] = kind === 7 ? ['接待检查组用餐', '54109', '管理费用-招待费'] : (EXPENSES[voucher % EXPENSES.length] as readonly [string, string, string]);
    const att = kind === 13 ? '0' : '1';
    const cash = voucher % 2 === 0 ? '101,现金' : '102,银行存款';
    buf += `${township},${v},${date},${no},${summary},${code},${name},${amount(fen)},,${att},裕安区供销社,\n`;
    buf += `${township},${v},${date},${no},${summary},${cash},,${amount(fen)},${att},,\n`;
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
