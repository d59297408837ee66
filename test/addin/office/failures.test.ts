import { parsePanel } from '../../../src/core';
import * as actions from '../../../src/addin/office/actions';
import { applySheets } from '../../../src/hosts/office/applySheets';
import { isLeftover } from '../../../src/hosts/office/staging';
import { specToBytes } from '../../../src/hosts/xlsx/writeWorkbook';
import { buildWorkbook } from '../../../src/workbook/build';
import { cloneState, fakeExcel, type FakeSheet, type FakeWorkbookState } from '../../fakes/fakeExcel';
import { makePanel, type RawPanel } from '../../helpers/panels';

// Excel keeps what a failing batch did before the failure (no rollback). A failure injected at every operation a
// command sends must leave every sheet either as it was or as the command makes it, every protected sheet
// protected, no staging sheet in sight; and the same command run again must give what it gives undisturbed.

const now = '2026-11-24 09:00:00';
const opts = { password: 'pw-1', user: '秘书处', now };

/** A panel of two cases whose `without` round has no scores yet (its sheets are blank). */
function panelWithout(without: string | null): RawPanel {
  const raw = makePanel({ cases: 2, experts: [2, 1, 1], total: (r, e, c) => 70 + 5 * e + 3 * c });
  return { ...raw, scores: (raw.scores ?? []).filter((s) => (s as { round: string }).round !== without) };
}

async function workbookOf(raw: RawPanel): Promise<FakeWorkbookState> {
  const spec = buildWorkbook(parsePanel(raw), { now, user: 't', password: opts.password }).spec;
  const { context, state } = fakeExcel();
  await applySheets(context, spec.sheets, spec.styles, spec.password);
  return state;
}

/** What a sheet holds, everything a command could leave half-done. */
function sheetState(s: FakeSheet): string {
  return JSON.stringify({
    cells: [...s.cells].map(([a, c]) => [
      a,
      c.value,
      c.formula,
      c.numberFormat,
      c.locked,
      Object.entries(c.style).sort(),
    ]),
    merges: s.merges,
    validations: [...s.validations],
    conditional: s.conditionalFormats,
    tables: s.tables,
    charts: s.charts.length,
    protectedWith: s.protectedWith,
    print: s.pageLayout,
  });
}

/** A cell-by-cell view, for sheets a command writes single cells into. */
const cellsOf = (s: FakeSheet) => new Map([...s.cells].map(([a, c]) => [a, JSON.stringify([c.value, c.formula])]));

function byName(state: FakeWorkbookState): Map<string, FakeSheet> {
  return new Map(state.sheets.map((s) => [s.name, s]));
}

type Command = (context: Excel.RequestContext) => Promise<unknown>;

async function injectEverywhere(start: FakeWorkbookState, run: Command, cellSheets: (name: string) => boolean) {
  const reference = cloneState(start);
  const ops0 = reference.operations;
  await run(fakeExcel(reference).context);
  const total = reference.operations - ops0;
  const before = byName(start);
  const after = byName(reference);
  expect(total).toBeGreaterThan(20);
  let failed = 0;
  for (let k = 0; k < total; k++) {
    const state = cloneState(start);
    state.failAt = state.operations + k;
    const outcome = await run(fakeExcel(state).context).then(
      () => null,
      (e: Error) => e,
    );
    if (outcome) {
      failed++;
      expect(outcome.message).toMatch(/Excel 拒绝了操作/);
    }
    const where = `failure at operation ${k} of ${total}`;
    for (const s of state.sheets) {
      // No staging sheet is left behind; the add-in puts right what the failure left.
      expect([where, s.name, isLeftover(s.name)]).toEqual([where, s.name, false]);
      const was = before.get(s.name);
      const will = after.get(s.name);
      if (was?.protectedWith) expect([where, s.name, s.protectedWith]).toEqual([where, s.name, was.protectedWith]);
      if (cellSheets(s.name) && was && will) {
        // Cells written into a sheet that stays: each is as it was or as the command writes it.
        const [old, mine, theirs] = [cellsOf(was), cellsOf(s), cellsOf(will)];
        for (const [a, v] of mine)
          if (v !== old.get(a)) expect([where, s.name, a, v]).toEqual([where, s.name, a, theirs.get(a)]);
      } else {
        const now = sheetState(s);
        const whole = (was && now === sheetState(was)) || (will && now === sheetState(will));
        expect([where, s.name, whole]).toEqual([where, s.name, true]);
      }
    }
    // Every sheet the workbook had is still there (under its own name).
    for (const name of before.keys()) expect([where, state.sheets.some((s) => s.name === name)]).toEqual([where, true]);
    // The next run repairs it: the same command gives the same workbook as an undisturbed run. A failure after
    // every new sheet was complete is finished there and then: the command succeeded and needs no second run.
    if (outcome) await run(fakeExcel(state).context);
    expect([where, state.sheets.map((s) => s.name)]).toEqual([where, reference.sheets.map((s) => s.name)]);
    for (const s of state.sheets) {
      if (s.name === '操作日志' && outcome && cellSheets('初评-')) {
        // A second collect logs what it fills itself, the cells the first left; when the first had filled them
        // all before failing, there is nothing left to fill and nothing to log (the input fingerprint shows it).
        expect([where, s.cells.rowCount() >= before.get(s.name)!.cells.rowCount()]).toEqual([where, true]);
        expect([where, s.cells.rowCount() <= after.get(s.name)!.cells.rowCount()]).toEqual([where, true]);
        continue;
      }
      expect([where, s.name, sheetState(s)]).toEqual([where, s.name, sheetState(after.get(s.name)!)]);
    }
  }
  // Injections past the command's last operation do not fail it; every other one does.
  expect(failed).toBeGreaterThan(total / 2);
}

describe('a failure inside Excel at any operation', () => {
  it('computeGrades leaves every sheet whole and protected, and the next run repairs it', async () => {
    const start = await workbookOf(panelWithout(null));
    await injectEverywhere(
      start,
      (c) => actions.computeGrades(c, opts),
      () => false,
    );
  }, 300_000);

  it('generateExpertSheets leaves every sheet whole and protected, and the next run repairs it', async () => {
    const start = await workbookOf(panelWithout('review'));
    await injectEverywhere(
      start,
      (c) => actions.generateExpertSheets(c, 'review', opts),
      () => false,
    );
  }, 300_000);

  it('collect leaves every cell as it was or as collected, every sheet protected, and the next run completes it', async () => {
    const start = await workbookOf(panelWithout('initial'));
    const full = buildWorkbook(parsePanel(panelWithout(null)), { now, user: 't', password: opts.password }).spec;
    const bytes = await specToBytes(full);
    const file = {
      name: 'returned.xlsx',
      data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    };
    await injectEverywhere(
      start,
      (c) => actions.collectWorkbooks(c, [file], opts),
      (n) => n.startsWith('初评-'),
    );
  }, 300_000);
});
