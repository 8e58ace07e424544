import { defineConfig } from 'vitest/config';

// What `npm run mutate` runs against each mutant of src/core: the folders that exercise the engine and
// finish in seconds (no compiled CLI, no browser, no LibreOffice), so Stryker's per-test coverage stays cheap.
export default defineConfig({
  test: {
    include: ['tests/core/**/*.test.ts', 'tests/annotate/**/*.test.ts'],
    testTimeout: 60000,
    hookTimeout: 120000,
  },
});
