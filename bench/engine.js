#!/usr/bin/env node
// Engine-only figure: `evaluate` on the panel of bench/run.js (1,000 cases × 9/9/9 experts, 27,000 entries), timed
// alone (parsePanel is not). Prints the median of RUNS runs (default 5) after one warm-up run.
// Usage: npx tsc -p tsconfig.cli.json && node bench/engine.js [RUNS]
'use strict';
const { join } = require('node:path');
const { parsePanel, evaluate } = require(join(__dirname, '..', 'dist', 'core'));

const { rawPanel } = require('./panel');

const runs = Number(process.argv[2] || 5);
const p = parsePanel(rawPanel(1000, [9, 9, 9]));
const entries = p.scores.length;
evaluate(p); // warm-up, as bench/run.js's median hides the first run's compilation
const times = [];
for (let i = 0; i < runs; i++) {
  const t = process.hrtime.bigint();
  evaluate(p);
  times.push(Number(process.hrtime.bigint() - t) / 1e6);
}
times.sort((a, b) => a - b);
const ms = times[Math.floor(times.length / 2)];
console.log(`runs (ms): ${times.map((t) => t.toFixed(0)).join(' ')}`);
console.log(
  JSON.stringify({ entries, median_ms: Math.round(ms), engine_entries_per_s: Math.round(entries / (ms / 1000)) }),
);
