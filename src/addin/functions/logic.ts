import { CalendarError, noticePeriod, type DateRange } from '../../core/calendar/workingDays';
import { Decimal, fixed, toDecimal } from '../../core/exact/decimal';
import { Ratio } from '../../core/exact/ratio';
import { gradeOf } from '../../core/engine/grade';
import { roundMean } from '../../core/engine/stats';
import type { Aggregate, GradeOn } from '../../core/panel/types';
import { APPENDIX_B } from '../../core/rubric/appendixB';
import { bandOf, bandSummary, orderedItems } from '../../core/rubric/lookup';
import type { Rubric, RubricItem } from '../../core/rubric/types';
import { BAND_LABEL } from '../../core/rubric/types';
import { AGGREGATE_LABEL, CALENDAR_KIND_LABEL, GRADE_ON_LABEL, labelToKey, RECUSED } from '../../workbook/labels';

// The logic of the CEEAS custom functions, free of the Office runtime so it is tested directly. Each function
// answers a value or an error with a message (#VALUE! for an unusable argument, #NUM! for a number out of range);
// never a wrong number.
//
// Semantics chosen for exactness (SPEC 4: S uses exact round means, rounded once):
// - ROUNDMEAN is a display value: the exact mean as the nearest double, or rounded half-up when `decimals` is given.
// - SCORE takes the experts' totals of the three rounds, not means, so no rounded mean ever enters S.
// - GRADE follows policy.gradeOn: by default it grades the value rounded half-up to 2 places (a published 90.00 is
//   never 二等); "exact" grades the value as typed. Both compare decimals exactly, never binary floating point.

export type Outcome<T> =
  { ok: true; value: T } | { ok: false; code: 'invalidValue' | 'invalidNumber'; message: string };

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const bad = (message: string): Outcome<never> => ({ ok: false, code: 'invalidValue', message });
const outOfRange = (message: string): Outcome<never> => ({ ok: false, code: 'invalidNumber', message });

export const DEFAULT_DECIMALS = 2;
const DEFAULT_WEIGHTS = ['0.2', '0.2', '0.6'];
const ROUND_ZH = ['初评', '复评', '终评'];

