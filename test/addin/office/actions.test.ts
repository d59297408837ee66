import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePanel } from '../../../src/core';
import * as actions from '../../../src/addin/office/actions';
import { applySheets } from '../../../src/hosts/office/applySheets';
import { buildWorkbook } from '../../../src/workbook/build';
import { fakeExcel, type FakeWorkbookState } from '../../fakes/fakeExcel';
import { formulaCalculator } from '../../fakes/formulaCalc';
import { makePanel } from '../../helpers/panels';
import { excelJsBook } from '../../helpers/excelJsReader';

const small = parsePanel(JSON.parse(readFileSync(join(__dirname, '../../fixtures/panel-small.json'), 'utf8')));
const expected = JSON.parse(readFileSync(join(__dirname, '../../fixtures/panel-small.expected.json'), 'utf8'));
const now = '2026-11-24 09:00:00';
const opts = { password: 'pw-1', user: '秘书处', now };

/** A fake Excel holding the workbook `ceeas build` would write, calculating like Excel. */
async function openBuilt(panel = small, password = 'pw-1') {
  const spec = buildWorkbook(panel, { now, user: 't', password }).spec;
  const excel = fakeExcel();
  excel.state.calculator = formulaCalculator();
  await applySheets(excel.context, spec.sheets, spec.styles, spec.password);
  return excel;
}

/** Everything a workbook holds, to prove a refused command changed nothing. */
function snapshot(state: FakeWorkbookState): string {
  return JSON.stringify(
    state.sheets.map((s) => ({
      name: s.name,
      cells: [...s.cells],
      protectedWith: s.protectedWith,
      charts: s.charts,
      merges: s.merges,
    })),
  );
}

const cell = (state: FakeWorkbookState, sheet: string, address: string) =>
  state.sheets.find((s) => s.name === sheet)?.cells.get(address);

