import { defineConfig } from 'vitest/config';

// What `npm run mutate` runs against each mutant of src/core: the engine's tests that do their work inside
// each test (a check run at collection time, in a describe body or beforeAll, makes every mutant it reaches
// "static": run against all tests, not the few that cover it) and finish in seconds (no compiled CLI, no
// browser, no LibreOffice, no random property runs). On the machine shared by six, numbers.ts's 269 mutants
// took 8–10 minutes.
export default defineConfig({
  test: {
    include: ['tests/core/{codes,edges,ruleEdges,numbers,values,forms,mutations,registry}.test.ts'],
    testTimeout: 60000,
    hookTimeout: 120000,
  },
});
