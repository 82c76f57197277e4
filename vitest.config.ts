import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The newsroom's pure modules (admin/src/**/*.test.ts) may import .tsx files: same JSX setting as admin/vite.config.ts.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'admin/**/*.test.ts'],
    // Query tests create their own databases; keep file-level parallelism modest on 2 cores.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['test/global-setup.ts'],
  },
});
