import { toDecimal, type Decimal } from '../../core/exact/decimal';
import { makeFinding } from '../../core/engine/makeFinding';
import { readCategory } from '../../core/categories/appendixA';
import type { Finding, Lang } from '../../core/engine/findings';
import {
  certificatePatternProblem,
  DEFAULT_POLICY,
  MAX_POLICY_PLACES,
  MAX_POLICY_POINTS,
  PanelError,
} from '../../core/panel/parsePanel';
import {
  DEFAULT_CERTIFICATE_PATTERN,
  ROUND_IDS,
  ROUND_NAMES,
  type CalendarRange,
  type CaseInfo,
  type ExpertInfo,
  type FormalReview,
  type NoticeSettings,
  type Panel,
  type Policy,
  type RoundId,
  type RoundSetup,
  type ScoreEntry,
} from '../../core/panel/types';
import { orderedItems } from '../../core/rubric/lookup';
import type { Rubric } from '../../core/rubric/types';
import { APPENDIX_B } from '../../core/rubric/appendixB';
import {
  AGGREGATE_LABEL,
  CALENDAR_KIND_LABEL,
  FORMAL_REVIEW_LABEL,
  GRADE_ON_LABEL,
  labelToKey,
  RECUSED,
  YES,
} from '../labels';
import type { ReadValue, SheetData, WorkbookData } from '../model';
import { expertSheetName, ROUND_BY_PREFIX, SHEET, SHEET_FORMAL_REVIEW } from '../names';
import {
  CASE_COLUMNS,
  EXPERT_COLUMNS,
  HOLIDAY_COLUMNS,
  PARTICULAR,
  ROUND_TABLE_HEADER,
  SETTING,
} from '../sheets/registers';
import { expertLayout } from '../sheets/expertLayout';
import { rowFormulas } from '../sheets/expertSheet';
import type { LogRow } from '../sheets/logSheet';
import { sameFormula } from '../formula/tokens';
import { cellName, findHeader, formulaAt, textAt, valueAt } from './cells';
import { isoDateOf } from './dates';
import { sheetIdentity } from './expertIdentity';

export interface ReadResult {
  panel: Panel;
  /** Problems of the workbook's structure, each naming its cell. */
  findings: Finding[];
  log: LogRow[];
  /** Expert sheets found, by round: sheet name → expert id. */
  expertSheets: { round: RoundId; expert: string; sheet: string }[];
}

function fail(zh: string, en = zh): never {
  throw new PanelError(zh, en);
}

function sheet(data: WorkbookData, name: string): SheetData {
  const s = data.sheets.find((x) => x.name === name);
  if (!s) fail(`工作簿缺少“${name}”工作表，不是本系统生成的评价工作簿，或该表被删除或改名`);
  return s;
}

function header(s: SheetData, headers: readonly string[]): { row: number; columns: Map<string, number> } {
  const h = findHeader(s, headers);
  if (!h) fail(`“${s.name}”工作表的表头被改动：找不到 ${headers.map((x) => `“${x}”`).join('、')} 所在的行`);
  return h;
}

/**
 * Reads an evaluation workbook back into a panel: the registers, the settings and every expert sheet (not the
 * results sheets, which are outputs). Refuses, with one sentence naming the sheet or cell, a workbook that is not
 * one of ours; reports hand-made damage to expert sheets as findings with cells.
 */
