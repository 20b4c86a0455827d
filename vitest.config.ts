import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The app's own '@/…' imports (tsconfig paths), for tests that import app modules.
  resolve: { alias: { '@/': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: ['tests/**/*.test.ts'],
    // Real servers, workers and browsers: allow for a loaded 2-core CI machine.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // Each file gets its own RTC port range from its pool id (tests/support/config.ts).
    isolate: true,
  },
});
