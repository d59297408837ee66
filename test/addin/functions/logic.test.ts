import { band, check, grade, noticeEnd, roundMeanOf, score, total } from '../../../src/addin/functions/logic';
import { itemsForTotal, ITEM_IDS } from '../../helpers/panels';

const row = (t: number): unknown[][] => [ITEM_IDS.map((id) => itemsForTotal(t)[id])];
const col = (...v: unknown[]): unknown[][] => v.map((x) => [x]);

describe('CEEAS custom function logic', () => {
  it('TOTAL adds a valid row and refuses a bad cell with a message, never a number', () => {
    expect(total(row(87))).toEqual({ ok: true, value: 87 });
    const r = row(80);
    r[0][0] = 11;
    expect(total(r)).toMatchObject({
      ok: false,
      code: 'invalidNumber',
      message: expect.stringContaining('创新必要性'),
    });
    r[0][0] = '八';
    expect(total(r)).toMatchObject({ ok: false, code: 'invalidValue', message: expect.stringContaining('不是数字') });
    expect(total([[1, 2, 3]])).toMatchObject({ ok: false, code: 'invalidValue' });
  });

  it('ROUNDMEAN leaves out blanks and 回避, trims one highest and one lowest on request', () => {
    expect(roundMeanOf(col(80, '', '回避', 81, 82))).toEqual({ ok: true, value: 81 });
    expect(roundMeanOf(col(70, 80, 81, 82, 99), 'trimmed', 2)).toEqual({ ok: true, value: 81 });
    expect(roundMeanOf(col(80, 81, 81), 'mean', 2)).toEqual({ ok: true, value: 80.67 });
    expect(roundMeanOf(col('abc'))).toMatchObject({ ok: false, code: 'invalidValue' });
    expect(roundMeanOf(col('回避', ''))).toMatchObject({ ok: false, message: expect.stringContaining('回避') });
  });

  it('SCORE uses exact means: 89.995 is 90.00 and 一等', () => {
    const s = score(col(90), col(89), col(90), [[0.005], [0.005], [0.99]]);
    expect(s).toEqual({ ok: true, value: 90 });
    expect(grade(s.ok ? s.value : 0)).toEqual({ ok: true, value: '一等' });
    expect(grade(89.995)).toEqual({ ok: true, value: '二等' });
    // Means 206/3, 214/3 and 351/5 (C001 of the example panel) are never rounded before S.
    expect(score(col(68, 69, 69), col(71, 71, 72), col(70, 70, 70, 70, 71))).toEqual({ ok: true, value: 70.12 });
    expect(score(col(80), col(80), col(80), [[0.2], [0.2], [0.5]])).toMatchObject({
      ok: false,
      message: expect.stringContaining('之和'),
    });
  });

  it('BAND and CHECK describe an item score by the rubric', () => {
    expect(band('innovation.necessity', 8)).toEqual({ ok: true, value: '优秀' });
    expect(band('创新突破度', 6)).toEqual({ ok: true, value: '良好' });
    expect(band('innovation.strategy', 6)).toMatchObject({ ok: false, code: 'invalidNumber' });
    expect(check('innovation.strategy', 3)).toEqual({ ok: true, value: '' });
    expect(check('innovation.strategy', 3.5)).toEqual({ ok: true, value: '“发展方向与战略契合度”须为 1 分的整数倍' });
    expect(check('innovation.strategy', 3.5, 0.5)).toEqual({ ok: true, value: '' });
    expect(check('nope', 3)).toMatchObject({ ok: false });
  });

  it('NOTICEEND counts working days across holidays and make-up days, as an Excel date', () => {
    // 2026-09-28 (serial 46293) … 2026-10-12 with National Day 10-01..07 off and Saturday 10-10 worked.
    const end = noticeEnd('2026-09-28', 7, [['2026-10-01', '2026-10-07']], [['2026-10-10']]);
    expect(end).toEqual({ ok: true, value: 46307 });
    expect(noticeEnd(46293, 7, [['2026-10-01', '2026-10-07']], [['2026-10-10']])).toEqual(end);
    expect(noticeEnd('2026-02-30', 7)).toMatchObject({ ok: false });
  });
});
