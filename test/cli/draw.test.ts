import { join } from 'node:path';
import { ceeas } from '../helpers/cli';

const sample = join(__dirname, '../../samples/panel-sample.json');

describe('ceeas draw', () => {
  it('prints the contract JSON, the same for the same seed', async () => {
    const a = await ceeas('draw', sample, '--round', 'review', '--count', '5', '--seed', '42', '--json');
    const b = await ceeas('draw', sample, '--round', 'review', '--count', '5', '--seed', '42', '--json');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    const json = JSON.parse(a.out);
    expect(Object.keys(json)).toEqual(['round', 'seed', 'experts', 'recusals']);
    expect(json.round).toBe('review');
    expect(json.seed).toBe('42');
    expect(json.experts).toHaveLength(5);
    for (const r of json.recusals) expect(Object.keys(r)).toEqual(['expert', 'case', 'reason']);
  });

  it('exits 1 with a sentence naming the case that cannot be covered, and 2 for bad arguments', async () => {
    const short = await ceeas(
      'draw',
      sample,
      '--round',
      'review',
      '--count',
      '2',
      '--seed',
      '1',
      '--min-eligible',
      '3',
    );
    expect(short.code).toBe(1);
    expect(short.err).toMatch(/案例 C\d{3}/);
    expect((await ceeas('draw', sample, '--round', 'semifinal', '--count', '2', '--seed', '1')).code).toBe(2);
    expect((await ceeas('draw', sample, '--round', 'review', '--count', 'two', '--seed', '1')).code).toBe(2);
  });
});
