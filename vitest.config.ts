import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // expect.poll waits for the UI to reach a state; vitest's default second is too short when
    // the two cores also run the other test files. A bound on waiting, not a timing assertion.
    expect: { poll: { timeout: 15_000, interval: 25 } },
  },
});