export function readEvaluationWorkbook(data: WorkbookData, options: { rubric?: Rubric; lang?: Lang } = {}): ReadResult {
  const lang = options.lang ?? 'zh';
  const rubric = options.rubric ?? APPENDIX_B;
  const findings: Finding[] = [];

  const settingsSheet = sheet(data, SHEET.rounds);
  const { title, organizer, policy, noticeStart, noticeDays, weights } = readSettings(settingsSheet);
  const particulars = readParticulars(settingsSheet);
  const review = data.sheets.find((s) => s.name === SHEET_FORMAL_REVIEW);
  const reviewed = review ? readFormalResults(review) : new Map<string, FormalReview>();
  const cases = readCases(sheet(data, SHEET.cases), rubric, findings, lang, new Set(reviewed.keys()));
  if (review) {
    // The checklist sheet holds the authoritative 规范性审核 result; 案例登记 only shows it.
    for (const [id, result] of reviewed) {
      const c = cases.find((x) => x.info.id === id);
      if (c) c.info.formalReview = result;
    }
  }
  const { experts, roundExperts } = readExperts(sheet(data, SHEET.experts));
  const calendar = data.sheets.some((s) => s.name === SHEET.holidays) ? readCalendar(sheet(data, SHEET.holidays)) : [];

  const rounds = {} as Record<RoundId, RoundSetup>;
  for (const rid of ROUND_IDS) {
    const roundCases = cases.filter((c) => c.rounds.has(rid)).map((c) => c.info.id);
    rounds[rid] = {
      id: rid,
      present: roundCases.length > 0 || roundExperts[rid].length > 0,
      experts: roundExperts[rid],
      cases: roundCases,
      weight: weights[rid],
    };
  }

  const panel: Panel = {
    title,
    notice: { organizer, start: noticeStart, workingDays: noticeDays, calendar, ...particulars },
    policy,
    rubric,
    cases: cases.map((c) => c.info),
    experts,
    rounds,
    scores: [],
  };

  const expertSheets: ReadResult['expertSheets'] = [];
  for (const s of data.sheets) {
    const m = /^(初评|复评|终评)-(.+)$/.exec(s.name);
    if (!m) continue;
    const round = ROUND_BY_PREFIX[m[1]];
    // The sheet name may have lost characters Excel refuses; the expert's id as written on the sheet is
    // authoritative.
    const written = sheetIdentity(s);
    const expert = written?.expert || m[2];
    if (!s.name.startsWith(expertSheetName(round, expert).slice(0, 27))) {
      const named = m[2];
      findings.push(
        makeFinding(
          'sheet-mismatch',
          { round, expert: named, case: null, cell: s.name, value: expert },
          { cell: written?.cell ?? `${s.name}!D2` },
          lang,
        ),
      );
    }
    expertSheets.push({ round, expert, sheet: s.name });
    panel.scores.push(...readExpertSheet(s, panel, round, expert, findings, lang));
  }
  for (const rid of ROUND_IDS) {
    for (const e of rounds[rid].experts) {
      if (rounds[rid].cases.length > 0 && !expertSheets.some((x) => x.round === rid && x.expert === e)) {
        findings.push(makeFinding('missing-sheet', { round: rid, expert: e, case: null }, {}, lang));
      }
    }
  }

  const log = data.sheets.some((s) => s.name === SHEET.log) ? readLog(sheet(data, SHEET.log)) : [];
  return { panel, findings, log, expertSheets };
}

/**
 * The office's particulars under the round table of 轮次设置 (管理机构与文书). Each is optional: a workbook made
 * before they existed reads with blank contact lines, the notice dated on its first day, the release dated on the
 * day of the release, and the standard certificate numbers.
 */
function readParticulars(
  s: SheetData,
): Pick<NoticeSettings, 'contact' | 'date' | 'releaseDate' | 'certificatePattern'> {
  const rowOf = new Map<string, number>();
  s.values.forEach((row, i) => {
    const v = row[0];
    if (typeof v === 'string' && !rowOf.has(v.trim())) rowOf.set(v.trim(), i + 1);
  });
  const text = (label: string): string => {
    const r = rowOf.get(label);
    return r === undefined ? '' : textAt(s, r, 2);
  };
  const date = (label: string): string | null => {
    const r = rowOf.get(label);
    if (r === undefined) return null;
    const v = valueAt(s, r, 2);
    if (v === null || v === '') return null;
    const iso = isoDateOf(v);
    if (iso === null) fail(`${cellName(s, r, 2)}（${label}）不是日期：${String(typeof v === 'object' ? v.error : v)}`);
    return iso;
  };
  const pattern = text(PARTICULAR.certificatePattern) || DEFAULT_CERTIFICATE_PATTERN;
  const problem = certificatePatternProblem(pattern);
  if (problem) fail(`${cellName(s, rowOf.get(PARTICULAR.certificatePattern)!, 2)}（证书编号格式）${problem.zh}`);
  return {
    contact: {
      address: text(PARTICULAR.address),
      telephone: text(PARTICULAR.telephone),
      person: text(PARTICULAR.person),
    },
    date: date(PARTICULAR.noticeDate),
    releaseDate: date(PARTICULAR.releaseDate),
    certificatePattern: pattern,
  };
}

