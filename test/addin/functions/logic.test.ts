import {
  band,
  check,
  exactScore,
  grade,
  isoOf,
  noticeEnd,
  roundMeanOf,
  score,
  serialOf,
  total,
} from '../../../src/addin/functions/logic';
import { itemsForTotal, ITEM_IDS } from '../../helpers/panels';

const row = (t: number): unknown[][] => [ITEM_IDS.map((id) => itemsForTotal(t)[id])];
const col = (...v: unknown[]): unknown[][] => v.map((x) => [x]);
const NATIONAL_DAY = [['2026-10-01', '2026-10-07']];

describe('TOTAL', () => {
  it('adds a valid row or column', () => {
    expect(total(row(87))).toEqual({ ok: true, value: 87 });
    expect(total(row(87)[0].map((v) => [v]))).toEqual({ ok: true, value: 87 });
    expect(total(row(0))).toEqual({ ok: true, value: 0 });
    expect(total(row(100))).toEqual({ ok: true, value: 100 });
  });

  it('adds half points exactly when the step allows them', () => {
    const r = row(80);
    r[0][0] = 7.5;
    r[0][1] = 10.5;
    expect(total(r, 0.5)).toEqual({ ok: true, value: 80 - 10 - 15 + 7.5 + 10.5 });
    expect(total(r)).toMatchObject({
      ok: false,
      code: 'invalidValue',
      message: expect.stringContaining('1 分的整数倍'),
    });
  });

  it('refuses an out-of-range score with #NUM!, naming the item and its range', () => {
    const r = row(80);
    r[0][0] = 11;
    expect(total(r)).toEqual({
      ok: false,
      code: 'invalidNumber',
      message: expect.stringMatching(/创新必要性.*11.*0~10 分/),
    });
    r[0][0] = -1;
    expect(total(r)).toMatchObject({ ok: false, code: 'invalidNumber' });
  });

  it('refuses text, booleans and error values with #VALUE!, never a number', () => {
    const r = row(80);
    for (const v of ['八', '8', true, { code: '#N/A' }]) {
      r[0][2] = v;
      const out = total(r);
      expect(out).toMatchObject({
        ok: false,
        code: 'invalidValue',
        message: expect.stringContaining('发展方向与战略契合度'),
      });
      expect(out.ok ? out.value : out.message).toContain('不是数字');
    }
  });

  it('refuses a blank cell as 缺少 with the allowed range', () => {
    const r = row(80);
    r[0][12] = '';
    expect(total(r)).toEqual({
      ok: false,
      code: 'invalidValue',
      message: expect.stringMatching(/^缺少“行业影响力”的得分，应为 0~10 分/),
    });
    r[0][12] = null;
    expect(total(r)).toMatchObject({ ok: false, message: expect.stringContaining('缺少') });
  });

  it('refuses the wrong number of cells', () => {
    expect(total([[1, 2, 3]])).toMatchObject({
      ok: false,
      code: 'invalidValue',
      message: expect.stringContaining('13'),
    });
  });
});

describe('ROUNDMEAN', () => {
  it('leaves out blanks and 回避, and is exact unless rounding is asked for', () => {
    expect(roundMeanOf(col(80, '', '回避', 81, 82, null))).toEqual({ ok: true, value: 81 });
    expect(roundMeanOf(col(80, 81, 81))).toEqual({ ok: true, value: 242 / 3 });
    expect(roundMeanOf(col(80, 81, 81), 'mean', 2)).toEqual({ ok: true, value: 80.67 });
    expect(roundMeanOf(col(80, 81, 81), undefined, 0)).toEqual({ ok: true, value: 81 });
  });

  it('trims one highest and one lowest only when there are more than two totals', () => {
    expect(roundMeanOf(col(70, 80, 81, 82, 99), 'trimmed', 2)).toEqual({ ok: true, value: 81 });
    expect(roundMeanOf(col(70, 99, 99, 99), 'trimmed')).toEqual({ ok: true, value: 99 });
    expect(roundMeanOf(col(70, 90), 'trimmed')).toEqual({ ok: true, value: 80 });
    // The workbook's own label for the mode works the same as the id.
    expect(roundMeanOf(col(70, 80, 81, 82, 99), '去掉一个最高分和一个最低分')).toEqual({ ok: true, value: 81 });
  });

  it('refuses what is not a total, and a round with nobody scoring', () => {
    expect(roundMeanOf(col('abc'))).toMatchObject({
      ok: false,
      code: 'invalidValue',
      message: expect.stringContaining('abc'),
    });
    expect(roundMeanOf(col(101))).toMatchObject({ ok: false, code: 'invalidNumber' });
    expect(roundMeanOf(col('回避', ''))).toMatchObject({ ok: false, message: expect.stringContaining('回避') });
    expect(roundMeanOf(col(80), 'median')).toMatchObject({ ok: false, message: expect.stringContaining('median') });
    expect(roundMeanOf(col(80), 'mean', 1.5)).toMatchObject({
      ok: false,
      message: expect.stringContaining('小数位数'),
    });
  });
});

