import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APPENDIX_B, orderedItems, parsePanel, validateRubric } from '../../src/core';
import { buildWorkbook } from '../../src/workbook/build';
import type { SheetSpec } from '../../src/workbook/model';
import { SHEET, expertSheetName } from '../../src/workbook/names';
import { expertLayout } from '../../src/workbook/sheets/expertLayout';
import { lettersSheet } from '../../src/workbook/sheets/lettersSheet';
import { noticeSheet } from '../../src/workbook/sheets/noticeSheet';
import { OBJECTION_COLUMNS, objectionsSheet } from '../../src/workbook/sheets/objectionsSheet';
import { rubricSheet } from '../../src/workbook/sheets/rubricSheet';
import { scoreFormSheet } from '../../src/workbook/sheets/scoreFormSheet';

const texts = (s: SheetSpec): string[] =>
  s.rows.flat().flatMap((c) => (c && typeof c.value === 'string' ? [c.value] : []));
const column = (s: SheetSpec, c: number): unknown[] => s.rows.map((r) => r[c - 1]?.value ?? null);

describe('评分标准 (table B.1)', () => {
  const sheet = rubricSheet(APPENDIX_B);

  it('lists the 13 items in table order with their weights, bands, evidence and notes', () => {
    const names = column(sheet, 3).slice(3, 16);
    expect(names).toEqual(orderedItems(APPENDIX_B).map((it) => it.name.zh));
    expect(column(sheet, 1).slice(3, 16).filter(Boolean)).toEqual(['创新性', '实用性', '转化性', '推广性']);
    expect(column(sheet, 2).slice(3, 16).filter(Boolean)).toEqual(['30%', '15%', '30%', '25%']);
    expect(column(sheet, 4).slice(3, 6)).toEqual(['10%', '15%', '5%']);
    const rules = column(sheet, 5).slice(3, 16) as string[];
    expect(rules[0]).toContain('■8~10分（优秀）：精准破解国家关键“卡脖子”难题');
    expect(rules[0]).toContain('注：如申报案例已获得国家最高科学技术奖');
    expect(rules[1]).toContain('■11~15分（优秀）');
    expect(rules[2]).toContain('注：如申报案例被列入国家战略性新兴产业');
    expect(rules[12]).toContain('注：如申报案例属于首台（套）');
    expect(rules.filter((r) => r.includes('注：'))).toHaveLength(3);
    expect(column(sheet, 6)[5]).toBe('查阅国家法律法规要求的行业审批文件');
  });

  it('closes with the 评委签字 and 总分 lines, merges group cells and prints A4 landscape', () => {
    expect(texts(sheet)).toEqual(expect.arrayContaining(['评委签字', '总分']));
    expect(sheet.merges).toEqual(expect.arrayContaining(['A4:A6', 'B4:B6', 'A7:A9', 'A10:A13', 'A14:A16']));
    expect(sheet.print).toMatchObject({ orientation: 'landscape', paper: 'A4', titleRows: '3:3' });
    // A fixed scale that keeps 11 pt text at 9 pt or more, and no group's merged label across a page break.
    expect(sheet.print!.scale).toBeGreaterThanOrEqual(85);
    for (const b of sheet.print!.breaksBefore ?? [])
      for (const m of sheet.merges!.filter((x) => x.startsWith('A'))) {
        const [, from, to] = /^A(\d+):A(\d+)$/.exec(m) ?? [];
        if (from) expect(b > Number(from) && b <= Number(to)).toBe(false);
      }
  });

  it('shows an office’s own weights', () => {
    const custom = JSON.parse(JSON.stringify(APPENDIX_B));
    custom.groups[0].max = '35';
    custom.groups[1].max = '10';
    custom.items[1].max = '20';
    custom.items[1].bands = [
      { level: 'excellent', min: '15', max: '20', rule: 'a' },
      { level: 'good', min: '8', max: '14', rule: 'b' },
      { level: 'fair', min: '0', max: '7', rule: 'c' },
    ];
    custom.items.splice(5, 1); // 实用性 loses 技术风险可控性: 10 points

    const s = rubricSheet(validateRubric(custom));
    expect(column(s, 2).filter((v) => typeof v === 'string' && v.endsWith('%'))).toEqual(['35%', '10%', '30%', '25%']);
    expect(column(s, 4)[4]).toBe('20%');
  });
});

