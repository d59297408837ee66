#!/usr/bin/env node
// Engine-only figure: `evaluate` on the panel of bench/run.js (1,000 cases × 9/9/9 experts, 27,000 entries), timed
// alone (parsePanel is not). Prints the median of RUNS runs (default 5) after one warm-up run.
// Usage: npx tsc -p tsconfig.cli.json && node bench/engine.js [RUNS]
'use strict';
const { join } = require('node:path');
const { parsePanel, evaluate } = require(join(__dirname, '..', 'dist', 'core'));

const ITEMS = [
  ['innovation.necessity', 10],
  ['innovation.breakthrough', 15],
  ['innovation.strategy', 5],
  ['practicality.feasibility', 5],
  ['practicality.effectiveness', 5],
  ['practicality.risk', 5],
  ['conversion.mechanism', 5],
  ['conversion.degree', 10],
  ['conversion.benefit', 10],
  ['conversion.compliance', 5],
  ['promotion.maturity', 5],
  ['promotion.internal', 10],
  ['promotion.influence', 10],
];

/** The same generator as bench/run.js: every case in every round, pseudo-random scores in the upper half. */
function panel(cases, experts) {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const raw = { title: '基准测试', cases: [], experts: [], rounds: {}, scores: [] };
  for (let i = 1; i <= cases; i++)
    raw.cases.push({ id: `C${String(i).padStart(4, '0')}`, name: `案例${i}`, applicant: `单位${i}`, category: 'A.2' });
  let e = 0;
  for (const [ri, r] of ['initial', 'review', 'final'].entries()) {
    const ids = [];
    for (let j = 0; j < experts[ri]; j++) {
      const id = `E${String(++e).padStart(3, '0')}`;
      raw.experts.push({ id, name: `专家${e}`, organization: `机构${e}` });
      ids.push(id);
      for (const c of raw.cases) {
        const items = {};
        for (const [item, max] of ITEMS) items[item] = Math.round(max * (0.5 + rnd() * 0.5));
        raw.scores.push({ round: r, expert: id, case: c.id, items });
      }
    }
    raw.rounds[r] = { experts: ids };
  }
  return parsePanel(raw);
}

const runs = Number(process.argv[2] || 5);
const p = panel(1000, [9, 9, 9]);
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
