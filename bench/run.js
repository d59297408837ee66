#!/usr/bin/env node
// npm run bench: figures for the performance budgets (docs/performance.md). A benchmark, not a test: it prints a
// readable table and, as its last line, one JSON object. Medians of a few runs; compare figures as ratios.
'use strict';
const { execFileSync } = require('node:child_process');
const { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { gzipSync } = require('node:zlib');

const root = join(__dirname, '..');
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'cli', 'main.js')))
  execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: root, stdio: 'inherit' });
const { parsePanel, evaluate } = require(join(dist, 'core'));
const { buildWorkbook } = require(join(dist, 'workbook', 'build'));
const { computeWorkbook } = require(join(dist, 'workbook', 'compute'));
const { specToBytes } = require(join(dist, 'hosts', 'xlsx', 'writeWorkbook'));
const { useCodec } = require(join(dist, 'hosts', 'xlsx', 'package', 'container'));
const { nodeCodec } = require(join(dist, 'hosts', 'xlsx', 'package', 'nodeCodec'));
useCodec(nodeCodec);

const { rawPanel } = require('./panel');

function panel(cases, experts) {
  return parsePanel(rawPanel(cases, experts));
}

// Runs one `ceeas` command in a process of its own, as a user would, and returns its time and peak RSS.
const CHILD = `
const { run } = require(${JSON.stringify(join(dist, 'cli', 'main.js'))});
const t = process.hrtime.bigint();
run(process.argv.slice(1), { stdout: () => {}, stderr: () => {} }).then((code) => {
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  process.stdout.write(JSON.stringify({ code, ms, peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
});`;

function ceeasProcess(...args) {
  return ceeasProcessExit([0], ...args);
}

/** The same, for a command whose expected exit code is one of `codes` (advance reports undecided cases with 1). */
function ceeasProcessExit(codes, ...args) {
  const out = JSON.parse(execFileSync(process.execPath, ['-e', CHILD, ...args], { encoding: 'utf8' }));
  if (!codes.includes(out.code)) throw new Error(`ceeas ${args.join(' ')} exited with ${out.code}`);
  return out;
}

function time(fn, runs = 3) {
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    result = fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], result };
}

async function timeAsync(fn, runs = 3) {
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    result = await fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], result };
}

function gzipKb(dir, test) {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter(test);
  if (files.length === 0) return null;
  return Math.round(files.reduce((a, f) => a + gzipSync(readFileSync(join(dir, f))).length, 0) / 102.4) / 10;
}

