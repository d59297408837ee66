// The add-in's share of `npm run bench`: for every command, on the fake Excel host (which measures requests and
// responses in UTF-8 bytes of the JSON Excel would receive and send, and refuses either above 5 MB as Excel on the
// web does), its context.sync() count, its largest request and response and its total request, at 5 and 500
// cases (9/9/9 experts) and at 2,000 cases (15/15/15). Compiled by tsconfig.bench.json; bench/run.js runs it in a
// process of its own.
import * as actions from '../src/addin/office/actions';
import { parsePanel } from '../src/core/panel/parsePanel';
import { applySheets } from '../src/hosts/office/applySheets';
import { buildWorkbook } from '../src/workbook/build';
import { fakeExcel } from '../test/fakes/fakeExcel';
import { makePanel } from '../test/helpers/panels';

const options = { password: 'bench-pw', user: 'bench', now: '2026-11-24 12:00:00' };

interface Measured {
  syncs: number;
  max_request_bytes: number;
  max_response_bytes: number;
  total_request_bytes: number;
}

async function measure(cases: number, experts: [number, number, number]): Promise<Record<string, Measured>> {
  const panel = parsePanel(makePanel({ cases, experts }));
  const spec = buildWorkbook(panel, { now: options.now, user: 'bench', password: options.password }).spec;
  const { context, state } = fakeExcel();
  await applySheets(context, spec.sheets, spec.styles, spec.password);
  const out: Record<string, Measured> = {};
  const run = async (name: string, work: () => Promise<unknown>) => {
    const [before, at] = [state.syncs, state.requestBytes.length];
    await work();
    const requests = state.requestBytes.slice(at);
    out[name] = {
      syncs: state.syncs - before,
      max_request_bytes: Math.max(0, ...requests),
      max_response_bytes: Math.max(0, ...state.responseBytes.slice(at)),
      total_request_bytes: requests.reduce((a, b) => a + b, 0),
    };
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
  return out;
}

async function main() {
  const sizes: [string, number, [number, number, number]][] = [
    ['5', 5, [9, 9, 9]],
    ['500', 500, [9, 9, 9]],
    ['2000', 2000, [15, 15, 15]],
  ];
  const office: Record<string, Record<string, Measured>> = {};
  // BENCH_OFFICE_SIZES=5,500 measures only those sizes (a quicker pass); every size by default.
  const only = process.env.BENCH_OFFICE_SIZES?.split(',');
  for (const [key, cases, experts] of sizes.filter(([k]) => !only || only.includes(k))) {
    const t = Date.now();
    const measured = await measure(cases, experts);
    for (const [command, m] of Object.entries(measured)) (office[command] ??= {})[key] = m;
    process.stderr.write(`office ${key} cases: ${Math.round((Date.now() - t) / 1000)} s\n`);
  }
  process.stdout.write(JSON.stringify(office));
}

void main();
