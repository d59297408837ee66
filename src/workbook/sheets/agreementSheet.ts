import { fixed } from '../../core/exact/decimal';
import type { Evaluation } from '../../core/engine/evaluate';
import { ROUND_IDS, ROUND_NAMES, type Panel } from '../../core/panel/types';
import { readingOfLeniency, readingOfW } from '../../core/report/agreementReading';
import type { AgreementJson } from '../../core/report/scoreJson';
import { rangeRef } from '../address';
import { Grid } from '../grid';
import type { SheetSpec } from '../model';
import { SHEET_AGREEMENT } from '../names';
import { planPrint } from '../print/pagePlan';
import { rowHeightFor, wrappedHeight } from '../print/textFit';

// 一致性分析: how far each round's experts agree and how each expert scores, for the panel to know which cases to
// discuss. Nothing here changes a score or a grade; it is internal (expert names), never published.

const COLUMNS = [10, 12, 14, 16, 36];
const WIDTH = COLUMNS.reduce((a, b) => a + b);

export const AGREEMENT_NOTE =
  '本表供评审组讨论参考，不影响任何得分和等级，不对外公开。肯德尔和谐系数 W 衡量同一轮专家对案例排序的一致程度：各专家按总分为该轮案例排序（同分取平均名次），W 在 0（排序互不相关）到 1（排序完全一致）之间，只计评完该轮全部案例的专家。宽严度为专家总分与同一案例其他专家平均分之差的平均：正数偏宽，负数偏严。';

export function agreementSheet(panel: Panel, evaluation: Evaluation, agreement: AgreementJson): SheetSpec {
  const g = new Grid();
  const W = COLUMNS.length;
  const merges: string[] = [rangeRef(1, 1, 1, W), rangeRef(2, 1, 2, W)];
  const rowHeights: Record<number, number> = { 1: 28, 2: wrappedHeight(AGREEMENT_NOTE, WIDTH) };
  g.value(1, 1, `${panel.title || '科技创新成果转化评价'}　一致性分析`, 'title');
  g.value(2, 1, AGREEMENT_NOTE, 'note');

  let r = 4;
  ['轮次', '专家数', '案例数', '和谐系数 W', '解读'].forEach((h, i) => g.value(r, i + 1, h, 'header'));
  for (const rid of ROUND_IDS) {
    const a = agreement.rounds[rid];
    if (!a) continue;
    r++;
    g.value(r, 1, ROUND_NAMES[rid].zh, 'cellCenter');
    g.value(r, 2, a.experts, 'integer');
    g.value(r, 3, a.cases, 'integer');
    g.value(r, 4, a.kendallW ?? '—', 'cellCenter');
    const reading = readingOfW(a.kendallW, 'zh', a);
    g.value(r, 5, reading, 'wrap');
    rowHeights[r] = rowHeightFor([reading, COLUMNS[4]]);
  }

  r += 2;
  ['轮次', '专家编号', '姓名', '宽严度（分）', '解读'].forEach((h, i) => g.value(r, i + 1, h, 'header'));
  const names = new Map(panel.experts.map((e) => [e.id, e.name]));
  for (const e of agreement.experts) {
    r++;
    g.value(r, 1, ROUND_NAMES[e.round].zh, 'cellCenter');
    g.value(r, 2, e.expert, 'cellCenter');
    g.value(r, 3, names.get(e.expert) ?? '', 'wrap');
    g.value(r, 4, e.leniency ?? '—', 'cellCenter');
    const reading = readingOfLeniency(e.leniency);
    g.value(r, 5, reading, 'wrap');
    rowHeights[r] = rowHeightFor([reading, COLUMNS[4]], [names.get(e.expert) ?? '', COLUMNS[2]]);
  }

  // The cases whose totals in a round spread wider than the outlier threshold: the ones to discuss.
  r += 2;
  const limit = panel.policy.outlierPoints;
  const heading = `总分极差超过 ${limit.toString()} 分（离群提示阈值）的案例，建议评审组讨论`;
  g.value(r, 1, heading, 'signature');
  merges.push(rangeRef(r, 1, r, W));
  r++;
  ['轮次', '案例编号', '极差（分）', '标准差（分）', '案例名称'].forEach((h, i) => g.value(r, i + 1, h, 'header'));
  const info = new Map(panel.cases.map((c) => [c.id, c]));
  let listed = 0;
  for (const rid of ROUND_IDS)
    for (const c of evaluation.cases) {
      const st = c.rounds[rid];
      if (!st?.span || !st.span.gt(limit)) continue;
      r++;
      listed++;
      g.value(r, 1, ROUND_NAMES[rid].zh, 'cellCenter');
      g.value(r, 2, c.id, 'cellCenter');
      g.value(r, 3, fixed(st.span, 2), 'cellCenter');
      g.value(r, 4, st.sd ? fixed(st.sd, 2) : '—', 'cellCenter');
      const name = info.get(c.id)?.name ?? '';
      g.value(r, 5, name, 'wrap');
      rowHeights[r] = rowHeightFor([name, COLUMNS[4]]);
    }
  if (listed === 0) {
    r++;
    g.value(r, 1, '无', 'note');
  }

  return {
    name: SHEET_AGREEMENT,
    kind: 'agreement',
    rows: g.rows(),
    columns: COLUMNS,
    rowHeights,
    merges,
    print: planPrint(COLUMNS, { orientation: 'portrait' }),
    protection: { withPassword: true },
  };
}
