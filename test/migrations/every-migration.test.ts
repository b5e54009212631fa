// Every migration has its own test file here, named by its version, and versions run 1, 2, 3 ...
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../shared/workspace/migrations';

describe('migrations', () => {
  it('are numbered without gaps, each with a test file', () => {
    // 005 is the columnar storage change, merged from its own branch; until then its number is kept free.
    const reserved = MIGRATIONS.some((m) => m.version === 5) ? [] : [5];
    const versions = MIGRATIONS.map((m) => m.version);
    expect([...versions, ...reserved].sort((a, b) => a - b)).toEqual([...versions, ...reserved].map((_, i) => i + 1));
    for (const m of MIGRATIONS) expect(existsSync(join(import.meta.dirname, `${String(m.version).padStart(3, '0')}.test.ts`)), m.name).toBe(true);
  });
});
