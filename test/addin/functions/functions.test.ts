import path from 'path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import * as fns from '../../../src/addin/functions/functions';
import { itemsForTotal, ITEM_IDS } from '../../helpers/panels';

// The Office runtime's error type, reduced to what the functions use: Excel shows `code` in the cell and `message`
// in the cell's tooltip.
class FakeCustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}
(globalThis as Record<string, unknown>).CustomFunctions = {
  Error: FakeCustomFunctionError,
  ErrorCode: { invalidValue: '#VALUE!', invalidNumber: '#NUM!' },
};

function errorOf(run: () => unknown): FakeCustomFunctionError {
  try {
    run();
  } catch (e) {
    return e as FakeCustomFunctionError;
  }
  throw new Error('expected an error, got a value');
}

const col = (...v: unknown[]): unknown[][] => v.map((x) => [x]);

describe('CEEAS custom functions', () => {
  it('return values for good input', () => {
    expect(fns.total([ITEM_IDS.map((id) => itemsForTotal(87)[id])])).toBe(87);
    expect(fns.roundMean(col(80, '回避', 81, 82))).toBe(81);
    expect(fns.score(col(90), col(89), col(90), [[0.005], [0.005], [0.99]])).toBe(90);
    expect(fns.grade(fns.score(col(90), col(89), col(90), [[0.005], [0.005], [0.99]]))).toBe('一等');
    expect(fns.band('创新必要性', 9)).toBe('优秀');
    expect(fns.check('innovation.necessity', 9)).toBe('');
    expect(fns.noticeEnd('2026-09-28', 7, [['2026-10-01', '2026-10-07']], [['2026-10-10']])).toBe(46307);
  });

  it('throw #VALUE! or #NUM! with a Chinese message, never a wrong number', () => {
    const blank = errorOf(() => fns.total([ITEM_IDS.map((id, i) => (i === 3 ? '' : itemsForTotal(80)[id]))]));
    expect(blank).toBeInstanceOf(FakeCustomFunctionError);
    expect(blank.code).toBe('#VALUE!');
    expect(blank.message).toMatch(/^缺少“技术可行性”的得分/);

    const high = errorOf(() => fns.total([ITEM_IDS.map((id, i) => (i === 0 ? 12 : itemsForTotal(80)[id]))]));
    expect(high.code).toBe('#NUM!');
    expect(high.message).toContain('0~10 分');

    expect(errorOf(() => fns.band('不存在的指标', 3)).code).toBe('#VALUE!');
    expect(errorOf(() => fns.grade(101)).code).toBe('#NUM!');
    expect(errorOf(() => fns.score(col(80), col(80), col(80), [[0.3, 0.3, 0.3]])).message).toContain('之和');
    expect(errorOf(() => fns.noticeEnd('2026-13-01', 7)).message).toContain('2026-13-01');
  });
});

describe('functions.json', () => {
  it('is generated from the JSDoc without errors: seven functions, Chinese descriptions', async () => {
    const file = path.resolve(__dirname, '../../../src/addin/functions/functions.ts');
    const result = await generateCustomFunctionsMetadata([file], true);
    expect(result.errors).toEqual([]);
    const meta = JSON.parse(result.metadataJson) as {
      functions: { id: string; name: string; description: string; parameters: { description: string }[] }[];
    };
    expect(meta.functions.map((f) => f.id).sort()).toEqual(
      ['BAND', 'CHECK', 'GRADE', 'NOTICEEND', 'ROUNDMEAN', 'SCORE', 'TOTAL'].sort(),
    );
    for (const f of meta.functions) {
      expect(f.name).toBe(f.id);
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      for (const p of f.parameters) expect(p.description).toMatch(/[\u4e00-\u9fff]/);
    }
    // Every function is associated with the JavaScript function of the same module.
    expect(result.associate.map((a: { functionName: string }) => a.functionName).sort()).toEqual(
      Object.keys(fns).sort(),
    );
  });
});