describe('SCORE', () => {
  it('uses exact means: a true 89.995 is 90.00 and 一等', () => {
    const s = score(col(90), col(89), col(90), [[0.005], [0.005], [0.99]]);
    expect(s).toEqual({ ok: true, value: 90 });
    expect(grade(s.ok ? s.value : 0)).toEqual({ ok: true, value: '一等' });
  });

  it('never rounds a mean before S', () => {
    // Means 206/3, 214/3 and 351/5: S = 0.2·206/3 + 0.2·214/3 + 0.6·351/5 = 70.12 exactly.
    expect(score(col(68, 69, 69), col(71, 71, 72), col(70, 70, 70, 70, 71))).toEqual({ ok: true, value: 70.12 });
    // 0.5·89.5 + 0.25·89.49 + 0.25·89.51 is exactly 89.5; binary floating point would not say so.
    expect(score(col(89, 90), col(89.49), col(89.51), [[0.5, 0.25, 0.25]])).toEqual({ ok: true, value: 89.5 });
    // The final mean 241/3 has no finite decimal, yet 0.6 of it is exactly 48.2: S is 80.2, not 80.200…02.
    const s = exactScore([col(80), col(80), col(80, 80, 81)]);
    expect(s.ok && s.value.roundHalfUp(6).toString()).toBe('80.2');
  });

  it('ignores 回避 and blanks in every round', () => {
    expect(score(col(80, '回避', ''), col('', 80), col(80, '回避'))).toEqual({ ok: true, value: 80 });
  });

  it('trims in every round when asked', () => {
    expect(score(col(10, 80, 100), col(80), col(0, 80, 80, 100), undefined, 'trimmed')).toEqual({
      ok: true,
      value: 80,
    });
    expect(score(col(10, 80, 100), col(80), col(80), undefined, 'mean')).toEqual({ ok: true, value: 76.67 });
  });

  it('accepts weights as a row or a column, exactly summing to 1', () => {
    expect(score(col(70), col(80), col(90), [[0.1, 0.2, 0.7]])).toEqual({ ok: true, value: 86 });
    expect(score(col(70), col(80), col(90), col(0.1, 0.2, 0.7))).toEqual({ ok: true, value: 86 });
    expect(score(col(70), col(80), col(90), [['', null]])).toEqual({ ok: true, value: 84 });
    expect(score(col(80), col(80), col(80), [[0.2], [0.2], [0.5]])).toMatchObject({
      ok: false,
      message: expect.stringContaining('之和'),
    });
    expect(score(col(80), col(80), col(80), [[0.5, 0.5]])).toMatchObject({
      ok: false,
      message: expect.stringContaining('三个'),
    });
  });

  it('names the round that cannot be averaged, keeping #NUM! for an out-of-range total', () => {
    expect(score(col(80), col('回避'), col(80))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^复评：/),
    });
    expect(score(col(80), col(80), col(120))).toMatchObject({
      ok: false,
      code: 'invalidNumber',
      message: expect.stringMatching(/^终评：/),
    });
  });

  it('rounds half-up at the requested places', () => {
    expect(score(col(80), col(80), col(80, 80, 81), undefined, undefined, 0)).toEqual({ ok: true, value: 80 });
    expect(score(col(80), col(80), col(80, 81), undefined, undefined, 1)).toEqual({ ok: true, value: 80.3 });
  });
});

describe('GRADE', () => {
  it('grades the published (rounded) score by default and the exact one on request', () => {
    expect(grade(89.995)).toEqual({ ok: true, value: '一等' });
    expect(grade(89.995, 'exact')).toEqual({ ok: true, value: '二等' });
    expect(grade(89.995, '按精确得分')).toEqual({ ok: true, value: '二等' });
    expect(grade(89.994)).toEqual({ ok: true, value: '二等' });
    expect(grade(89.95, 'rounded', 1)).toEqual({ ok: true, value: '一等' });
  });

  it('draws the lines of 9.3.2', () => {
    const cases: [number, string][] = [
      [100, '一等'],
      [90, '一等'],
      [89.99, '二等'],
      [80, '二等'],
      [79.99, '三等'],
      [70, '三等'],
      [69.99, '无评级'],
      [0, '无评级'],
    ];
    for (const [s, g] of cases) expect(grade(s)).toEqual({ ok: true, value: g });
  });

  it('refuses what is not a score', () => {
    expect(grade(100.01)).toMatchObject({ ok: false, code: 'invalidNumber' });
    expect(grade('九十')).toMatchObject({ ok: false, code: 'invalidValue' });
    expect(grade(90, 'ceiling')).toMatchObject({ ok: false, message: expect.stringContaining('ceiling') });
  });
});

