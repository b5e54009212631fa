// Dates are stored as YYYY-MM-DD. These are the forms township exports use.

const PATTERNS: RegExp[] = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar day between 1900 and 2200. */
export function isDay(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : (DAYS[m - 1] as number));
}

export function isoDate(y: number, m: number, d: number): string | null {
  return isDay(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** `2018-03-05`, `2018/3/5`, `2018.3.5`, `2018年3月5日`, `20180305`; a trailing time is ignored. */
export function parseDateText(raw: string): string | null {
  const s = raw.trim().replace(/[\sT]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/, '').trim();
  for (const re of PATTERNS) {
    const m = re.exec(s);
    if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return null;
}

/** Excel's serial day number (1900 date system, with its phantom 1900-02-29). */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const ms = Math.round((Math.floor(serial) - 25569) * 86400000);
  const dt = new Date(ms);
  return isoDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** A Date cell from exceljs: the calendar day is in UTC. */
export function dateCellToIso(d: Date): string | null {
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
