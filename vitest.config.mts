import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The mutation test (tests/office/mutation.test.ts) runs the host's tests against a changed copy of
// src/office: SELFEVAL_OFFICE_DIR names that copy, and imports of src/office/* resolve to it.
const officeDir = process.env.SELFEVAL_OFFICE_DIR;

export default defineConfig({
  resolve: {
    alias: officeDir ? [{ find: /^(?:\.\.\/)+src\/office\/(.*)$/, replacement: path.join(officeDir, '$1') }] : [],
  },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 60000,
    hookTimeout: 120000,
  },
});