function cells(range: unknown): unknown[] {
  if (!Array.isArray(range)) return [range];
  return range.flatMap((row) => (Array.isArray(row) ? row : [row]));
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** How a cell value reads in a message: error values by their code, text in quotes. */
function shown(v: unknown): string {
  if (v && typeof v === 'object' && 'code' in v) return String((v as { code: unknown }).code);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function numberOf(v: unknown): Decimal | null {
  return typeof v === 'number' ? toDecimal(v) : null;
}

function itemFor(rubric: Rubric, id: unknown): RubricItem | undefined {
  if (typeof id !== 'string') return undefined;
  const key = id.trim();
  return rubric.items.find((it) => it.id === key || it.name.zh === key);
}

function stepOf(step: unknown): Outcome<Decimal> {
  if (isBlank(step)) return ok(new Decimal(1));
  const s = numberOf(step);
  if (!s || !s.isPositive() || s.isZero()) return bad(`分值步长“${shown(step)}”应为正数`);
  return ok(s);
}

function rangeText(item: RubricItem): string {
  return `0~${item.max} 分（${bandSummary(item)}）`;
}

type ScoreProblem = { kind: 'missing' | 'not-a-number' | 'out-of-range' | 'bad-step'; message: string };

/** Why one item score is not acceptable, or null. */
function problemOf(item: RubricItem, score: unknown, step: Decimal): ScoreProblem | null {
  const name = `“${item.name.zh}”`;
  if (isBlank(score)) return { kind: 'missing', message: `缺少${name}的得分，应为 ${rangeText(item)}` };
  const d = numberOf(score);
  if (!d) return { kind: 'not-a-number', message: `${name}填写的“${shown(score)}”不是数字，应为 ${rangeText(item)}` };
  if (d.isNegative() || d.gt(item.max)) {
    return { kind: 'out-of-range', message: `${name}的得分 ${d.toString()} 超出范围，应为 ${rangeText(item)}` };
  }
  if (!d.mod(step).isZero()) {
    return { kind: 'bad-step', message: `${name}的得分 ${d.toString()} 须为 ${step.toString()} 分的整数倍` };
  }
  return null;
}

/** CHECK: why a score is not acceptable for an item, or '' when it is. */
export function check(itemId: unknown, score: unknown, step?: unknown, rubric: Rubric = APPENDIX_B): Outcome<string> {
  const item = itemFor(rubric, itemId);
  if (!item) return bad(`没有指标“${shown(itemId)}”（应为表 B.1 的二级指标编号或名称）`);
  const s = stepOf(step);
  if (!s.ok) return s;
  return ok(problemOf(item, score, s.value)?.message ?? '');
}

/** TOTAL: the validated total of a row (or column) of the 13 item scores in table B.1 order. */
export function total(scores: unknown, step?: unknown, rubric: Rubric = APPENDIX_B): Outcome<number> {
  const items = orderedItems(rubric);
  const values = cells(scores);
  if (values.length !== items.length) {
    return bad(`应为 ${items.length} 个得分（表 B.1 的二级指标，按顺序），实为 ${values.length} 个`);
  }
  const s = stepOf(step);
  if (!s.ok) return s;
  let sum = new Decimal(0);
  for (let i = 0; i < items.length; i++) {
    const problem = problemOf(items[i], values[i], s.value);
    if (problem) return problem.kind === 'out-of-range' ? outOfRange(problem.message) : bad(problem.message);
    sum = sum.plus(numberOf(values[i])!);
  }
  return ok(sum.toNumber());
}

function totalsOf(range: unknown): Outcome<Decimal[]> {
  const out: Decimal[] = [];
  for (const v of cells(range)) {
    if (isBlank(v) || (typeof v === 'string' && v.trim() === RECUSED)) continue;
    const d = numberOf(v);
    if (!d) return bad(`“${shown(v)}”不是专家总分（只能是数字、空白或“${RECUSED}”）`);
    if (d.isNegative() || d.gt(APPENDIX_B.total)) {
      return outOfRange(`专家总分 ${d.toString()} 不在 0~${APPENDIX_B.total} 之间`);
    }
    out.push(d);
  }
  return ok(out);
}

function modeOf(mode: unknown): Outcome<Aggregate> {
  if (isBlank(mode)) return ok('mean');
  const key = typeof mode === 'string' ? labelToKey(AGGREGATE_LABEL, mode) : undefined;
  if (!key) return bad(`汇总方式“${shown(mode)}”应为 mean（算术平均）或 trimmed（去掉一个最高分和一个最低分）`);
  return ok(key);
}

function gradeOnOf(gradeOn: unknown): Outcome<GradeOn> {
  if (isBlank(gradeOn)) return ok('rounded');
  const key = typeof gradeOn === 'string' ? labelToKey(GRADE_ON_LABEL, gradeOn) : undefined;
  if (!key) return bad(`等级依据“${shown(gradeOn)}”应为 rounded（按公布得分）或 exact（按精确得分）`);
  return ok(key);
}

function decimalsOf(decimals: unknown, fallback: number | null): Outcome<number | null> {
  if (isBlank(decimals)) return ok(fallback);
  if (typeof decimals !== 'number' || !Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    return bad(`小数位数“${shown(decimals)}”应为 0~6 的整数`);
  }
  return ok(decimals);
}

/** The exact round mean of expert totals, blanks and 回避 left out. */
function exactMean(range: unknown, mode: Aggregate): Outcome<Ratio> {
  const t = totalsOf(range);
  if (!t.ok) return t;
  const mean = roundMean(t.value, mode);
  if (!mean) return bad(`没有可计算的专家总分（全部为空或“${RECUSED}”）`);
  return ok(mean);
}

function rounded(value: Ratio, places: number): number {
  return Number(fixed(value.roundHalfUp(places), places));
}

/** ROUNDMEAN: the round mean; the exact value unless `decimals` asks for a rounded one. SCORE never uses it. */
export function roundMeanOf(totals: unknown, mode?: unknown, decimals?: unknown): Outcome<number> {
  const m = modeOf(mode);
  if (!m.ok) return m;
  const d = decimalsOf(decimals, null);
  if (!d.ok) return d;
  const mean = exactMean(totals, m.value);
  if (!mean.ok) return mean;
  return ok(d.value === null ? mean.value.toDecimal().toNumber() : rounded(mean.value, d.value));
}

function weightsOf(weights: unknown): Outcome<Decimal[]> {
  const given = cells(weights).filter((v) => !isBlank(v));
  if (given.length === 0) return ok(DEFAULT_WEIGHTS.map((w) => new Decimal(w)));
  const w = given.map((v) => numberOf(v));
  if (w.length !== 3 || w.some((x) => x === null || x.isNegative())) {
    return bad(`轮次权重应为三个非负数（初评、复评、终评），实为“${given.map(shown).join('、')}”`);
  }
  const sum = w.reduce<Decimal>((a, x) => a.plus(x!), new Decimal(0));
  if (!sum.eq(1)) return bad(`三轮权重之和应为 1，实为 ${sum.toString()}`);
  return ok(w as Decimal[]);
}

/** The exact S = Σ Aᵢ × (exact mean of round i) from the three rounds' expert totals. */
export function exactScore(rounds: unknown[], weights?: unknown, mode?: unknown): Outcome<Ratio> {
  const w = weightsOf(weights);
  if (!w.ok) return w;
  const m = modeOf(mode);
  if (!m.ok) return m;
  let s = Ratio.zero;
  for (let i = 0; i < 3; i++) {
    const mean = exactMean(rounds[i], m.value);
    if (!mean.ok) return { ...mean, message: `${ROUND_ZH[i]}：${mean.message}` };
    s = s.plus(mean.value.times(w.value[i]));
  }
  return ok(s);
}

/** SCORE: S from the three rounds' expert totals, rounded half-up once to `decimals` (default 2). */
export function score(
  initial: unknown,
  review: unknown,
  final: unknown,
  weights?: unknown,
  mode?: unknown,
  decimals?: unknown,
): Outcome<number> {
  const d = decimalsOf(decimals, DEFAULT_DECIMALS);
  if (!d.ok) return d;
  const s = exactScore([initial, review, final], weights, mode);
  if (!s.ok) return s;
  return ok(rounded(s.value, d.value!));
}

/** GRADE: 一等/二等/三等/无评级 by the lines of 9.3.2, compared exactly on the (optionally rounded) value. */
export function grade(value: unknown, gradeOn?: unknown, decimals?: unknown): Outcome<string> {
  const d = numberOf(value);
  if (!d) return bad(`“${shown(value)}”不是综合得分`);
  if (d.isNegative() || d.gt(APPENDIX_B.total)) {
    return outOfRange(`综合得分 ${d.toString()} 不在 0~${APPENDIX_B.total} 之间`);
  }
  const on = gradeOnOf(gradeOn);
  if (!on.ok) return on;
  const places = decimalsOf(decimals, DEFAULT_DECIMALS);
  if (!places.ok) return places;
  return ok(gradeOf(on.value === 'rounded' ? Ratio.of(d).roundHalfUp(places.value!) : d));
}

/** BAND: 优秀/良好/一般 of an item score. */
export function band(itemId: unknown, value: unknown, rubric: Rubric = APPENDIX_B): Outcome<string> {
  const item = itemFor(rubric, itemId);
  if (!item) return bad(`没有指标“${shown(itemId)}”（应为表 B.1 的二级指标编号或名称）`);
  const d = numberOf(value);
  if (!d) return bad(`“${shown(value)}”不是数字，“${item.name.zh}”应为 ${rangeText(item)}`);
  const b = bandOf(item, d);
  if (!b) return outOfRange(`“${item.name.zh}”的得分 ${d.toString()} 超出范围，应为 ${rangeText(item)}`);
  return ok(BAND_LABEL[b.level].zh);
}

// Excel's serial 1 is 1900-01-01 and it counts a 1900-02-29 that never was; from serial 61 (1900-03-01) on, the
// serial is the number of days since 1899-12-30.
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;
const FIRST_SERIAL = 61;
const LAST_SERIAL = 2958465; // 9999-12-31

/** A date cell as YYYY-MM-DD: an Excel serial, or text YYYY-MM-DD / YYYY/M/D. Null when it is neither. */
export function isoOf(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v) && v >= FIRST_SERIAL && v < LAST_SERIAL + 1) {
    return new Date(EXCEL_EPOCH + Math.floor(v) * DAY_MS).toISOString().slice(0, 10);
  }
  if (typeof v !== 'string') return null;
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(v.trim());
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : null;
}

