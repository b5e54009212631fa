// Whether a counterparty is a person rather than an organisation, and whether a person held an
// office in a village on a day (from the roster).
import type { RosterEntry } from '../workspace/roster-store';

/* eslint-disable no-restricted-syntax -- data: the words organisations' names end in, and common surnames */
/** Words in an organisation's name (a company, shop, team, cooperative, bureau ...). */
export const ORG_WORDS = [
  '公司', '集团', '有限', '店', '部', '队', '社', '局', '厂', '站', '所', '中心', '委员会', '委会', '银行', '信用', '医院', '学校', '小学', '中学',
  '协会', '超市', '酒店', '饭店', '宾馆', '门市', '工作室', '事务所', '商行', '商店', '经营', '服务', '政府', '财政', '村', '镇', '乡', '街道', '组', '农场',
  '卫生', '苗圃', '作坊', '农机', '供电', '移动', '联通', '电信', '烟草', '石油', '石化', '合作', '工程', '建筑', '物业', '保洁',
];
/** Common single-character surnames (the most frequent few hundred cover nearly everyone) and compound ones. */
const SURNAMES = new Set([...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝'.split(''), '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐']);
/* eslint-enable no-restricted-syntax */

/** A person's name: two to four Chinese characters, a surname first, no organisation word. */
export function isPersonName(text: string, orgWords: readonly string[] = ORG_WORDS): boolean {
  const t = text.replace(/[\s\u3000]/g, '');
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(t)) return false;
  if (orgWords.some((w) => w && t.includes(w))) return false;
  if (t.length === 4) return SURNAMES.has(t.slice(0, 2));
  return SURNAMES.has(t.slice(0, 1)) || SURNAMES.has(t.slice(0, 2));
}

/** Who of the roster held an office in this village on this day (yyyy-mm-dd), by name. */
export function officersOn(roster: readonly RosterEntry[], township: string, village: string, date: string): Map<string, RosterEntry> {
  const out = new Map<string, RosterEntry>();
  for (const r of roster) {
    if (r.township !== township || r.village !== village) continue;
    if (r.termStart <= date && (r.termEnd === null || r.termEnd >= date) && !out.has(r.name)) out.set(r.name, r);
  }
  return out;
}