describe('expert scoring sheet', () => {
  const panel = parsePanel(JSON.parse(readFileSync(join(__dirname, '../fixtures/panel-small.json'), 'utf8')));
  const built = buildWorkbook(panel, { now: '2026-11-24 09:00:00', user: 't' });
  const sheet = built.spec.sheets.find((s) => s.name === expertSheetName('initial', 'E01'))!;
  const L = expertLayout(APPENDIX_B);

  it('validates every input column natively, naming the item, the range and the bands', () => {
    expect(sheet.validations).toHaveLength(14); // 13 score columns and 推荐
    const first = sheet.validations![0];
    expect(first.ref).toBe('E6:E9');
    expect(first.rule).toMatchObject({ type: 'whole', min: 0, max: 10, allowBlank: true });
    expect(first.rule.error).toContain('“创新必要性”须为 0~10 分之间的整数');
    expect(first.rule.error).toContain('8~10分（优秀）');
    expect(first.rule.prompt).toContain('4~7分（良好）');
    expect(first.rule.error.length).toBeLessThanOrEqual(255);
    expect(first.rule.promptTitle!.length).toBeLessThanOrEqual(32);
  });

  it('holds subtotals, total and check as ordinary formulas, protects the sheet and prints it', () => {
    const row = sheet.rows[L.firstRow - 1];
    expect(row[L.colTotal - 1]?.formula).toBe('IF(W6="✓",SUM(E6:Q6),"")');
    expect(row[L.groupColumns.innovation - 1]?.formula).toBe('IF(W6="✓",SUM(E6:G6),"")');
    expect(row[L.colCheck - 1]?.formula).toContain('COUNT(E6:Q6)');
    expect(sheet.protection).toEqual({ withPassword: true });
    expect(sheet.print).toMatchObject({ orientation: 'landscape', paper: 'A4', titleRows: '1:5' });
    expect(texts(sheet).some((t) => t.startsWith('回避与保密声明'))).toBe(true);
    expect(texts(sheet)).toContain('专家签字：');
  });

  it('hints at bonus clauses and flags scores below the clause band with conditional formatting', () => {
    const c1 = sheet.rows[L.firstRow - 1];
    expect(c1[L.colHint - 1]?.value).toContain('获国家级奖项');
    expect(sheet.conditionalFormats).toEqual(
      expect.arrayContaining([{ ref: 'E6:G6', formula: 'AND(COUNT($E6:$G6)=3,SUM($E6:$G6)<28)', style: 'warnFill' }]),
    );
    expect(sheet.conditionalFormats).toEqual(
      expect.arrayContaining([{ ref: 'Q7', formula: 'AND(ISNUMBER(Q7),Q7<8)', style: 'warnFill' }]),
    );
  });
});

