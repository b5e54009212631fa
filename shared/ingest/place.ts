// A township-wide export names each set of books by its accounting entity (核算单位):
// 石板冲乡赵湾村股份经济合作社, 赵湾村村民委员会, 赵湾村经济合作社. The village is what the
// roster, the projects and the commissions know (赵湾村); the entity is kept beside it, because
// a village's committee and its cooperative keep separate books with their own voucher numbers.

/* eslint-disable no-restricted-syntax -- entity kinds and place endings are data, as the books name them */
/** Entity kinds, longest first so 股份经济合作社 is not read as 经济合作社. */
const SUFFIXES = [
  '股份经济合作社', '经济股份合作社', '集体经济组织', '经济联合社', '股份合作社', '经济合作社', '村民委员会', '居民委员会',
  '股份经济联合社', '合作社', '村委会', '居委会', '党支部', '党总支',
].sort((a, b) => b.length - a.length);

/** The village part of an entity's name ends like a village or a community. */
const VILLAGE_END = /(村|社区|居)$/;
/** A township name in front of the village: 石板冲乡赵湾村…, 城南镇…, 东城街道…. */
const TOWNSHIP_PREFIX = /^(.{1,8}?(?:乡|镇|街道))(.{2,})$/;
/** Kinds whose name holds the village's 村 (赵湾村委会 is 赵湾村's committee). */
const HOLDS_VILLAGE = new Set(['村委会', '村民委员会']);
const VILLAGE_WORD = '村';
/* eslint-enable no-restricted-syntax */

export interface Place {
  village: string;
  /** The entity's full name when the cell held one, else ''. */
  entity: string;
}

/**
 * `赵湾村村民委员会` -> 赵湾村 (entity 赵湾村村民委员会); `石板冲乡赵湾村股份经济合作社` with township
 * 石板冲乡 -> 赵湾村; a plain `赵湾村` stays as it is, entity ''. A name it cannot read as
 * village + entity kind is left whole: better the entity's name than a guessed village.
 */
export function splitPlace(raw: string, township: string): Place {
  const s = raw.trim();
  const suffix = SUFFIXES.find((x) => s.length > x.length && s.endsWith(x));
  if (!suffix) return { village: stripTownship(s, township, false), entity: '' };
  let base = s.slice(0, -suffix.length);
  // 赵湾村委会: the 村 is in the suffix.
  if (HOLDS_VILLAGE.has(suffix) && !VILLAGE_END.test(base)) base = `${base}${VILLAGE_WORD}`;
  base = stripTownship(base, township, true);
  if (!VILLAGE_END.test(base) || base.length < 2) return { village: s, entity: s };
  return { village: base, entity: s };
}

function stripTownship(s: string, township: string, isEntity: boolean): string {
  if (township && s.length > township.length + 1 && s.startsWith(township)) return s.slice(township.length);
  if (!isEntity) return s;
  const m = TOWNSHIP_PREFIX.exec(s);
  return m && VILLAGE_END.test(m[2] as string) ? (m[2] as string) : s;
}

/** A sheet named like a village or community (赵湾村, 城关社区) names the village of its rows; otherwise undefined. */
export function villageOfSheet(sheet: string): string | undefined {
  const s = sheet.trim();
  if (s.length < 2 || s.length > 20 || !/(村|社区)$/.test(s)) return undefined;
  return splitPlace(s, '').village;
}
