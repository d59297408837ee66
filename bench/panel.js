'use strict';
// The benchmark's panel file: every case in every round, pseudo-random scores in the upper half of each item's
// range, the same on every run (a fixed linear congruential sequence). Shared by bench/run.js and bench/engine.js.

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

/** A panel file of `cases` cases with `experts` experts in each of the three rounds, every case in every round. */
function rawPanel(cases, experts) {
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
  return raw;
}

module.exports = { rawPanel };
