import { completeName, repairOf, stagingName } from '../../../src/hosts/office/staging';

describe('what an interrupted write leaves, put right', () => {
  it('needs nothing when there are no leftovers', () => {
    expect(repairOf(['汇总', '操作日志'])).toEqual({ direction: null, remove: [], rename: [] });
  });

  it('rolls back while any new sheet was still being written', () => {
    const names = ['汇总', '操作日志', completeName('汇总'), stagingName('操作日志')];
    expect(repairOf(names)).toEqual({
      direction: 'back',
      remove: [completeName('汇总'), stagingName('操作日志')],
      rename: [],
    });
  });

  it('finishes the swap once every new sheet was complete: old ones deleted, new ones named', () => {
    // 汇总 was already swapped and deleted; 操作日志 not yet.
    const names = ['操作日志', completeName('汇总'), completeName('操作日志')];
    expect(repairOf(names)).toEqual({
      direction: 'forward',
      remove: ['操作日志'],
      rename: [
        { from: completeName('汇总'), to: '汇总' },
        { from: completeName('操作日志'), to: '操作日志' },
      ],
    });
  });

  it('keeps staging names within Excel’s 31 characters', () => {
    expect(stagingName('x'.repeat(31))).toHaveLength(31);
    expect(completeName('汇总')).toBe('~完~汇总');
  });
});
