// Dates and amounts as township exports write them, with fast-check round trips for money.
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateCellToIso, excelSerialToIso, parseDateText } from '../../shared/format/dates';
import { fenToDecimalString, formatFen, moneyFromNumber, parseMoney, prorateFen } from '../../shared/format/money';
import { countCell, dateCell, moneyCell } from '../../shared/ingest/values';

describe('dates', () => {
  it.each([
    ['2018-03-05', '2018-03-05'],
    ['2018/3/5', '2018-03-05'],
    ['2018/03/05', '2018-03-05'],
    ['2018.3.5', '2018-03-05'],
    ['2018年3月5日', '2018-03-05'],
    ['2018年03月05日', '2018-03-05'],
    ['20180305', '2018-03-05'],
    [' 2018-3-5 ', '2018-03-05'],
    ['2018-03-05 00:00:00', '2018-03-05'],
    ['2016-02-29', '2016-02-29'],
    ['2000-02-29', '2000-02-29'],
  ])('%s -> %s', (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
    expect(dateCell(text)).toBe(iso);
  });

  it.each(['2018-02-30', '2017-02-29', '1900-02-29', '2018-13-01', '2018-00-10', '2018-04-31', '2018/3/0', '20181305', '2018', '3/5/2018', '', 'abc', '2018-3-5x'])(
    'rejects %j',
    (text) => {
      expect(dateCell(text)).toBeNull();
    },
  );

  it('Excel serial numbers and Date cells', () => {
    expect(excelSerialToIso(43164)).toBe('2018-03-05');
    expect(dateCell(43164)).toBe('2018-03-05');
    expect(dateCell(43164.75)).toBe('2018-03-05'); // a time of day does not move the date
    expect(dateCell(42767)).toBe('2017-02-01');
    expect(dateCell(61)).toBe('1900-03-01'); // after Excel's phantom 1900-02-29
    expect(dateCell(20180305)).toBe('2018-03-05'); // yyyymmdd typed as a number
    expect(dateCell(new Date(Date.UTC(2018, 2, 5)))).toBe('2018-03-05');
    expect(dateCellToIso(new Date(Date.UTC(2017, 1, 1, 23, 59)))).toBe('2017-02-01');
    expect(dateCell(-5)).toBeNull();
    expect(dateCell(Number.NaN)).toBeNull();
  });

  it('every real day round-trips through each accepted form, and through its Excel serial', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }), (d) => {
        const y = d.getUTCFullYear();
        const m = d.getUTCMonth() + 1;
        const day = d.getUTCDate();
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        for (const text of [iso, `${y}/${m}/${day}`, `${y}.${m}.${day}`, `${y}年${m}月${day}日`, iso.replace(/-/g, '')]) {
          expect(dateCell(text)).toBe(iso);
        }
        const serial = Math.floor(Date.UTC(y, m - 1, day) / 86400000) + 25569;
        expect(dateCell(serial)).toBe(iso);
      }),
    );
  });
});

