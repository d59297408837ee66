// The add-in's share of `npm run bench`: context.sync() counts of every command at 5 and at 500 cases, and the
// largest single request and response at 1,000 cases (Excel on the web limits both to 5 MB), measured on the fake Excel host (which counts syncs and request bytes as
// Excel would receive them). Compiled by tsconfig.bench.json; bench/run.js runs it in a process of its own.
import * as actions from '../src/addin/office/actions';
import { parsePanel } from '../src/core/panel/parsePanel';
import { applySheets } from '../src/hosts/office/applySheets';
import { buildWorkbook } from '../src/workbook/build';
import { fakeExcel } from '../test/fakes/fakeExcel';
import { makePanel } from '../test/helpers/panels';

const options = { password: 'bench-pw', user: 'bench', now: '2026-11-24 12:00:00' };

async function measure(cases: number) {
  const panel = parsePanel(makePanel({ cases, experts: [9, 9, 9] }));
  const spec = buildWorkbook(panel, { now: options.now, user: 'bench', password: options.password }).spec;
  const { context, state } = fakeExcel();
  await applySheets(context, spec.sheets, spec.styles, spec.password);
  const syncs: Record<string, number> = {};
  let largest = 0;
  let answer = 0;
  const run = async (name: string, work: () => Promise<unknown>) => {
    state.requestBytes = [];
    state.responseBytes = [];
    const before = state.syncs;
    await work();
    syncs[name] = state.syncs - before;
    largest = Math.max(largest, ...state.requestBytes);
    answer = Math.max(answer, ...state.responseBytes);
  };
  await run('computeGrades', () => actions.computeGrades(context, options));
  await run('makeNotices', () => actions.makeNotices(context, options));
  await run('auditWorkbook', () => actions.auditWorkbook(context));
  await run('reviewCases', () => actions.reviewCases(context, options));
  await run('reviewObjections', () => actions.reviewObjections(context, options));
  await run('generateExpertSheets', () => actions.generateExpertSheets(context, 'initial', options));
  await run('setUpWorkbook', () => actions.setUpWorkbook(context, options));
  await run('advanceRound', () => actions.advanceRound(context, 'initial', { kind: 'top', n: 3 }, options));
  await run('exportExpertWorkbook', () => actions.exportExpertWorkbook(context, 'initial', 'E01', options));
  return { syncs, largest, answer };
}

async function main() {
  const small = await measure(5);
  const large = await measure(500);
  const thousand = await measure(1000);
  const syncs = Object.fromEntries(Object.keys(small.syncs).map((k) => [k, [small.syncs[k], large.syncs[k]]]));
  process.stdout.write(
    JSON.stringify({ syncs, max_request_bytes: thousand.largest, max_response_bytes: thousand.answer }),
  );
}

void main();
