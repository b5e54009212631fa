// The sample district is generated, not hand-edited: regenerating gives the same bytes, so the
// expected findings always describe the files beside them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DISTRICT_DIR, FILES, generate } from '../../fixtures/generate';
import { RULES } from '../../shared/rules';
import { tempDir } from '../helpers';

describe('fixtures/district', () => {
  it('is reproduced byte for byte by fixtures/generate.ts', () => {
    const dir = tempDir('va-fixtures-');
    generate(dir);
    for (const name of Object.values(FILES)) {
      expect(readFileSync(join(dir, name)).equals(readFileSync(join(DISTRICT_DIR, name))), name).toBe(true);
    }
  });

  it('plants every rule (the first three in both older townships), with look-alikes around them', () => {
    const expected = JSON.parse(readFileSync(join(DISTRICT_DIR, FILES.expected), 'utf8')) as { rule: string; township: string; amount: string; project: string | null }[];
    for (const rule of ['unreceipted', 'banned-hospitality', 'payment-exceeds-acceptance']) {
      expect(new Set(expected.filter((e) => e.rule === rule).map((e) => e.township))).toEqual(new Set(['石板冲乡', '城南镇']));
    }
    expect(new Set(expected.map((e) => e.rule))).toEqual(new Set(RULES.map((r) => r.id)));
    expect(expected.find((e) => e.project === 'KF2017-003')?.amount).toBe('46200.00');
  });
});