describe('BAND and CHECK', () => {
  it('describe an item score by the rubric, by id or by name', () => {
    expect(band('innovation.necessity', 8)).toEqual({ ok: true, value: '优秀' });
    expect(band('创新突破度', 6)).toEqual({ ok: true, value: '良好' });
    expect(band('promotion.influence', 0)).toEqual({ ok: true, value: '一般' });
    expect(band('innovation.strategy', 6)).toMatchObject({ ok: false, code: 'invalidNumber' });
    expect(band('nope', 3)).toMatchObject({
      ok: false,
      code: 'invalidValue',
      message: expect.stringContaining('nope'),
    });
  });

  it('CHECK is empty for an acceptable score and says why otherwise', () => {
    expect(check('innovation.strategy', 3)).toEqual({ ok: true, value: '' });
    expect(check('innovation.strategy', 3.5)).toEqual({
      ok: true,
      value: '“发展方向与战略契合度”的得分 3.5 须为 1 分的整数倍',
    });
    expect(check('innovation.strategy', 3.5, 0.5)).toEqual({ ok: true, value: '' });
    expect(check('innovation.strategy', 6)).toEqual({ ok: true, value: expect.stringContaining('0~5 分') });
    expect(check('innovation.strategy', 'abc')).toEqual({ ok: true, value: expect.stringContaining('不是数字') });
    expect(check('innovation.strategy', '')).toEqual({ ok: true, value: expect.stringContaining('缺少') });
    expect(check('nope', 3)).toMatchObject({ ok: false });
    expect(check('innovation.strategy', 3, 0)).toMatchObject({ ok: false, message: expect.stringContaining('步长') });
  });
});

describe('NOTICEEND', () => {
  it('counts working days across holidays and make-up days, as an Excel date', () => {
    // 2026-09-28 (serial 46293) … 2026-10-12 with National Day 10-01..07 off and Saturday 10-10 worked.
    const end = noticeEnd('2026-09-28', 7, NATIONAL_DAY, [['2026-10-10']]);
    expect(end).toEqual({ ok: true, value: serialOf('2026-10-12') });
    expect(serialOf('2026-10-12')).toBe(46307);
    expect(noticeEnd(46293, 7, NATIONAL_DAY, [['2026-10-10']])).toEqual(end);
    expect(noticeEnd(46293.75, 7, NATIONAL_DAY, [['2026-10-10']])).toEqual(end);
    expect(noticeEnd('2026/9/28', 7, [[serialOf('2026-10-01'), serialOf('2026-10-07')]], [[46305]])).toEqual(end);
  });

  it('reads the 节假日 table as it is, with its kind column', () => {
    const table = [
      ['2026-10-01', '2026-10-07', '放假', '国庆节'],
      ['2026-10-10', '', '调休上班', '国庆节调休'],
      ['', '', '', ''],
    ];
    expect(noticeEnd('2026-09-28', 7, table)).toEqual({ ok: true, value: 46307 });
    expect(noticeEnd('2026-09-28', 7, [['2026-10-01', '2026-10-07', '休息']])).toMatchObject({
      ok: false,
      message: expect.stringContaining('休息'),
    });
  });

  it('works without a holiday table', () => {
    expect(noticeEnd('2026-03-07', 7)).toEqual({ ok: true, value: serialOf('2026-03-17') });
    expect(noticeEnd('2026-03-07', 7, null as unknown as unknown[][], [['']])).toEqual({
      ok: true,
      value: serialOf('2026-03-17'),
    });
  });

  it('refuses what is not a date or a day count, naming it', () => {
    expect(noticeEnd('2026-02-30', 7)).toMatchObject({ ok: false, message: expect.stringContaining('2026-02-30') });
    expect(noticeEnd('下周一', 7)).toMatchObject({ ok: false, message: expect.stringContaining('下周一') });
    expect(noticeEnd(12, 7)).toMatchObject({ ok: false });
    expect(noticeEnd('2026-03-02', 0)).toMatchObject({ ok: false, message: expect.stringContaining('工作日数') });
    expect(noticeEnd('2026-03-02', 7, [['国庆']])).toMatchObject({
      ok: false,
      message: expect.stringContaining('国庆'),
    });
    expect(noticeEnd('2026-03-02', 7, [['2026-10-07', '2026-10-01']])).toMatchObject({
      ok: false,
      message: expect.stringContaining('早于'),
    });
  });

  it('converts dates and serials both ways', () => {
    expect(isoOf(61)).toBe('1900-03-01');
    expect(isoOf(60)).toBeNull();
    expect(isoOf(46307)).toBe('2026-10-12');
    expect(serialOf('1900-03-01')).toBe(61);
    expect(isoOf('2026-1-5')).toBe('2026-01-05');
  });
});
