// @ts-check
/**
 * Mutation testing of the engine (`npm run mutate`; slow, not in CI). Concurrency 1: the build machine is
 * shared. Scope a run while working: `npm run mutate -- --mutate 'src/core/check/**\/*.ts'`.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.mts' },
  mutate: ['src/core/**/*.ts'],
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: '.stryker/incremental.json',
  concurrency: 1,
  timeoutMS: 20000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  ignorePatterns: ['/dist', '/dist-addin', '/out', '/coverage', '/reports', '/docs', '/assets/*.png'],
  cleanTempDir: 'always',
};
