// Stands in for office.js in the end-to-end test: the built task pane page loads this script where Excel would
// load Microsoft's office.js, so the very page an office deploys runs against our fake Excel host, which
// enforces load/sync like Excel and calculates the sheets (CEEAS functions included).
import { fakeExcelNamespace, FakeWorkbookState } from '../../fakes/fakeExcel';
import { formulaCalculator } from '../../fakes/formulaCalc';
import { a1, parseA1 } from '../../../src/workbook/address';
import { parsePanel } from '../../../src/core/panel/parsePanel';
import { applySheets } from '../../../src/hosts/office/applySheets';
import { buildWorkbook } from '../../../src/workbook/build';
import { fakeExcel } from '../../fakes/fakeExcel';
import { makePanel } from '../../helpers/panels';
import { scoreFor } from './scores';

const state = new FakeWorkbookState();
state.calculator = formulaCalculator();

const g = globalThis as unknown as Record<string, unknown>;
g.Excel = fakeExcelNamespace(state);
g.Office = {
  onReady: (callback?: (info: { host: string; platform: string }) => void) => {
    const info = { host: 'Excel', platform: 'OfficeOnline' };
    callback?.(info);
    return Promise.resolve(info);
  },
  context: { displayLanguage: new URLSearchParams(location.search).get('lang') ?? 'zh-CN' },
  actions: { associate: () => undefined },
  addin: { showAsTaskpane: () => Promise.resolve() },
};
g.CustomFunctions = {
  associate: () => undefined,
  Error: class extends Error {},
  ErrorCode: { invalidValue: '#VALUE!', invalidNumber: '#NUM!' },
};

const sheet = (name: string) => {
  const s = state.sheet(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

/** What the test reads of, and does to, the workbook: a clerk or an expert working in Excel itself. */
g.__e2e = {
  sheets: () => state.sheets.map((s) => s.name),
  selected: () => state.selected,
  syncs: () => state.syncs,
  /** The shown value of a cell (a formula's calculated value). */
  value: (name: string, address: string) => {
    const s = sheet(name);
    const c = s.cells.get(address);
    if (!c) return '';
    if (c.formula === null) return c.value;
    const { row, column } = parseA1(address);
    const v = state.valueOf(s, row, column);
    return typeof v === 'object' && v !== null ? String((v as { code: string }).code) : v;
  },
  formula: (name: string, address: string) => sheet(name).cells.get(address)?.formula ?? null,
  /** Types into a cell as a person would: allowed where the sheet's protection allows it. */
  type: (name: string, address: string, value: unknown) => {
    const s = sheet(name);
    const { row, column } = parseA1(address);
    const c = s.cell(row, column);
    if (s.protectedWith && c.locked) throw new Error(`${name}!${address} is locked`);
    c.value = value;
    c.formula = null;
    state.revision++;
  },
  /** Finds the first cell holding `text` on a sheet, as A1. */
  find: (name: string, text: string) => {
    for (const [address, c] of sheet(name).cells) if (c.value === text) return address;
    return null;
  },
  /** Every expert of a round types scores into each unlocked cell of their sheet (rows 6 on, columns E..Q). */
  fillRound: (prefix: string) => {
    for (const s of state.sheets.filter((x) => x.name.startsWith(`${prefix}-`))) {
      for (let r = 6; r < 6 + 500; r++) {
        if (s.cells.at(r, 2) === undefined || s.cells.at(r, 2)!.value === '') break;
        for (let c = 5; c <= 17; c++) {
          const cell = s.cells.at(r, c);
          if (cell && cell.locked === false && (cell.value === '' || cell.value === null)) {
            cell.value = scoreFor(r, c, s.name);
            state.revision++;
          }
        }
      }
    }
  },
  /**
   * Replaces the workbook by a large evaluation, as `ceeas build` writes it (no password), so that the pane's
   * commands must split their requests; the payload counters start afresh.
   */
  openLarge: async (cases: number) => {
    const spec = buildWorkbook(parsePanel(makePanel({ cases, experts: [3, 3, 3] })), {
      now: '2026-12-01 09:00:00',
      user: 'e2e',
    }).spec;
    state.sheets = [];
    await applySheets(fakeExcel(state).context, spec.sheets, spec.styles);
    state.requestBytes = [];
    state.responseBytes = [];
    return state.sheets.length;
  },
  /** The size of every request and response so far, in UTF-8 bytes. */
  payloads: () => ({ requests: state.requestBytes, responses: state.responseBytes }),
  a1,
};