export function serialOf(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - EXCEL_EPOCH) / DAY_MS);
}

type Kind = 'holiday' | 'workday';

/**
 * Rows of a date table: column 1 the first day, column 2 the last day (blank: one day), column 3 optionally the
 * kind (放假 / 调休上班, as in the 节假日 sheet); rows without a kind take `fallback`. Blank rows are skipped.
 */
function calendarRows(range: unknown, fallback: Kind, what: string): Outcome<{ kind: Kind; range: DateRange }[]> {
  const out: { kind: Kind; range: DateRange }[] = [];
  const rows = isBlank(range) ? [] : Array.isArray(range) ? range : [[range]];
  for (const row of rows) {
    const [a, b, c] = Array.isArray(row) ? row : [row];
    if (isBlank(a) && isBlank(b)) continue;
    const from = isoOf(a);
    if (!from) return bad(`${what}中的“${shown(a)}”不是日期（应为日期或 YYYY-MM-DD 文本）`);
    const to = isBlank(b) ? from : isoOf(b);
    if (!to) return bad(`${what}中的“${shown(b)}”不是日期（应为日期或 YYYY-MM-DD 文本）`);
    let kind = fallback;
    if (!isBlank(c)) {
      const k = typeof c === 'string' ? labelToKey(CALENDAR_KIND_LABEL, c) : undefined;
      if (!k) return bad(`${what}中的类型“${shown(c)}”应为“放假”或“调休上班”`);
      kind = k;
    }
    out.push({ kind, range: { from, to } });
  }
  return ok(out);
}

/** NOTICEEND: the last day of a notice period of `days` working days from `start`, as an Excel date serial. */
export function noticeEnd(start: unknown, days: unknown, holidays?: unknown, makeupDays?: unknown): Outcome<number> {
  const s = isoOf(start);
  if (!s) return bad(`公示开始日“${shown(start)}”不是日期（应为日期或 YYYY-MM-DD 文本）`);
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 366) {
    return bad(`公示工作日数“${shown(days)}”应为 1~366 的整数（准则 9.4.1：一般不少于 7 个工作日）`);
  }
  const h = calendarRows(holidays, 'holiday', '节假日');
  if (!h.ok) return h;
  const m = calendarRows(makeupDays, 'workday', '调休上班日');
  if (!m.ok) return m;
  const rows = [...h.value, ...m.value];
  try {
    const { last } = noticePeriod(
      s,
      days,
      rows.filter((r) => r.kind === 'holiday').map((r) => r.range),
      rows.filter((r) => r.kind === 'workday').map((r) => r.range),
    );
    return ok(serialOf(last));
  } catch (e) {
    if (e instanceof CalendarError) return bad(e.message);
    throw e;
  }
}
