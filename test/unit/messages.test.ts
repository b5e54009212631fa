// The catalogue is split by domain; every key lives in exactly one part, in both languages.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../shared/i18n/messages';

const dir = join(import.meta.dirname, '../../shared/i18n');

describe('the message catalogue', () => {
  it('has each key in one part only, and every text in Chinese and English', async () => {
    const parts = readdirSync(dir).filter((f) => /^messages-.+\.ts$/.test(f));
    const seen = new Map<string, string>();
    for (const file of parts) {
      const mod = (await import(join(dir, file))) as Record<string, Record<string, { zh: string; en: string }>>;
      for (const part of Object.values(mod)) {
        for (const key of Object.keys(part)) {
          expect(seen.get(key), `${key} in ${file} and ${seen.get(key)}`).toBeUndefined();
          seen.set(key, file);
        }
      }
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(messages).sort());
    for (const [key, m] of Object.entries(messages)) {
      expect(m.zh, key).not.toBe('');
      expect(m.en, key).not.toBe('');
    }
  });
});
