#!/usr/bin/env node
// solc.js serves solc-js (npm "solc", pinned in package.json) to forge, which
// cannot download a native solc here. forge calls it two ways:
//   solc --version                       -> last stdout line is the version
//   solc ... --standard-json  < input    -> standard-JSON output on stdout
// Import callbacks are not needed: forge inlines every source as "content".
'use strict';
const solc = require('solc');

const argv = process.argv.slice(2);
if (argv.includes('--version')) {
  process.stdout.write('solc, the solidity compiler commandline interface\n');
  process.stdout.write('Version: ' + solc.version() + '\n');
  return;
}
if (!argv.includes('--standard-json')) {
  process.stderr.write('solc.js: only --version and --standard-json are supported\n');
  process.exitCode = 2;
  return;
}
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  const input = Buffer.concat(chunks).toString('utf8');
  // Let Node exit by itself: process.exit() right after a large write to a
  // pipe truncates the output at 64 KiB.
  process.stdout.write(solc.compile(input));
});
