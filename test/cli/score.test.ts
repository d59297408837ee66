import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { makePanel } from '../helpers/panels';
import { referenceScores } from '../helpers/reference';
import { movedRubric } from '../helpers/rubrics';

const examplePath = join(__dirname, '../fixtures/panel-small.json');
const expectedPath = join(__dirname, '../fixtures/panel-small.expected.json');
const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as {
  cases: Record<string, unknown>[];
  findings: Record<string, unknown>[];
};

interface Ran {
  code: number;
  out: string;
  err: string;
}

async function ceeas(...argv: string[]): Promise<Ran> {
  let out = '';
  let err = '';
  const code = await run(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ceeas-score-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const withoutMessage = (findings: Record<string, unknown>[]) =>
  findings.map((f) => Object.fromEntries(Object.entries(f).filter(([k]) => k !== 'message')));

/** Exit 2: nothing on stdout, one plain sentence on stderr, no stack trace. */
function expectUnusable(r: Ran, mentions: string[] = []): void {
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err).toMatch(/^[^\n]+\n$/);
  expect(r.err).toMatch(/[\u4e00-\u9fff]/);
  expect(r.err).not.toMatch(/\bat \S+ \(|Error:|\.ts:\d+|node:internal/);
  for (const m of mentions) expect(r.err).toContain(m);
}

describe('ceeas score --json', () => {
  it('prints the expected result of the example panel and exits 0', async () => {
    const r = await ceeas('score', examplePath, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { cases: unknown[]; findings: Record<string, unknown>[] };
    expect(json.cases).toEqual(expected.cases);
    expect(withoutMessage(json.findings)).toEqual(expected.findings);
    for (const f of json.findings) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('has the JSON shape of SPEC section 6: string means and scores, null score and grade unless graded', async () => {
    const raw = makePanel({ cases: 2, experts: [2, 2, 2], total: () => 77 });
    raw.rounds.final.cases = ['C001'];
    raw.scores = raw.scores.filter((s) => !(s.round === 'final' && s.case === 'C002'));
    const r = await ceeas('score', file('shape.json', raw), '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toEqual({
      cases: [
        {
          id: 'C001',
          status: 'graded',
          rounds: {
            initial: { n: 2, mean: '77.00' },
            review: { n: 2, mean: '77.00' },
            final: { n: 2, mean: '77.00' },
          },
          score: '77.00',
          grade: '三等',
        },
        {
          id: 'C002',
          status: 'not-advanced',
          rounds: { initial: { n: 2, mean: '77.00' }, review: { n: 2, mean: '77.00' } },
          score: null,
          grade: null,
        },
      ],
      findings: [],
      agreement: {
        rounds: {
          initial: { experts: 2, cases: 2, kendallW: null },
          review: { experts: 2, cases: 2, kendallW: null },
          final: { experts: 2, cases: 1, kendallW: null },
        },
        experts: [
          { round: 'initial', expert: 'E01', leniency: '0.00' },
          { round: 'initial', expert: 'E02', leniency: '0.00' },
          { round: 'review', expert: 'E03', leniency: '0.00' },
          { round: 'review', expert: 'E04', leniency: '0.00' },
          { round: 'final', expert: 'E05', leniency: '0.00' },
          { round: 'final', expert: 'E06', leniency: '0.00' },
        ],
      },
    });
  });

  it('exits 1 with an error finding and still prints the results of the valid cases', async () => {
    const raw = makePanel({ cases: 2, experts: [1, 1, 3], total: (_r, j) => 85 + j });
    const c001 = referenceScores(raw)[0].score;
    (raw.scores[1].items as Record<string, unknown>)['innovation.necessity'] = '九';
    const r = await ceeas('score', file('error.json', raw), '--json');
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const json = JSON.parse(r.out);
    expect(json.findings.map((f: Record<string, unknown>) => [f.severity, f.code, f.case, f.item])).toEqual([
      ['error', 'not-a-number', 'C002', 'innovation.necessity'],
    ]);
    expect(json.cases[0]).toMatchObject({ id: 'C001', status: 'graded', score: c001 });
    expect(json.cases[1]).toMatchObject({ id: 'C002', status: 'invalid', score: null, grade: null });
  });

  it('exits 0 when the only findings are warnings', async () => {
    const raw = makePanel({ experts: [4, 1, 1], total: (r, j) => (r === 'initial' && j === 0 ? 50 : 85) });
    const r = await ceeas('score', file('warning.json', raw), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).findings.map((f: Record<string, unknown>) => f.code)).toEqual(['outlier']);
  });
});

describe('ceeas score (table)', () => {
  it('prints a readable table with the Chinese headers, the cases, scores and grades', async () => {
    const r = await ceeas('score', examplePath);
    expect(r.code).toBe(0);
    for (const h of ['案例编号', '案例名称', '初评', '复评', '终评', '综合得分', '评价等级', '状态']) {
      expect(r.out).toContain(h);
    }
    const lines = r.out.split('\n');
    for (const c of expected.cases) {
      const line = lines.find((l) => l.startsWith(String(c.id)));
      expect(line).toBeDefined();
      expect(line).toContain(String(c.score));
      expect(line).toContain(String(c.grade));
    }
    expect(r.out).toContain('2026年度企业科技创新成果转化评价（示例）');
    expect(r.out).toContain('高效光伏组件智能产线改造');
    // Warnings are listed with their messages, not as JSON.
    expect(r.out).toContain('获国家级奖项');
    expect(() => JSON.parse(r.out)).toThrow();
  });

  it('lists the errors and exits 1', async () => {
    const raw = makePanel({ experts: [1, 1, 1] });
    (raw.scores[0].items as Record<string, unknown>)['promotion.influence'] = 12;
    const r = await ceeas('score', file('table-error.json', raw));
    expect(r.code).toBe(1);
    expect(r.out).toContain('行业影响力');
    expect(r.out).toContain('评分有误');
  });
});

describe('ceeas score exits 2 with one plain sentence', () => {
  it('for a missing file', async () => {
    expectUnusable(await ceeas('score', join(dir, 'nowhere.json')), ['nowhere.json']);
  });

  it('for a file that is not JSON', async () => {
    expectUnusable(await ceeas('score', file('broken.json', '{"cases": [\n  {"id": "C001",\n')), [
      'broken.json',
      'JSON',
    ]);
  });

  it('for a panel without cases', async () => {
    expectUnusable(await ceeas('score', file('empty.json', { experts: [], rounds: {}, scores: [] }), '--json'), [
      'cases',
    ]);
  });

  it('for an unknown round id', async () => {
    const raw = makePanel({});
    raw.rounds.semifinal = { experts: [] };
    expectUnusable(await ceeas('score', file('round.json', raw), '--json'), ['semifinal']);
  });

  it('for weights that do not sum to 1', async () => {
    expectUnusable(await ceeas('score', file('weights.json', makePanel({ weights: [0.2, 0.2, 0.5] })), '--json'), [
      '权重',
    ]);
  });

  it('for an unknown option', async () => {
    expectUnusable(await ceeas('score', examplePath, '--jsn'), ['--jsn']);
  });

  it('for a missing panel argument and an unknown command', async () => {
    expectUnusable(await ceeas('score'));
    expectUnusable(await ceeas('grade', examplePath), ['grade']);
  });
});

describe('ceeas score --rubric', () => {
  function movedScores() {
    const raw = makePanel({ experts: [1, 1, 1], total: () => 60 });
    for (const s of raw.scores) {
      Object.assign(s.items as Record<string, number>, { 'innovation.breakthrough': 20, 'conversion.benefit': 5 });
    }
    return raw;
  }

  it("scores against an office's own rubric file", async () => {
    const rubric = file('rubric.json', movedRubric());
    const panel = file('moved.json', movedScores());
    const r = await ceeas('score', panel, '--rubric', rubric, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).cases[0]).toMatchObject({ status: 'graded', score: '70.00', grade: '三等' });
    // The same scores against Appendix B: 20 points for 创新突破度 is out of range.
    const standard = await ceeas('score', panel, '--json');
    expect(standard.code).toBe(1);
    expect(JSON.parse(standard.out).findings[0]).toMatchObject({
      code: 'out-of-range',
      item: 'innovation.breakthrough',
    });
  });

  it('refuses a rubric file whose weights do not add up, with exit 2', async () => {
    const bad = movedRubric();
    bad.groups[0].max = '30';
    const r = await ceeas('score', examplePath, '--rubric', file('bad-rubric.json', bad));
    expectUnusable(r, ['bad-rubric.json', '创新性']);
  });
});
