#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports -- a plain Node script, run without a build step */
'use strict';

// Checks a built dist-addin/ (run after `npm run build`): the files Office loads are there, functions.json holds
// exactly the CEEAS functions, a production manifest names no localhost URL, and the JavaScript taskpane.html
// loads before its first render stays within the gzipped budget. Prints a size table; exits 1 on any failure.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

// `--dir D` checks a build written elsewhere (the end-to-end test builds into a temporary folder).
const dirArg = process.argv.indexOf('--dir');
const DIST = dirArg > 0 ? path.resolve(process.argv[dirArg + 1]) : path.resolve(__dirname, '..', 'dist-addin');
const FUNCTIONS = ['BAND', 'CHECK', 'GRADE', 'NOTICEEND', 'ROUNDMEAN', 'SCORE', 'TOTAL'];
/** Everything taskpane.html loads (React, Fluent UI, the pane, the functions, the commands), gzipped. */
const INITIAL_BUDGET = 350 * 1024;

const failures = [];
const read = (file) => fs.readFileSync(path.join(DIST, file));
const exists = (file) => fs.existsSync(path.join(DIST, file));
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

for (const file of ['taskpane.html', 'functions.js', 'functions.json', 'commands.js', 'manifest.xml']) {
  if (!exists(file)) failures.push(`missing ${file}`);
}
for (const size of [16, 32, 64, 80]) {
  if (!exists(`assets/icon-${size}.png`)) failures.push(`missing assets/icon-${size}.png`);
}

if (exists('functions.json')) {
  const ids = JSON.parse(read('functions.json').toString())
    .functions.map((f) => f.id)
    .sort();
  if (JSON.stringify(ids) !== JSON.stringify(FUNCTIONS)) failures.push(`functions.json has ${ids.join(', ')}`);
}

if (
  exists('manifest.xml') &&
  process.argv.includes('--production') &&
  /https?:\/\/localhost/.test(read('manifest.xml').toString())
) {
  failures.push('manifest.xml still points at the dev server');
}

const rows = [];
if (exists('taskpane.html')) {
  const html = read('taskpane.html').toString();
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>?]+)/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src));
  let total = 0;
  for (const src of scripts) {
    if (!exists(src)) {
      failures.push(`taskpane.html loads ${src}, which is missing`);
      continue;
    }
    const buf = read(src);
    total += gz(buf);
    rows.push([src, kb(buf.length), kb(gz(buf))]);
  }
  rows.push(['initial total', '', kb(total)]);
  if (total > INITIAL_BUDGET) failures.push(`initial JavaScript ${kb(total)} gzipped exceeds ${kb(INITIAL_BUDGET)}`);
  for (const file of fs.readdirSync(DIST).filter((f) => f.endsWith('.js') && !scripts.includes(f))) {
    rows.push([`${file} (on demand)`, kb(read(file).length), kb(gz(read(file)))]);
  }
}

const width = Math.max(...rows.map((r) => r[0].length), 4);
console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(11)}  ${'gzip'.padStart(11)}`);
for (const [name, raw, zipped] of rows)
  console.log(`${name.padEnd(width)}  ${raw.padStart(11)}  ${zipped.padStart(11)}`);

if (failures.length) {
  for (const f of failures) console.error(`✗ ${f}`);
  process.exit(1);
}
console.log('✓ dist-addin is complete');
