import { jsonBytes, packSteps, rowRuns } from '../../../src/hosts/office/batches';

describe('a command’s writes packed by size', () => {
  it('measures JSON in UTF-8 bytes: a CJK character is three', () => {
    expect(jsonBytes('abc')).toBe(5);
    expect(jsonBytes('汇总')).toBe(8);
    expect(jsonBytes([[1, null]])).toBe(10);
  });

  it('packs steps in order under the budget, never splitting one', () => {
    const steps = [3, 3, 3, 5, 1].map((bytes, i) => ({ bytes, i }));
    expect(packSteps(steps, 6).map((b) => b.map((s) => s.i))).toEqual([[0, 1], [2], [3, 4]]);
    expect(packSteps([{ bytes: 9 }], 6)).toHaveLength(1);
    expect(packSteps([], 6)).toEqual([]);
  });

  it('cuts a grid into runs of rows of at most the limit', () => {
    expect(rowRuns([4, 4, 4, 10, 1], 8)).toEqual([
      { from: 0, to: 1, bytes: 8 },
      { from: 2, to: 2, bytes: 4 },
      { from: 3, to: 3, bytes: 10 },
      { from: 4, to: 4, bytes: 1 },
    ]);
  });
});