describe('the add-in commands on an open workbook', () => {
  it('计算等级 gives the engine’s results; Excel’s CEEAS formulas in 汇总 show the same numbers and the audit is clean', async () => {
    const { context, state } = await openBuilt();
    const before = state.syncs;
    const result = await actions.computeGrades(context, opts);
    expect(state.syncs - before).toBeLessThanOrEqual(6);
    for (const c of expected.cases) {
      const got = result.json.cases.find((x) => x.id === c.id)!;
      expect([got.status, got.score, got.grade]).toEqual([c.status, c.score, c.grade]);
    }
    // C001 is graded: its S and grade are CEEAS formulas over the experts' totals, which Excel (the fake) calculates.
    const score = cell(state, '汇总', 'R4')!;
    expect(score.formula).toMatch(/^CEEAS\.SCORE\(/);
    expect(cell(state, '汇总', 'S4')!.formula).toBe('CEEAS.GRADE(R4,"rounded",2)');
    expect(cell(state, '汇总', 'G4')!.formula).toMatch(/^CEEAS\.ROUNDMEAN\(/);
    const audit = await actions.auditWorkbook(context);
    expect(audit.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // 等级汇总 carries its charts.
    const grades = state.sheets.find((s) => s.name === '等级汇总')!;
    expect(grades.charts.map((c) => c.title)).toEqual(['等级分布（全部案例）', '各产业类别等级分布', '各轮均分分布']);
  });

  it('审计检查 says Excel is still calculating (#BUSY!) or the functions are not loaded (#NAME?) instead of reporting stale results', async () => {
    const { context, state } = await openBuilt();
    await actions.computeGrades(context, opts);
    // Custom functions answer asynchronously: for a few syncs after a change their cells read #BUSY!.
    state.rules.customFunctionSyncs = 50;
    state.busyUntil = state.syncs + 50;
    const busy = await actions.auditWorkbook(context);
    expect(busy.message).toMatch(/^Excel 仍在计算（汇总!\w+ 显示 #BUSY!）/);
    expect(busy.findings).toEqual([]);
    state.rules.customFunctionSyncs = 0;
    state.busyUntil = -1;
    state.rules.functionsRegistered = false;
    state.revision++; // Excel recalculates when the functions' registration changes
    const unnamed = await actions.auditWorkbook(context);
    expect(unnamed.message).toMatch(/^CEEAS 自定义函数尚未加载（汇总!\w+ 显示 #NAME\?）/);
    state.rules.functionsRegistered = true;
    state.revision++;
    expect((await actions.auditWorkbook(context)).message).toBe('审计检查未发现问题。');
  });

  it('a wrong password is told apart from Excel refusing the check for another reason', async () => {
    const { context, state } = await openBuilt();
    await actions.computeGrades(context, opts);
    await expect(actions.computeGrades(context, { ...opts, password: 'wrong' })).rejects.toThrow(/密码不对/);
    // office-js#6784: protect() and unprotect() refused whatever the password.
    state.rules.protectionRegression = true;
    const refused = await actions.computeGrades(context, opts).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(refused).toMatch(/^Excel 拒绝了操作.*AccessDenied/);
    expect(refused).not.toMatch(/输入的工作簿密码不对/);
    state.rules.protectionRegression = false;
    expect(
      state.sheets.filter((s) => s.name === '汇总' || s.name.startsWith('初评-')).every((s) => s.protectedWith),
    ).toBe(true);
  });

  it('计算等级 again replaces the output sheets and their charts, never an expert sheet', async () => {
    const { context, state } = await openBuilt();
    await actions.computeGrades(context, opts);
    const expertBefore = JSON.stringify([...state.sheets.find((s) => s.name === '初评-E01')!.cells]);
    await actions.computeGrades(context, opts);
    expect(state.sheets.find((s) => s.name === '等级汇总')!.charts).toHaveLength(3);
    expect(JSON.stringify([...state.sheets.find((s) => s.name === '初评-E01')!.cells])).toBe(expertBefore);
  });

  it('refuses to rewrite protected sheets with a wrong or missing password, in Chinese, and changes nothing', async () => {
    const { context, state } = await openBuilt();
    const before = snapshot(state);
    await expect(actions.computeGrades(context, { ...opts, password: 'wrong' })).rejects.toThrow('工作簿密码');
    await expect(actions.computeGrades(context, { now })).rejects.toThrow('工作簿未作任何改动');
    expect(snapshot(state)).toBe(before);
  });

  it('reads formulas compactly but still names a constant typed over a total and a formula typed into a score', async () => {
    const { context, state } = await openBuilt();
    const sheet = state.sheets.find((s) => s.name === '初评-E01')!;
    Object.assign(sheet.cells.get('V7')!, { formula: null, value: 99 }); // over the total of the second case
    Object.assign(sheet.cells.get('F8')!, { formula: 'E8+1', value: '' }); // a formula where a score goes
    const result = await actions.computeGrades(context, opts);
    const named = result.json.findings.map((f) => `${f.code} ${f.cell}`);
    expect(named).toEqual(expect.arrayContaining(['formula-changed 初评-E01!V7', 'formula-in-input 初评-E01!F8']));
  });

  it('复核 takes the formal review from the checklist, as the engine does, even where 案例登记 shows nothing', async () => {
    const { context, state } = await openBuilt();
    // C001 (graded) fails the review on the checklist; its row of 案例登记 lost the link (as an imported row has none).
    const register = state.sheets.find((s) => s.name === '案例登记')!;
    const row = Number([...register.cells].find(([, c]) => c.value === 'C001')![0].slice(1));
    Object.assign(register.cell(row, 6), { formula: null, value: '' });
    const review = state.sheets.find((s) => s.name === '规范性审核')!;
    const at = (text: string) => [...review.cells].find(([, c]) => c.value === text)![0];
    const column = at('审核结果').replace(/\d+$/, '');
    const reviewRow = at('C001').replace(/^[A-Z]+/, '');
    review.cells.get(`${column}${reviewRow}`)!.value = '未通过';
    const result = await actions.computeGrades(context, opts);
    expect(result.json.cases[0]).toMatchObject({ id: 'C001', status: 'excluded', score: null });
    const check = state.sheets.find((s) => s.name === '复核')!;
    expect([state.valueOf(check, 4, 13), state.valueOf(check, 4, 17)]).toEqual(['', '一致']);
  });

  it('生成公示与通知 rewrites only the notice, the letters and the log', async () => {
    const panel = parsePanel(JSON.parse(readFileSync(join(__dirname, '../../../samples/panel-sample.json'), 'utf8')));
    const { context, state } = await openBuilt(panel);
    const summaryBefore = JSON.stringify([...state.sheets.find((s) => s.name === '汇总')!.cells]);
    const result = await actions.makeNotices(context, opts);
    expect(result.message).toBe('公示期 2026-12-28 至 2027-01-06。');
    expect(JSON.stringify([...state.sheets.find((s) => s.name === '汇总')!.cells])).toBe(summaryBefore);
  });

  it('sets up an empty workbook once, and a second time keeps every sheet it finds', async () => {
    const { context, state } = fakeExcel();
    const first = await actions.setUpWorkbook(context, { ...opts, title: '2027年度评价' });
    expect(first.created).toEqual(
      expect.arrayContaining([
        '评分标准',
        '案例登记',
        '规范性审核',
        '专家库',
        '轮次设置',
        '节假日',
        '异议登记',
        '操作日志',
      ]),
    );
    expect(state.sheets.find((s) => s.name === '评分标准')!.protectedWith?.password).toBe('pw-1');
    state.sheets.find((s) => s.name === '案例登记')!.cell(2, 1).value = 'C9';
    const again = await actions.setUpWorkbook(context, opts);
    expect(again.created).toEqual([]);
    expect(cell(state, '案例登记', 'A2')?.value).toBe('C9');
  });

  it('runs a round from an empty workbook: import, draw, sheets, export, collect, compute', async () => {
    const { context, state } = fakeExcel();
    state.calculator = formulaCalculator();
    await actions.setUpWorkbook(context, { ...opts, title: '评价' });
    const csv = (text: string) => ({ name: 'x.csv', data: new TextEncoder().encode(text).buffer as ArrayBuffer });
    const cases = await actions.importRegister(
      context,
      'cases',
      csv(
        '案例编号,案例名称,申报单位,产业类别,规范性审核,初评\nC1,=HYPERLINK("x"),甲公司,A.2,通过,是\nC2,乙项目,乙公司,A.1,通过,是\n',
      ),
      opts,
    );
    expect(cases.message).toContain('C1、C2');
    expect(cell(state, '案例登记', 'B2')).toMatchObject({ value: '=HYPERLINK("x")', formula: null });
    await actions.importRegister(
      context,
      'experts',
      csv(
        '专家编号,姓名,工作单位,专业领域\nE1,张一,甲公司,A.2\nE2,李二,丙大学,A.2\nE3,王三,丁所,A.1\nE4,赵四,戊院,A.2\n',
      ),
      opts,
    );
    const drawn = await actions.drawRoundExperts(
      context,
      { round: 'initial', count: 3, seed: 'S-1', minEligible: 2 },
      opts,
    );
    expect(drawn.experts).toHaveLength(3);
    const sheets = await actions.generateExpertSheets(context, 'initial', opts);
    expect(sheets.sheets.map((s) => s.expert).sort()).toEqual([...drawn.experts].sort());
    if (drawn.experts.includes('E1')) {
      // E1 works for C1's applicant: the row is marked 回避 (E.1).
      const e1 = state.sheets.find((s) => s.name === '初评-E1')!;
      expect([...e1.cells].some(([, c]) => c.value === '回避')).toBe(true);
    }

    // Every expert fills the exported workbook and sends it back.
    const returned: { name: string; data: ArrayBuffer }[] = [];
    for (const s of sheets.sheets) {
      const out = await actions.exportExpertWorkbook(context, 'initial', s.expert, opts);
      expect(out.fileName).toBe(`${s.sheet}.xlsx`);
      const wb = await excelJsBook(Buffer.from(out.data));
      expect(wb.worksheets.map((w) => w.name)).toEqual([s.sheet, '评分标准']);
      const ws = wb.getWorksheet(s.sheet)!;
      for (let r = 6; r <= 7; r++) {
        if (ws.getCell(r, 24).value === '回避') continue;
        for (let c = 5; c <= 17; c++) ws.getCell(r, c).value = 3;
      }
      returned.push({ name: `${s.sheet}.xlsx`, data: (await wb.xlsx.writeBuffer()) as ArrayBuffer });
    }
    returned.push({ name: 'old.xls', data: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]).buffer });
    const collected = await actions.collectWorkbooks(context, returned, opts);
    expect(collected.message).toMatch(/填入 \d+ 格/);
    expect(collected.findings?.map((f) => f.message)).toEqual([expect.stringContaining('旧版 .xls')]);

    // Collecting the same files again fills nothing and reports no conflict.
    const twice = await actions.collectWorkbooks(context, returned.slice(0, 1), opts);
    expect(twice.message).toContain('填入 0 格');

    const computed = await actions.computeGrades(context, opts);
    expect(computed.json.cases.map((c) => c.rounds.initial?.mean)).toEqual(['39.00', '39.00']);
    // New sheets land where a secretariat looks for them, not after 操作日志.
    const names = state.sheets.map((s) => s.name);
    expect(names.slice(0, 12)).toEqual([
      '评分标准',
      '案例登记',
      '规范性审核',
      '专家库',
      '轮次设置',
      '节假日',
      '汇总',
      '复核',
      '等级汇总',
      '一致性分析',
      '公示',
      '结果通知',
    ]);
    expect(names.slice(-2)).toEqual(['异议登记', '操作日志']);
    expect(names.slice(12, -2).every((n) => n.startsWith('初评-'))).toBe(true);
  });

  it('an imported row looks like the register’s first row, its ids kept as text', async () => {
    const { context, state } = await openBuilt();
    const reg = state.sheets.find((s) => s.name === '案例登记')!;
    const last = reg.cells.rowCount();
    const file = {
      name: 'more.csv',
      data: new TextEncoder().encode('案例编号,案例名称,申报单位,产业类别\n007,新案例,某单位,A.2\n')
        .buffer as ArrayBuffer,
    };
    const out = await actions.importRegister(context, 'cases', file, opts);
    expect(out.message).toContain('007');
    const row = last + 1;
    // The id stays "007" (text), not 7; every cell takes the first record's look.
    expect(reg.cells.at(row, 1)).toMatchObject({ value: '007', numberFormat: '@' });
    for (let c = 2; c <= 4; c++) expect(reg.cells.at(row, c)!.style).toEqual(reg.cells.at(2, c)!.style);
    // It joins the register's table, and its 是/否 columns take the same list as the rows above.
    expect(reg.tables.find((t) => t.name === 'Cases')!.ref).toBe(`A1:J${row}`);
    for (const col of ['H', 'I', 'J'])
      expect(reg.validations.get(`${col}${row}`)).toEqual(reg.validations.get(`${col}2`));
  });

  it('refuses bad input before writing anything: a registered id, a draw that cannot cover, a form that exists', async () => {
    const { context, state } = await openBuilt();
    const before = snapshot(state);
    const dup = {
      name: 'dup.csv',
      data: new TextEncoder().encode('案例编号,案例名称,申报单位\nC001,重复,某单位\n').buffer as ArrayBuffer,
    };
    const imported = await actions.importRegister(context, 'cases', dup, opts);
    expect(imported.message).toMatch(/未导入任何记录：.*第 2 行.*C001 已在“案例登记”中登记/);
    await expect(actions.drawRoundExperts(context, { round: 'review', count: 3, seed: 's' }, opts)).rejects.toThrow(
      /复评已有评审专家/,
    );
    await expect(
      actions.addScoreForm(context, { round: 'initial', expert: 'E99', caseId: 'C001' }, opts),
    ).rejects.toThrow('E99');
    expect(snapshot(state)).toBe(before);
    await actions.addApplicationForm(context, 'C001', opts);
    const withForm = snapshot(state);
    await expect(actions.addApplicationForm(context, 'C001', opts)).rejects.toThrow('未覆盖');
    expect(snapshot(state)).toBe(withForm);
    await actions.addScoreForm(context, { round: 'initial', expert: 'E01', caseId: 'C001' }, opts);
    expect(state.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['申报表-C001']));
  });

  it('collects a returned workbook without overwriting a different score, and exports nothing of other experts', async () => {
    const { context, state } = await openBuilt();
    const out = await actions.exportExpertWorkbook(context, 'initial', 'E01', opts);
    const wb = await excelJsBook(Buffer.from(out.data));
    const text = JSON.stringify(wb.worksheets.map((w) => w.getSheetValues()));
    for (const e of small.experts.filter((x) => x.id !== 'E01')) {
      expect(text).not.toContain(e.id);
      if (e.name) expect(text).not.toContain(e.name);
    }
    expect(text).not.toContain('pw-1');
    // The expert changes a score the master already holds: a conflict, named by its cell, never written.
    const ws = wb.getWorksheet('初评-E01')!;
    const held = ws.getCell('E6').value;
    ws.getCell('E6').value = Number(held) === 0 ? 1 : 0;
    const before = snapshot(state);
    const result = await actions.collectWorkbooks(
      context,
      [{ name: 'E01.xlsx', data: (await wb.xlsx.writeBuffer()) as ArrayBuffer }],
      opts,
    );
    expect(result.findings).toEqual([
      expect.objectContaining({ cell: '初评-E01!E6', message: expect.stringContaining('未覆盖') }),
    ]);
    expect(snapshot(state)).toBe(before);
  });

  it('keeps the syncs of every command constant, one more only per 5,000,000 bytes, every payload under 5 MB', async () => {
    const counts: Record<string, number>[] = [];
    const payload: Record<string, number>[] = [];
    const largest: number[] = [];
    for (const n of [5, Number(process.env.OFFICE_CASES || 500)]) {
      const panel = parsePanel(makePanel({ cases: n, experts: [3, 3, 3] }));
      const { context, state } = await openBuilt(panel);
      state.calculator = null; // Excel's calculation is not what is measured here
      const syncs: Record<string, number> = {};
      const bytes: Record<string, number> = {};
      let biggest = 0;
      const measure = async (name: string, run: () => Promise<unknown>) => {
        const [before, at] = [state.syncs, state.requestBytes.length];
        await run();
        syncs[name] = state.syncs - before;
        const sizes = [...state.requestBytes.slice(at), ...state.responseBytes.slice(at)];
        bytes[name] = sizes.reduce((a, b) => a + b, 0);
        biggest = Math.max(biggest, ...sizes);
      };
      await measure('computeGrades', () => actions.computeGrades(context, opts));
      await measure('makeNotices', () => actions.makeNotices(context, opts));
      await measure('auditWorkbook', () => actions.auditWorkbook(context));
      await measure('reviewCases', () => actions.reviewCases(context, opts));
      await measure('reviewObjections', () => actions.reviewObjections(context, opts));
      await measure('setUpWorkbook', () => actions.setUpWorkbook(context, opts));
      counts.push(syncs);
      payload.push(bytes);
      largest.push(biggest);
    }
    // Read (4: the list, used ranges, a sample, the cells), the password (1), the write (1).
    for (const v of Object.values(counts[0])) expect(v).toBeLessThanOrEqual(6);
    for (const [name, v] of Object.entries(counts[1]))
      expect(v).toBeLessThanOrEqual(counts[0][name] + Math.ceil(payload[1][name] / 5_000_000));
    expect(largest[1]).toBeLessThan(5_000_000);
  });
});