async function main() {
  const now = '2026-11-24 12:00:00';
  const rows = [];
  const engineRuns = Number(process.env.BENCH_RUNS || 3);

  const p1000 = panel(1000, [9, 9, 9]);
  const entries = p1000.scores.length;
  const engine = time(() => evaluate(p1000), engineRuns);
  const entriesPerS = Math.round(entries / (engine.ms / 1000));
  rows.push([
    'engine: validate + aggregate 1,000 cases × 9/9/9',
    `${engine.ms.toFixed(0)} ms`,
    `${entriesPerS.toLocaleString()} entries/s`,
  ]);

  const build = await timeAsync(
    async () => specToBytes(buildWorkbook(p1000, { now, user: 'bench', password: 'bench-password' }).spec),
    1,
  );
  rows.push([
    'build 1,000 cases (.xlsx)',
    `${build.ms.toFixed(0)} ms`,
    `${(build.result.length / 1048576).toFixed(1)} MB`,
  ]);

  const dir = mkdtempSync(join(tmpdir(), 'ceeas-bench-'));
  const book = join(dir, 'book1000.xlsx');
  writeFileSync(book, build.result);
  // Every command that edits a workbook, each in a process of its own on a fresh copy of the same 1,000-case
  // workbook, as a user runs it; the budget is 1.5 × compute.
  const copy = (name) => {
    const path = join(dir, `${name}.xlsx`);
    writeFileSync(path, build.result);
    return path;
  };
  const csv = join(dir, 'cases.csv');
  writeFileSync(
    csv,
    [
      '案例编号,案例名称,申报单位',
      ...Array.from({ length: 10 }, (_x, i) => `N${i + 1},新案例${i + 1},新单位${i + 1}`),
    ].join('\n'),
  );
  const beforeFinal = rawPanel(1000, [9, 9, 9]);
  beforeFinal.rounds.final = { experts: [] };
  beforeFinal.scores = beforeFinal.scores.filter((x) => x.round !== 'final');
  const undrawn = join(dir, 'undrawn.xlsx');
  writeFileSync(
    undrawn,
    await specToBytes(buildWorkbook(parsePanel(beforeFinal), { now, user: 'bench', password: 'bench-password' }).spec),
  );
  const returned = join(dir, 'returned.xlsx');
  ceeasProcess('export', book, '--round', 'initial', '--expert', 'E001', '-o', returned);
  const commands = {
    compute: () => ceeasProcess('compute', copy('compute')),
    review: () => ceeasProcess('review', copy('review')),
    import: () => ceeasProcess('import', copy('import'), '--cases', csv),
    // The bench workbook has every round drawn; the draw is timed on the same workbook before its 终评 draw.
    draw: () => ceeasProcess('draw', undrawn, '--round', 'final', '--count', '9', '--seed', 'bench'),
    sheets: () => ceeasProcess('sheets', copy('sheets'), '--round', 'final'),
    export: () => ceeasProcess('export', book, '--round', 'initial', '--expert', 'E002', '-o', join(dir, 'e2.xlsx')),
    collect: () => ceeasProcess('collect', copy('collect'), returned),
    advance: () => ceeasProcessExit([0, 1], 'advance', copy('advance'), '--from', 'initial', '--top', '500'),
    form: () => ceeasProcess('form', copy('form'), '--round', 'initial', '--expert', 'E001', '--case', 'C0001'),
    application: () => ceeasProcess('application', copy('application'), '--case', 'C0002'),
    objections: () => ceeasProcess('objections', copy('objections')),
  };
  const commandMs = {};
  for (const [name, run] of Object.entries(commands)) commandMs[name] = Math.round(run().ms);
  const compute = { ms: commandMs.compute };
  for (const [name, ms] of Object.entries(commandMs))
    rows.push([`ceeas ${name} 1,000 cases`, `${ms} ms`, `${(ms / compute.ms).toFixed(2)} × compute`]);
  const worstRatio = Math.max(...Object.values(commandMs).map((ms) => ms / compute.ms));

  let loMs = null;
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    const profile = join(dir, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(
      join(profile, 'user', 'registrymodifications.xcu'),
      '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>',
    );
    // A first conversion sets the fresh profile up; the one timed is the second.
    const warm = join(dir, 'warm.xlsx');
    writeFileSync(warm, await specToBytes(buildWorkbook(panel(5, [3, 3, 3]), { now, user: 'bench' }).spec));
    execFileSync(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${profile}`,
        '--convert-to',
        'xlsx',
        '--outdir',
        join(dir, 'lo'),
        warm,
      ],
      { stdio: 'ignore', timeout: 900000 },
    );
    const t = process.hrtime.bigint();
    execFileSync(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${profile}`,
        '--convert-to',
        'xlsx',
        '--outdir',
        join(dir, 'lo'),
        book,
      ],
      { stdio: 'ignore', timeout: 900000 },
    );
    loMs = Number(process.hrtime.bigint() - t) / 1e6;
    rows.push([
      'LibreOffice recalculating the same workbook',
      `${loMs.toFixed(0)} ms`,
      `compute/LO = ${(compute.ms / loMs).toFixed(2)}`,
    ]);
  } catch {
    rows.push(['LibreOffice recalculating the same workbook', 'not installed', '']);
  }

  const bigRaw = rawPanel(2000, [15, 15, 15]);
  const big = parsePanel(bigRaw);
  const bigEval = time(() => evaluate(big), 1);
  rows.push([
    'engine: 2,000 cases × 15/15/15',
    `${bigEval.ms.toFixed(0)} ms`,
    `${big.scores.length.toLocaleString()} entries`,
  ]);
  // The largest workbook of the budget goes through `ceeas build` and `ceeas compute`, each in its own process:
  // the peak RSS of each is what a secretariat's machine needs.
  const bigPanel = join(dir, 'panel2000.json');
  const bigBook = join(dir, 'book2000.xlsx');
  writeFileSync(bigPanel, JSON.stringify(bigRaw));
  const bigBuild = ceeasProcess('build', bigPanel, '-o', bigBook);
  rows.push(['ceeas build 2,000 cases × 15/15/15', `${bigBuild.ms.toFixed(0)} ms`, `peak RSS ${bigBuild.peakMb} MB`]);
  const bigCompute = ceeasProcess('compute', bigBook);
  rows.push([
    'ceeas compute 2,000 cases × 15/15/15',
    `${bigCompute.ms.toFixed(0)} ms`,
    `peak RSS ${bigCompute.peakMb} MB`,
  ]);
  rmSync(dir, { recursive: true, force: true });
  const peak = Math.max(Math.round(process.resourceUsage().maxRSS / 1024), bigBuild.peakMb, bigCompute.peakMb);
  rows.push(['peak RSS', `${peak} MB`, '']);

  // The add-in: syncs and payloads of every command at 5, 500 and 2,000 cases on the fake Excel host, in a
  // process of its own; the bundle sizes from a production build (made here when there is none).
  execFileSync('npx', ['tsc', '-p', 'tsconfig.bench.json'], { cwd: root, stdio: 'inherit' });
  const office = JSON.parse(
    execFileSync(
      process.execPath,
      ['--max-old-space-size=16384', join(root, '.tmp', 'bench', 'bench', 'addinSyncs.js')],
      {
        cwd: root,
        maxBuffer: 1 << 22,
      },
    ).toString(),
  );
  const mb = (b) => `${(b / 1e6).toFixed(2)} MB`;
  for (const [command, bySize] of Object.entries(office)) {
    const s = (k) => bySize[k];
    rows.push([
      `add-in ${command} (5 / 500 / 2,000 cases)`,
      `${s('5').syncs} / ${s('500').syncs} / ${s('2000').syncs} syncs`,
      `largest request ${mb(s('2000').max_request_bytes)}, response ${mb(s('2000').max_response_bytes)}, total request ${mb(s('2000').total_request_bytes)} at 2,000`,
    ]);
  }
  const addin = join(root, 'dist-addin');
  if (!existsSync(join(addin, 'taskpane.html')))
    execFileSync('npx', ['webpack', '--mode', 'production'], { cwd: root, stdio: 'ignore' });
  const result = {
    engine_entries_per_s: entriesPerS,
    build_1000_ms: Math.round(build.ms),
    compute_1000_ms: Math.round(compute.ms),
    commands_1000_ms: commandMs,
    max_command_to_compute: Math.round(worstRatio * 100) / 100,
    compute_to_libreoffice: loMs === null ? null : Math.round((compute.ms / loMs) * 100) / 100,
    libreoffice_recalc_1000_ms: loMs === null ? null : Math.round(loMs),
    peak_rss_mb: peak,
    build_2000_ms: Math.round(bigBuild.ms),
    compute_2000_ms: Math.round(bigCompute.ms),
    build_2000_peak_rss_mb: bigBuild.peakMb,
    compute_2000_peak_rss_mb: bigCompute.peakMb,
    office,
    taskpane_js_gzip_kb: gzipKb(addin, (f) => /^taskpane.*\.js$/.test(f) || /^vendor.*\.js$/.test(f)),
    functions_js_gzip_kb: gzipKb(addin, (f) => /^functions.*\.js$/.test(f)),
  };
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const r of rows) console.log(`${r[0].padEnd(w)}  ${r[1].padStart(14)}  ${r[2]}`);
  console.log(JSON.stringify(result));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
