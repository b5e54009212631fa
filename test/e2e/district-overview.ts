// An overview at district scale, for the layout's tests and screenshots (the sample district has two townships).
import type { Overview } from '../../shared/contract';

/** The overview of a district like the source article's: 19 townships, 280 villages, 36 months (some without findings). */
export function districtOverview(): Overview {
  const townships = ['韩摆渡镇', '徐集镇', '城南镇', '单王乡', '丁集镇', '独山镇', '狮子岗乡', '罗集乡', '石板冲乡', '顺河镇', '苏埠镇', '西河口乡', '分路口镇', '固镇镇', '江家店镇', '平桥乡', '青山乡', '新安镇', '石婆店镇'];
  const byMonth = [];
  for (let y = 2016; y <= 2018; y++) for (let m = 1; m <= 12; m++) if ((y * 12 + m) % 5 !== 0) byMonth.push({ month: `${y}-${String(m).padStart(2, '0')}`, count: m, amountFen: (m * 37_000 + y) * 100 });
  return {
    townships: 19, villages: 280, lines: 1_000_000, files: 19, findings: 1500, amountFen: 987_654_321, reviewed: 600, confirmed: 400, dismissed: 200,
    byRule: [{ rule: 'unreceipted', count: 900, amountFen: 300_000_000 }, { rule: 'banned-hospitality', count: 500, amountFen: 87_654_321 }, { rule: 'payment-exceeds-acceptance', count: 100, amountFen: 600_000_000 }],
    byTownship: townships.map((township, i) => ({ township, count: 50 + i, amountFen: (i + 1) * 5_000_000 })),
    byMonth,
    villagesRanked: townships.map((township, i) => ({ township, village: `第${i + 1}村`, count: 20 - i, amountFen: (20 - i) * 1_000_000 })),
  };
}