function readSettings(s: SheetData): {
  title: string;
  organizer: string;
  policy: Policy;
  noticeStart: string | null;
  noticeDays: number;
  weights: Record<RoundId, ReturnType<typeof toDecimal> & object>;
} {
  const byLabel = new Map<string, number>();
  s.values.forEach((row, i) => {
    const v = row[0];
    if (typeof v === 'string' && !byLabel.has(v.trim())) byLabel.set(v.trim(), i + 1);
  });
  const rowOf = (label: string): number => {
    const r = byLabel.get(label);
    if (r === undefined) fail(`“${s.name}”工作表中找不到参数“${label}”`);
    return r;
  };
  const num = (label: string): { value: ReturnType<typeof toDecimal>; cell: string } => {
    const r = rowOf(label);
    return { value: toDecimal(valueAt(s, r, 2)), cell: cellName(s, r, 2) };
  };
  const decimals = num(SETTING.decimals);
  if (!decimals.value || !decimals.value.isInteger() || decimals.value.lt(0) || decimals.value.gt(6)) {
    fail(`${decimals.cell}（小数位数）应为 0~6 之间的整数`);
  }
  const gradeOnText = textAt(s, rowOf(SETTING.gradeOn), 2);
  const gradeOn = labelToKey(GRADE_ON_LABEL, gradeOnText);
  if (!gradeOn)
    fail(`${cellName(s, rowOf(SETTING.gradeOn), 2)}（等级依据）应为“${Object.values(GRADE_ON_LABEL).join('”或“')}”`);
  const aggregateText = textAt(s, rowOf(SETTING.aggregate), 2);
  const aggregate = labelToKey(AGGREGATE_LABEL, aggregateText);
  if (!aggregate)
    fail(`${cellName(s, rowOf(SETTING.aggregate), 2)}（汇总方式）应为“${Object.values(AGGREGATE_LABEL).join('”或“')}”`);
  // Bounded as in a panel file: a step like 1e-99999999 would have the engine build numbers of millions of digits.
  const bounded = (v: Decimal): boolean => v.lte(MAX_POLICY_POINTS) && v.decimalPlaces() <= MAX_POLICY_PLACES;
  const step = num(SETTING.scoreStep);
  if (!step.value || !step.value.isPositive() || step.value.isZero() || !bounded(step.value))
    fail(`${step.cell}（分值步长）应为 0 到 ${MAX_POLICY_POINTS} 之间的正数，最多 ${MAX_POLICY_PLACES} 位小数`);
  const outlier = num(SETTING.outlierPoints);
  if (!outlier.value || outlier.value.isNegative() || !bounded(outlier.value))
    fail(`${outlier.cell}（离群提示阈值）应为 0 到 ${MAX_POLICY_POINTS} 之间的数，最多 ${MAX_POLICY_PLACES} 位小数`);
  const startRow = rowOf(SETTING.noticeStart);
  const startValue = valueAt(s, startRow, 2);
  const noticeStart = startValue === null || startValue === '' ? null : isoDateOf(startValue);
  if (startValue !== null && startValue !== '' && noticeStart === null) {
    fail(`${cellName(s, startRow, 2)}（公示开始日）不是日期：${String(startValue)}`);
  }
  const days = num(SETTING.noticeDays);
  if (!days.value || !days.value.isInteger() || days.value.lt(7) || days.value.gt(60)) {
    fail(`${days.cell}（公示工作日数）应为 7~60 之间的整数（公示期不少于 7 个工作日）`);
  }

  const head = header(s, ROUND_TABLE_HEADER);
  const weights = {} as Record<RoundId, NonNullable<ReturnType<typeof toDecimal>>>;
  for (let r = head.row + 1; r <= s.values.length; r++) {
    const id = textAt(s, r, head.columns.get('轮次编号')!);
    if (!(ROUND_IDS as readonly string[]).includes(id)) continue;
    const col = head.columns.get('权重')!;
    const w = toDecimal(valueAt(s, r, col));
    if (!w || w.isNegative() || w.gt(1))
      fail(`${cellName(s, r, col)}（${ROUND_NAMES[id as RoundId].zh}权重）应为 0~1 之间的数`);
    weights[id as RoundId] = w;
  }
  for (const rid of ROUND_IDS) if (!weights[rid]) fail(`“${s.name}”的轮次表缺少 ${ROUND_NAMES[rid].zh}（${rid}）一行`);
  const sum = ROUND_IDS.reduce((a, rid) => a.plus(weights[rid]), toDecimal(0)!);
  if (!sum.eq(1)) fail(`“${s.name}”中三轮权重之和应为 1，实为 ${sum.toString()}`);

  return {
    title: textAt(s, rowOf(SETTING.title), 2),
    organizer: textAt(s, rowOf(SETTING.organizer), 2),
    policy: {
      ...DEFAULT_POLICY,
      decimals: decimals.value.toNumber(),
      gradeOn,
      aggregate,
      scoreStep: step.value,
      outlierPoints: outlier.value,
    },
    noticeStart,
    noticeDays: days.value.toNumber(),
    weights,
  };
}

