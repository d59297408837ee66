import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ceeas } from '../helpers/cli';
import { makePanel } from '../helpers/panels';

/** Four cases scored in the initial round only (totals 90, 80, 80, 70); later rounds not decided yet. */
async function initialOnly(change?: (raw: ReturnType<typeof makePanel>) => void): Promise<string> {
  const totals = [90, 80, 80, 70];
  const raw = makePanel({ cases: 4, experts: [3, 3, 3], total: (_r, _e, c) => totals[c] });
  raw.scores = raw.scores.filter((s) => s.round === 'initial');
  raw.rounds.review.cases = [];
  raw.rounds.final.cases = [];
  change?.(raw);
  const dir = mkdtempSync(join(tmpdir(), 'ceeas-adv-'));
  writeFileSync(join(dir, 'panel.json'), JSON.stringify(raw));
  const book = join(dir, 'book.xlsx');
  await ceeas('build', join(dir, 'panel.json'), '-o', book);
  return book;
}

describe('ceeas advance', () => {
  it('marks the top N in 案例登记, ties at the cut go on together, and a different earlier decision is not overwritten', async () => {
    const book = await initialOnly();
    const first = JSON.parse((await ceeas('advance', book, '--from', 'initial', '--top', '1', '--json')).out);
    expect([first.advanced, first.notAdvanced, first.written]).toEqual([['C001'], ['C002', 'C003', 'C004'], true]);
    const computed = JSON.parse((await ceeas('compute', book, '--json')).out);
    expect(
      computed.cases.filter((c: { rounds: object }) => 'review' in c.rounds).map((c: { id: string }) => c.id),
    ).toEqual(['C001']);

    const again = await ceeas('advance', book, '--from', 'initial', '--top', '2', '--json');
    expect(again.code).toBe(1);
    const json = JSON.parse(again.out);
    expect(json.advanced).toEqual(['C001', 'C002', 'C003']);
    expect(json.tiedAtCut).toEqual(['C002', 'C003']);
    expect(json.conflicts.map((c: { now: string }) => c.now)).toEqual(['是', '是']);
    expect(json.written).toBe(false);
    expect((await ceeas('advance', book, '--from', 'initial', '--top', '2', '--force')).code).toBe(0);
  });

  it('applies a threshold on the exact round mean and a majority of 推荐 marks', async () => {
    const book = await initialOnly();
    const t = JSON.parse(
      (await ceeas('advance', book, '--from', 'initial', '--threshold', '80', '--dry-run', '--json')).out,
    );
    expect(t.advanced).toEqual(['C001', 'C002', 'C003']);
    const marked = await initialOnly((raw) => {
      for (const s of raw.scores) if (s.case === 'C004' && s.expert !== 'E03') s.recommend = true;
      for (const s of raw.scores) if (s.case === 'C001' && s.expert === 'E01') s.recommend = true;
    });
    const m = JSON.parse((await ceeas('advance', marked, '--from', 'initial', '--majority', '--json')).out);
    expect(m.advanced).toEqual(['C004']);
  });

  it('refuses to decide while a case of the round is not completely scored', async () => {
    const book = await initialOnly((raw) => {
      raw.scores = raw.scores.filter((s) => !(s.case === 'C002' && s.expert === 'E02'));
    });
    const res = await ceeas('advance', book, '--from', 'initial', '--top', '2');
    expect(res.code).toBe(1);
    expect(res.out).toContain('无法判定：案例 C002');
    expect((await ceeas('advance', book, '--from', 'final', '--top', '2')).code).toBe(2);
    expect((await ceeas('advance', book, '--from', 'initial')).code).toBe(2);
  });
});

describe('the next round in the workbook: advance, draw, sheets', () => {
  it('draws the review experts into 专家库 with the seed logged, then generates their sheets with recusals marked', async () => {
    const book = await initialOnly((raw) => {
      raw.rounds.review.experts = [];
      raw.rounds.final.experts = [];
      raw.experts.find((e) => e.id === 'E05')!.organization = '申报单位1';
    });
    expect((await ceeas('advance', book, '--from', 'initial', '--top', '2')).code).toBe(0);
    const drawn = await ceeas(
      'draw',
      book,
      '--round',
      'review',
      '--count',
      '6',
      '--seed',
      'R-2026',
      '--exclude-previous',
      '--json',
    );
    expect([drawn.code, drawn.err]).toEqual([0, '']);
    const draw = JSON.parse(drawn.out);
    expect(draw.experts).toHaveLength(6);
    expect(draw.experts).not.toContain('E01');
    expect(draw.recusals).toEqual([{ expert: 'E05', case: 'C001', reason: '与申报单位存在现任职（申报单位1）' }]);
    const again = await ceeas('draw', book, '--round', 'review', '--count', '6', '--seed', 'other');
    expect(again.code).toBe(2);

    expect((await ceeas('sheets', book, '--round', 'review')).code).toBe(0);
    const json = JSON.parse((await ceeas('compute', book, '--json')).out);
    const c1 = json.cases.find((c: { id: string }) => c.id === 'C001');
    expect(c1.rounds.review).toEqual({ n: 0, mean: null });
    expect(c1.status).toBe('incomplete');
    expect(json.findings.filter((f: { code: string }) => f.code === 'missing-sheet')).toEqual([]);
    const audit = JSON.parse((await ceeas('audit', book, '--json')).out);
    expect(audit.findings.map((f: { code: string }) => f.code)).not.toContain('log-tampered');
  });
});