describe('公示, 结果通知, 异议登记 and the Appendix B form', () => {
  const panel = parsePanel(JSON.parse(readFileSync(join(__dirname, '../../samples/panel-sample.json'), 'utf8')));
  const built = buildWorkbook(panel, { now: '2026-11-24 09:00:00', user: 't' });
  const notice = built.spec.sheets.find((s) => s.name === SHEET.notice)!;

  it('publishes only case name, applicant and grade, over at least 7 working days, with the objection rules', () => {
    expect(notice.rows[4].map((c) => c?.value)).toEqual(['序号', '案例名称', '申报单位', '评价等级']);
    const all = texts(notice).join('\n');
    expect(all).toContain('公示期：2026年12月28日至2027年1月6日（共 7 个工作日）');
    for (const phrase of ['书面形式实名', '匿名或超过公示期', '驳回']) expect(all).toContain(phrase);
    const published = JSON.stringify([notice, built.spec.sheets.find((s) => s.name === SHEET.letters)]);
    for (const e of panel.experts) {
      expect(published).not.toContain(e.name);
      expect(published).not.toContain(`"${e.id}"`);
    }
    expect(published).not.toContain('初评-');
  });

  it('says the period is to be set when no start date is given', () => {
    const s = noticeSheet({
      title: 't',
      organizer: '',
      issueDate: null,
      period: null,
      entries: [],
      contact: { address: '', telephone: '', person: '' },
    });
    expect(texts(s).join('')).toContain('公示期待定');
  });

  it('prints one letter per applicant, each on its own page, final ones dated and sealed, drafts marked', () => {
    const letters = [
      {
        caseId: 'C1',
        caseName: 'a',
        applicant: '甲公司',
        score: '91.20',
        grade: '一等',
        certificate: 'CEEAS-2027-1-001',
      },
      { caseId: 'C2', caseName: 'b', applicant: '乙公司', score: '80.00', grade: '一等', changedFrom: '二等' },
    ];
    const period = { first: '2026-12-28', last: '2027-01-06' };
    const s = lettersSheet({ title: 't', organizer: 'o', stage: 'final', issueDate: '2027-01-12', period, letters });
    expect(texts(s).filter((t) => t === '评价结果通知书')).toHaveLength(2);
    expect(texts(s)).toEqual(expect.arrayContaining(['甲公司：', '乙公司：', '（盖章）', '2027年1月12日']));
    expect(texts(s).filter((t) => t === '（盖章）')).toHaveLength(2);
    const all = texts(s).join('\n');
    expect(all).toContain('评价结果已于2026年12月28日至2027年1月6日公示');
    expect(all).toContain('最终评价等级为“一等”，证书编号 CEEAS-2027-1-001');
    expect(all).toContain('经异议处理，评价等级由“二等”调整为“一等”');
    expect(s.print?.breaksBefore).toEqual([15]);
    // At full size, never "fit to width" (which lets Excel ignore the breaks).
    expect(s.print?.scale).toBe(100);

    const draft = lettersSheet({ title: 't', organizer: 'o', stage: 'draft', issueDate: null, period, letters });
    const drafted = texts(draft).join('\n');
    expect(drafted).toContain('评价结果通知书（草稿）');
    expect(drafted).toContain('不得发出');
    expect(drafted).not.toContain('已于');
    expect(drafted).toContain('＿＿＿＿年＿＿月＿＿日');
  });

  it('keeps objections already recorded and offers validated blank rows', () => {
    const row = Object.fromEntries(OBJECTION_COLUMNS.map((k) => [k, ''])) as Parameters<
      typeof objectionsSheet
    >[0][number];
    row['异议编号'] = 'Y001';
    row['异议内容'] = '=HYPERLINK("x")';
    const s = objectionsSheet([row]);
    expect(s.rows[1][0]?.value).toBe('Y001');
    expect(s.rows[1][6]?.value).toBe('=HYPERLINK("x")');
    expect(s.rows[1][6]?.formula).toBeUndefined();
    expect(s.validations!.map((v) => v.rule.list)).toEqual(expect.arrayContaining([['受理', '不予受理']]));
  });

  it('fills table B.1 for one case from one expert’s row, with the total as a SUM', () => {
    const entry = panel.scores.find((s) => !s.recused)!;
    const s = scoreFormSheet(APPENDIX_B, {
      name: 'f',
      title: 't',
      caseId: entry.case,
      caseName: 'n',
      applicant: 'a',
      roundLabel: '初评',
      expertLabel: '评审专家：x',
      scores: entry.items,
    });
    const total = s.rows.flat().find((c) => c?.formula?.startsWith('SUM('))!;
    expect(total.formula).toBe('SUM(G4:G16)');
    const sum = Object.values(entry.items).reduce((a: number, v) => a + (v as number), 0);
    expect(total.result).toBe(sum);
  });
});