function readCases(
  s: SheetData,
  rubric: Rubric,
  findings: Finding[],
  lang: Lang,
  onChecklist: Set<string>,
): { info: CaseInfo; rounds: Set<RoundId> }[] {
  const h = header(s, CASE_COLUMNS.slice(0, 3));
  const col = (name: string): number | undefined => h.columns.get(name);
  const out: { info: CaseInfo; rounds: Set<RoundId> }[] = [];
  const seen = new Map<string, string>();
  for (let r = h.row + 1; r <= s.values.length; r++) {
    const id = textAt(s, r, col('案例编号')!);
    if (id === '') continue;
    if (seen.has(id)) fail(`${cellName(s, r, col('案例编号')!)} 的案例编号 ${id} 与 ${seen.get(id)} 重复`);
    seen.set(id, cellName(s, r, col('案例编号')!));
    const bonus: string[] = [];
    const bc = col('加分条款');
    if (bc) {
      for (const part of textAt(s, r, bc)
        .split(/[；;，,、\n]/)
        .map((x) => x.trim())
        .filter(Boolean)) {
        const clause = rubric.bonuses.find((b) => b.id === part || b.label.zh === part);
        // A clause the rubric does not have is named and ignored: it only ever adds a warning, never a score.
        if (!clause) {
          const cell = cellName(s, r, bc);
          findings.push(
            makeFinding(
              'unknown-bonus',
              {
                round: null,
                expert: null,
                case: id,
                cell,
                value: part,
                bonus: rubric.bonuses.map((b) => b.label.zh).join('、'),
              },
              { cell },
              lang,
            ),
          );
          continue;
        }
        bonus.push(clause.id);
      }
    }
    const fc = col('规范性审核');
    const frText = fc ? textAt(s, r, fc) : '';
    // 案例登记's column only shows the checklist's result; a case on the checklist takes it from there.
    const formalReview =
      frText === ''
        ? 'passed'
        : (labelToKey(FORMAL_REVIEW_LABEL, frText) ?? (onChecklist.has(id) ? 'passed' : undefined));
    if (!formalReview) fail(`${cellName(s, r, fc!)} 的规范性审核应为“通过”“未通过”或“限期补正”，实为“${frText}”`);
    const rounds = new Set<RoundId>();
    ROUND_IDS.forEach((rid) => {
      const c = col(ROUND_NAMES[rid].zh);
      if (c && textAt(s, r, c) === YES) rounds.add(rid);
    });
    const category = col('产业类别') ? textAt(s, r, col('产业类别')!) : '';
    const reading = category === '' ? null : readCategory(category);
    if (reading && reading.code === null) {
      const cell = cellName(s, r, col('产业类别')!);
      findings.push(
        makeFinding(
          'unknown-category',
          {
            round: null,
            expert: null,
            case: id,
            cell,
            value: category,
            total: reading.reason === 'ambiguous' ? reading.candidates.join('、') : undefined,
          },
          { cell },
          lang,
        ),
      );
    }
    out.push({
      info: {
        id,
        name: textAt(s, r, col('案例名称')!),
        applicant: textAt(s, r, col('申报单位')!),
        category,
        bonus: [...new Set(bonus)],
        formalReview,
      },
      rounds,
    });
  }
  // A new evaluation has no cases yet (ceeas init, 设置工作簿): the registers are read all the same.
  return out;
}

