// Every migration has its own test file here, named by its version, and versions run 1, 2, 3 ...
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../shared/workspace/migrations';

/**
 * Versions handed out to branches not merged yet (issue 13 was given 008 while 005–007 were
 * being written elsewhere). Remove a number when its migration lands; empty again once all have.
 */
const IN_FLIGHT: number[] = [];

describe('migrations', () => {
  it('are numbered without gaps (but for numbers in flight), each with a test file', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    const top = Math.max(...versions);
    expect(versions).toEqual(Array.from({ length: top }, (_, i) => i + 1).filter((v) => !IN_FLIGHT.includes(v) || versions.includes(v)));
    expect(IN_FLIGHT.filter((v) => versions.includes(v)), 'a number in flight has landed: take it out of IN_FLIGHT').toEqual([]);
    for (const m of MIGRATIONS) expect(existsSync(join(import.meta.dirname, `${String(m.version).padStart(3, '0')}.test.ts`)), m.name).toBe(true);
  });
});
