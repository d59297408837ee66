import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { TaskpaneActions } from '../../src/addin/taskpane/actions';
import { toActionResult } from '../../src/addin/taskpane/actions';
import { App } from '../../src/addin/taskpane/App';
import { splitAddress } from '../../src/addin/taskpane/cellAddress';
import { FindingsList } from '../../src/addin/taskpane/components/FindingsList';
import { languageOf, STRINGS, stringsFor, TAB_IDS } from '../../src/addin/taskpane/i18n';

// Without a DOM test environment the pane is checked by rendering it to HTML: what a clerk sees, which controls
// exist and how they are labelled. The actions are a fake: the pane knows only the TaskpaneActions interface.
function fakeActions(): TaskpaneActions & { calls: string[] } {
  const calls: string[] = [];
  const ok = (name: string) => async () => {
    calls.push(name);
    return { message: name };
  };
  return {
    calls,
    setUpWorkbook: ok('setUpWorkbook'),
    importRegister: ok('importRegister'),
    reviewCases: ok('reviewCases'),
    addApplicationForm: ok('addApplicationForm'),
    addScoreForm: ok('addScoreForm'),
    drawExperts: ok('drawExperts'),
    advanceRound: ok('advanceRound'),
    reviewObjections: ok('reviewObjections'),
    releaseResults: ok('releaseResults'),
    generateExpertSheets: async (round) => ({ message: round, sheets: [] }),
    exportExpertWorkbook: ok('exportExpertWorkbook'),
    collectWorkbooks: ok('collectWorkbooks'),
    computeGrades: async () => {
      calls.push('computeGrades');
      return { message: 'computeGrades', results: [], grades: {} };
    },
    progress: async () => {
      calls.push('progress');
      throw new Error('not in this test');
    },
    makeNotices: ok('makeNotices'),
    audit: ok('audit'),
    exportScores: ok('exportScores'),
    selectCell: async (cell) => void calls.push(`select ${cell}`),
  };
}

const html = (lang: 'zh' | 'en', initialTab?: (typeof TAB_IDS)[number]) =>
  renderToStaticMarkup(createElement(App, { actions: fakeActions(), lang, inOffice: true, initialTab }));

describe('task pane', () => {
  it('renders every section as a tab with its panel, in Chinese by default', () => {
    const out = html('zh');
    for (const t of ['设置工作簿', '案例与专家', '抽取与评分表', '计算与晋级', '公示与异议', '审计', '进度'])
      expect(out).toContain(t);
    expect(out.match(/role="tab"/g)).toHaveLength(7);
    expect(out.match(/role="tabpanel"/g)).toHaveLength(7);
    expect(out).toContain('aria-label="评价工作步骤"');
    // Only the selected panel is visible; the others stay mounted but hidden.
    expect(out.match(/role="tabpanel"[^>]*hidden=""/g)).toHaveLength(6);
  });

  it('renders in English when Office speaks English', () => {
    const out = html('en', 'compute');
    expect(out).toContain('Compute grades');
    expect(out).not.toContain('计算等级');
  });

  it('says so when it runs outside Excel', () => {
    const out = renderToStaticMarkup(createElement(App, { actions: fakeActions(), lang: 'zh', inOffice: false }));
    expect(out).toContain(STRINGS.zh.outsideOffice);
  });

  it('lists findings with a cell as buttons labelled with the cell to go to', () => {
    const out = renderToStaticMarkup(
      createElement(FindingsList, {
        strings: stringsFor('zh'),
        onSelect: () => undefined,
        findings: [
          { severity: 'warning', message: '偏离均分超过 15 分' },
          { severity: 'error', message: '“创新必要性”的得分 11 超出范围', cell: "'初评-E01'!F7" },
        ],
      }),
    );
    expect(out).toContain('错误 1 项，提示 1 项');
    expect(out.match(/<button/g)).toHaveLength(1);
    expect(out).toContain(`aria-label="转到单元格 &#x27;初评-E01&#x27;!F7：“创新必要性”的得分 11 超出范围"`);
    // Errors come first.
    expect(out.indexOf('超出范围')).toBeLessThan(out.indexOf('偏离均分'));
  });
});

describe('task pane helpers', () => {
  it('picks the language from Office.context.displayLanguage, Chinese unless English', () => {
    expect(languageOf('zh-CN')).toBe('zh');
    expect(languageOf('en-US')).toBe('en');
    expect(languageOf('en-GB')).toBe('en');
    expect(languageOf('fr-FR')).toBe('zh');
    expect(languageOf(undefined)).toBe('zh');
  });

  it('has the same texts in both languages', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}:${typeof v}`],
      );
    expect(keys(STRINGS.en)).toEqual(keys(STRINGS.zh));
    for (const [k, v] of Object.entries(STRINGS.en))
      if (typeof v === 'string') expect({ k, v: v.length > 0 }).toEqual({ k, v: true });
  });

  it('splits finding addresses into sheet and range', () => {
    expect(splitAddress("'初评-E01'!F7")).toEqual({ sheet: '初评-E01', range: 'F7' });
    expect(splitAddress('汇总!$B$3')).toEqual({ sheet: '汇总', range: 'B3' });
    expect(splitAddress("'It''s'!b2:c3")).toEqual({ sheet: "It's", range: 'B2:C3' });
    expect(splitAddress('F7')).toBeNull();
    expect(splitAddress('汇总!')).toBeNull();
  });

  it('reads whatever an action resolves with as a message and findings', () => {
    expect(toActionResult(undefined, '已完成')).toEqual({ message: '已完成' });
    expect(toActionResult('写入 3 张表', '已完成')).toEqual({ message: '写入 3 张表' });
    expect(
      toActionResult(
        { json: { findings: [{ severity: 'warning', code: 'outlier', message: 'M', cell: 'A!B2' }, { nope: 1 }] } },
        '已完成',
      ),
    ).toEqual({ message: '已完成', findings: [{ severity: 'warning', code: 'outlier', message: 'M', cell: 'A!B2' }] });
    expect(toActionResult({ message: 'x', findings: [] }, '')).toEqual({ message: 'x', findings: [] });
  });
});