function readExperts(s: SheetData): { experts: ExpertInfo[]; roundExperts: Record<RoundId, string[]> } {
  const h = header(s, EXPERT_COLUMNS.slice(0, 3));
  const col = (name: string): number | undefined => h.columns.get(name);
  const experts: ExpertInfo[] = [];
  const roundExperts: Record<RoundId, string[]> = { initial: [], review: [], final: [] };
  const seen = new Set<string>();
  for (let r = h.row + 1; r <= s.values.length; r++) {
    const id = textAt(s, r, col('专家编号')!);
    if (id === '') continue;
    if (seen.has(id)) fail(`${cellName(s, r, col('专家编号')!)} 的专家编号 ${id} 重复`);
    seen.add(id);
    experts.push({
      id,
      name: textAt(s, r, col('姓名')!),
      organization: textAt(s, r, col('工作单位')!),
      fields: col('专业领域')
        ? textAt(s, r, col('专业领域')!)
            .split(/[；;，,、]/)
            .map((x) => x.trim())
            .filter(Boolean)
        : [],
      conflicts: col('申报回避案例')
        ? textAt(s, r, col('申报回避案例')!)
            .split(/[；;，,、\s]/)
            .map((x) => x.trim())
            .filter(Boolean)
        : [],
    });
    for (const rid of ROUND_IDS) {
      const c = col(ROUND_NAMES[rid].zh);
      if (c && textAt(s, r, c) === YES) roundExperts[rid].push(id);
    }
  }
  return { experts, roundExperts };
}

function readCalendar(s: SheetData): CalendarRange[] {
  const h = header(s, HOLIDAY_COLUMNS.slice(0, 3));
  const out: CalendarRange[] = [];
  for (let r = h.row + 1; r <= s.values.length; r++) {
    const fromV = valueAt(s, r, 1);
    if (fromV === null || fromV === '') continue;
    const from = isoDateOf(fromV);
    if (!from) fail(`${cellName(s, r, 1)} 不是日期：${String(fromV)}`);
    const toV = valueAt(s, r, 2);
    const to = toV === null || toV === '' ? from : isoDateOf(toV);
    if (!to) fail(`${cellName(s, r, 2)} 不是日期：${String(toV)}`);
    if (to < from) fail(`${cellName(s, r, 2)} 的结束日期早于开始日期`);
    const kind = labelToKey(CALENDAR_KIND_LABEL, textAt(s, r, 3));
    if (!kind) fail(`${cellName(s, r, 3)} 的类型应为“放假”或“调休上班”`);
    out.push({ from, to, kind, name: textAt(s, r, 4) });
  }
  return out;
}

function readLog(s: SheetData): LogRow[] {
  const h = findHeader(s, ['时间', '操作']);
  if (!h) return [];
  const rows: LogRow[] = [];
  const col = (name: string): number => h.columns.get(name) ?? 0;
  for (let r = h.row + 1; r <= s.values.length; r++) {
    const time = textAt(s, r, col('时间'));
    if (time === '') continue;
    const actsFor = h.columns.has('业务日期') ? textAt(s, r, col('业务日期')) : '';
    rows.push({
      time,
      ...(actsFor !== '' ? { actsFor } : {}),
      action: textAt(s, r, col('操作')),
      user: textAt(s, r, col('操作人')),
      detail: textAt(s, r, col('说明')),
      inputFingerprint: textAt(s, r, col('输入指纹')),
      resultFingerprint: textAt(s, r, col('结果指纹')),
      chain: textAt(s, r, col('校验')),
    });
  }
  return rows;
}

