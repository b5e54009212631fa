// csv-spectrum's edge cases (npm package csv-spectrum), each CSV read through readCsv and compared
// with the package's expected JSON: header row + one object per later row.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../shared/ingest/csv-reader';

const root = dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json'));
const cases = readdirSync(join(root, 'csvs')).filter((f) => f.endsWith('.csv')).map((f) => basename(f, '.csv')).sort();

async function objectsOf(path: string): Promise<Record<string, string>[]> {
  const rows: string[][] = [];
  await readCsv(path, { onRow: (r) => void rows.push(r.cells.map(String)) });
  const [header, ...data] = rows;
  return data.map((cells) => Object.fromEntries((header ?? []).map((h, i) => [h, cells[i] ?? ''])));
}

describe('csv-spectrum', () => {
  it('has its cases installed', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it.each(cases.filter((c) => c !== 'location_coordinates'))('%s', async (name) => {
    const expected = JSON.parse(readFileSync(join(root, 'json', `${name}.json`), 'utf8')) as Record<string, string>[];
    expect(await objectsOf(join(root, 'csvs', `${name}.csv`))).toEqual(expected);
  });

  // The package's own JSON for this case disagrees with its CSV (another phone number, and an object
  // instead of an array): compare the cells that matter, the quoted field and its U+FFFD characters.
  it('location_coordinates (checked cell by cell)', async () => {
    const [row] = await objectsOf(join(root, 'csvs', 'location_coordinates.csv'));
    expect(row).toEqual({
      'Contact Phone Number': '2095257564',
      'Location Coordinates': '37\ufffd36\'37.8"N 121\ufffd2\'17.9"W',
      Cities: 'Modesto',
      Counties: 'Stanislaus',
    });
  });
});
