#!/usr/bin/env node
'use strict';
// The compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
const { main, exitCleanlyOnSignals } = require('../dist/src/cli/main.js');
// Ctrl+C or a kill: LibreOffice stopped, temporary files removed, nothing half-written left.
exitCleanlyOnSignals();
// Piping into `head` closes stdout early; that is not an error of the check.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode || 0);
});
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`selfeval: ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  },
);