function readExpertSheet(
  s: SheetData,
  panel: Panel,
  round: RoundId,
  expert: string,
  findings: Finding[],
  lang: Lang,
): ScoreEntry[] {
  const rubric = panel.rubric;
  const L = expertLayout(rubric);
  const items = orderedItems(rubric);
  const h = header(s, ['案例编号', '总分']);
  const columnOf = (label: string): number | undefined => {
    for (const [text, c] of h.columns) if (text === label || text.startsWith(`${label}（`)) return c;
    return undefined;
  };
  const itemCols = new Map<string, number>();
  for (const it of items) {
    const c = columnOf(it.name.zh);
    if (c === undefined) fail(`专家评分表“${s.name}”的表头被改动：找不到“${it.name.zh}”列，请重新生成该表`);
    itemCols.set(it.id, c);
  }
  const caseCol = columnOf('案例编号')!;
  const totalCol = columnOf('总分')!;
  const recusedCol = columnOf('回避');
  const recommendCol = columnOf('推荐');
  const commentCol = columnOf('评审意见');

  // Formulas are compared with what the builder wrote only where the layout is the one we generated.
  const layoutIntact = caseCol === L.colCase && totalCol === L.colTotal && h.row === L.headerRow;

  const caseIds = new Set(panel.cases.map((c) => c.id));
  const entries: ScoreEntry[] = [];
  for (let r = h.row + 1; r <= s.values.length; r++) {
    const caseId = textAt(s, r, caseCol);
    if (caseId === '' || !/^[^\s]/.test(caseId) || caseId.startsWith('回避与保密声明')) continue;
    if (!caseIds.has(caseId) && typeof valueAt(s, r, L.colIndex) !== 'number') continue;
    const recused = recusedCol !== undefined && textAt(s, r, recusedCol) === RECUSED;
    const values: Record<string, unknown> = {};
    const cells: Record<string, string> = {};
    let any = false;
    for (const it of items) {
      const c = itemCols.get(it.id)!;
      cells[it.id] = cellName(s, r, c);
      const formula = formulaAt(s, r, c);
      const v: ReadValue = valueAt(s, r, c);
      if (formula !== null && !recused) {
        findings.push(
          makeFinding(
            'formula-in-input',
            { round, expert, case: caseId, itemName: it.name[lang], cell: cells[it.id] },
            { item: it.id, cell: cells[it.id] },
            lang,
          ),
        );
      }
      if (v === null || v === '') continue;
      any = true;
      values[it.id] = v;
    }
    if (layoutIntact) checkFormulas(s, panel, round, expert, caseId, r, findings, lang);
    if (!recused && !any) continue;
    const mark = recommendCol === undefined ? '' : textAt(s, r, recommendCol);
    const comment = commentCol === undefined ? '' : textAt(s, r, commentCol);
    entries.push({
      round,
      expert,
      case: caseId,
      recused,
      items: recused ? {} : values,
      cells: { row: cellName(s, r, caseCol), items: cells },
      ...(!recused && (mark === YES || mark === '否') ? { recommend: mark === YES } : {}),
      ...(!recused && comment !== '' ? { comment } : {}),
    });
  }
  return entries;
}

function checkFormulas(
  s: SheetData,
  panel: Panel,
  round: RoundId,
  expert: string,
  caseId: string,
  r: number,
  findings: Finding[],
  lang: Lang,
): void {
  for (const [c, { formula, label }] of rowFormulas(panel, expertLayout(panel.rubric), r)) {
    const actual = formulaAt(s, r, c);
    // Compared by meaning: another program that saved the sheet may have written the same formula its own way.
    if (actual === null || !sameFormula(actual, formula, s.name)) {
      const cell = cellName(s, r, c);
      findings.push(
        makeFinding('formula-changed', { round, expert, case: caseId, cell, formula, itemName: label }, { cell }, lang),
      );
    }
  }
}

function readFormalResults(s: SheetData): Map<string, FormalReview> {
  const out = new Map<string, FormalReview>();
  const h = findHeader(s, ['案例编号', '审核结果']);
  if (!h) return out;
  for (let r = h.row + 1; r <= s.values.length; r++) {
    const id = textAt(s, r, h.columns.get('案例编号')!);
    const text = textAt(s, r, h.columns.get('审核结果')!);
    if (id === '') continue;
    // A case on the checklist without a result has not been reviewed yet: it is not evaluated until it passes.
    if (text === '') {
      out.set(id, 'unreviewed');
      continue;
    }
    const result = labelToKey(FORMAL_REVIEW_LABEL, text);
    if (!result)
      fail(`${cellName(s, r, h.columns.get('审核结果')!)} 的审核结果应为“通过”“未通过”或“限期补正”，实为“${text}”`);
    out.set(id, result);
  }
  return out;
}