describe('amounts', () => {
  it.each([
    ['1234.5', 123450],
    ['1234.50', 123450],
    ['1,234.50', 123450],
    ['¥1,234.50', 123450],
    ['￥1,234.50', 123450],
    ['-500', -50000],
    ['(500.00)', -50000],
    ['（500.00）', -50000],
    ['-¥500.00', -50000],
    ['', 0],
    ['   ', 0],
    ['0', 0],
    ['0.01', 1],
    ['12,345,678.90', 1234567890],
  ])('%j -> %d fen', (text, fen) => {
    expect(moneyCell(text)).toEqual({ ok: true, fen });
    expect(parseMoney(text)).toEqual({ ok: true, fen });
  });

  it('a blank cell is 0', () => {
    expect(moneyCell(null)).toEqual({ ok: true, fen: 0 });
  });

  it.each(['1234.567', '0.001', '1,234.505', '¥0.125'])('%j has more than 2 decimals', (text) => {
    expect(moneyCell(text)).toEqual({ ok: false, reason: 'too-many-decimals' });
  });

  it.each(['abc', '12a', '1.2.3', '¥', '五百元', '1e5', '--5', '(500', '.5.', '1,2', '12,34.50', '1,2345.00', ',100', '100,', '(-500)', '（+5）'])('%j is not a number', (text) => {
    expect(moneyCell(text)).toMatchObject({ ok: false, reason: 'not-a-number' });
  });

  it('Excel numeric cells, with formula noise but not real extra decimals', () => {
    expect(moneyCell(1234.5)).toEqual({ ok: true, fen: 123450 });
    expect(moneyCell(0.1 + 0.2)).toEqual({ ok: true, fen: 30 });
    expect(moneyCell(-500)).toEqual({ ok: true, fen: -50000 });
    expect(moneyCell(1234.567)).toEqual({ ok: false, reason: 'too-many-decimals' });
    expect(moneyFromNumber(Number.POSITIVE_INFINITY)).toMatchObject({ ok: false });
  });

  const fen = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });

  /** Every way an export may write `fen`. */
  function styles(f: number): string[] {
    const abs = Math.abs(f);
    const plain = new Decimal(abs).dividedBy(100).toFixed(2);
    const [whole = '0', cents = '00'] = plain.split('.');
    const grouped = `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
    const short = cents.endsWith('0') ? `${whole}.${cents[0]}` : plain; // 1234.5
    const integer = cents === '00' ? whole : plain; // 500
    const bodies = [plain, grouped, `¥${grouped}`, `￥${plain}`, short, integer];
    if (f >= 0) return bodies;
    return [...bodies.map((b) => `-${b}`), ...bodies.map((b) => `(${b})`), `（${grouped}）`];
  }

  it('fen -> every accepted written style -> parse gives the same fen', () => {
    fc.assert(
      fc.property(fen, (f) => {
        for (const s of styles(f)) {
          expect(moneyCell(s), s).toEqual({ ok: true, fen: f });
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('formatFen and fenToDecimalString read back to the same fen', () => {
    fc.assert(
      fc.property(fen, (f) => {
        expect(moneyCell(formatFen(f))).toEqual({ ok: true, fen: f });
        expect(moneyCell(fenToDecimalString(f))).toEqual({ ok: true, fen: f });
      }),
    );
  });

  it('a numeric cell holding fen / 100 reads back to the same fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }), (f) => {
        expect(moneyCell(f / 100)).toEqual({ ok: true, fen: f });
      }),
    );
  });

  it('a third decimal digit that is not 0 is always an error', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 1, max: 9 }), (f, extra) => {
        const s = `${new Decimal(f).dividedBy(100).toFixed(2)}${extra}`;
        expect(moneyCell(s)).toEqual({ ok: false, reason: 'too-many-decimals' });
      }),
    );
  });

  it('formats with grouping and the yuan sign', () => {
    expect(formatFen(4_620_000)).toBe('¥46,200.00');
    expect(formatFen(-50_000)).toBe('-¥500.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(fenToDecimalString(4_620_000)).toBe('46200.00');
    expect(fenToDecimalString(-1)).toBe('-0.01');
  });

  it('prorates half-up to the fen', () => {
    // 462,000.00 × 1800 / 2000 = 415,800.00
    expect(prorateFen(46_200_000, new Decimal(1800), new Decimal(2000))).toBe(41_580_000);
    // 100.00 × 1 / 3 = 33.333… -> 33.33 ; 0.05 × 1 / 2 = 0.025 -> 0.03 (half up)
    expect(prorateFen(10_000, new Decimal(1), new Decimal(3))).toBe(3333);
    expect(prorateFen(5, new Decimal(1), new Decimal(2))).toBe(3);
    expect(prorateFen(1, new Decimal(1), new Decimal(2))).toBe(1);
  });
});

describe('attachment counts', () => {
  it.each([
    ['0', 0],
    ['3', 3],
    ['3张', 3],
    [' 2 ', 2],
    ['', null],
  ])('%j -> %j', (text, n) => {
    expect(countCell(text)).toBe(n);
  });

  it.each(['-1', '1.5', '两张', 'x'])('%j is invalid', (text) => {
    expect(countCell(text)).toBe('invalid');
  });

  it('numeric cells', () => {
    expect(countCell(2)).toBe(2);
    expect(countCell(1.5)).toBe('invalid');
  });
});
