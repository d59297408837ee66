import { CalendarError, noticePeriod } from '../../core/calendar/workingDays';
import { Decimal, fixed, toDecimal } from '../../core/exact/decimal';
import { Ratio } from '../../core/exact/ratio';
import { gradeOf } from '../../core/engine/grade';
import { roundMean } from '../../core/engine/stats';
import { APPENDIX_B } from '../../core/rubric/appendixB';
import { bandOf, bandSummary, orderedItems } from '../../core/rubric/lookup';
import type { Rubric, RubricItem } from '../../core/rubric/types';
import { BAND_LABEL } from '../../core/rubric/types';

// The logic of the CEEAS custom functions, free of the Office runtime so it is tested directly. Each function
// answers a value or an error with a message (#VALUE! for an unusable argument, #NUM! for a number out of range);
// never a wrong number.

export type Outcome<T> =
  { ok: true; value: T } | { ok: false; code: 'invalidValue' | 'invalidNumber'; message: string };

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const bad = (message: string): Outcome<never> => ({ ok: false, code: 'invalidValue', message });
const outOfRange = (message: string): Outcome<never> => ({ ok: false, code: 'invalidNumber', message });

const RECUSED = '回避';

function cells(range: unknown[][]): unknown[] {
  return range.flat();
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

function itemFor(rubric: Rubric, id: string): RubricItem | undefined {
  return rubric.items.find((it) => it.id === id || it.name.zh === id);
}

/** Why a score is not acceptable for an item, or '' (the 检查 of one cell). */
export function check(itemId: string, score: unknown, step: unknown = 1, rubric: Rubric = APPENDIX_B): Outcome<string> {
  const item = itemFor(rubric, itemId);
  if (!item) return bad(`没有指标“${itemId}”`);
  const s = toDecimal(step);
  if (!s || !s.isPositive() || s.isZero()) return bad(`分值步长“${String(step)}”应为正数`);
  if (isBlank(score)) return ok(`“${item.name.zh}”未填写`);
  const d = typeof score === 'number' ? toDecimal(score) : null;
  if (!d) return ok(`“${item.name.zh}”填写的“${String(score)}”不是数字`);
  if (d.isNegative() || d.gt(item.max)) return ok(`“${item.name.zh}”须在 0~${item.max} 分之间（${bandSummary(item)}）`);
  if (!d.mod(s).isZero()) return ok(`“${item.name.zh}”须为 ${s.toString()} 分的整数倍`);
  return ok('');
}

/** TOTAL: the validated total of a row of the 13 item scores in table B.1 order. */
export function total(scores: unknown[][], rubric: Rubric = APPENDIX_B): Outcome<number> {
  const items = orderedItems(rubric);
  const values = cells(scores);
  if (values.length !== items.length)
    return bad(`应为 ${items.length} 个得分（表 B.1 的二级指标），实为 ${values.length} 个`);
  let sum = new Decimal(0);
  for (let i = 0; i < items.length; i++) {
    const why = check(items[i].id, values[i], 1, rubric);
    if (!why.ok) return why;
    if (why.value !== '') {
      const d = typeof values[i] === 'number' ? toDecimal(values[i]) : null;
      return d && (d.isNegative() || d.gt(items[i].max)) ? outOfRange(why.value) : bad(why.value);
    }
    sum = sum.plus(toDecimal(values[i])!);
  }
  return ok(sum.toNumber());
}

function totalsOf(range: unknown[][]): Outcome<Decimal[]> {
  const out: Decimal[] = [];
  for (const v of cells(range)) {
    if (isBlank(v) || v === RECUSED) continue;
    const d = typeof v === 'number' ? toDecimal(v) : null;
    if (!d) return bad(`“${String(v)}”不是专家总分`);
    if (d.isNegative() || d.gt(100)) return outOfRange(`专家总分 ${d.toString()} 不在 0~100 之间`);
    out.push(d);
  }
  return ok(out);
}

function modeOf(mode: unknown): Outcome<'mean' | 'trimmed'> {
  if (isBlank(mode) || mode === 'mean' || mode === '算术平均') return ok('mean');
  if (mode === 'trimmed' || mode === '去掉一个最高分和一个最低分') return ok('trimmed');
  return bad(`汇总方式“${String(mode)}”应为 mean 或 trimmed`);
}

function decimalsOf(decimals: unknown, fallback: number | null): Outcome<number | null> {
  if (isBlank(decimals)) return ok(fallback);
  if (typeof decimals !== 'number' || !Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    return bad(`小数位数“${String(decimals)}”应为 0~6 的整数`);
  }
  return ok(decimals);
}

/** The exact round mean of expert totals, blanks and 回避 left out. */
function exactMean(range: unknown[][], mode: unknown): Outcome<Ratio> {
  const t = totalsOf(range);
  if (!t.ok) return t;
  const m = modeOf(mode);
  if (!m.ok) return m;
  const mean = roundMean(t.value, m.value);
  if (!mean) return bad('没有可计算的专家总分（全部为空或回避）');
  return ok(mean);
}

/** ROUNDMEAN: the round mean, rounded half-up to `decimals` when given (a displayed value; SCORE never uses it). */
export function roundMeanOf(totals: unknown[][], mode?: unknown, decimals?: unknown): Outcome<number> {
  const mean = exactMean(totals, mode);
  if (!mean.ok) return mean;
  const d = decimalsOf(decimals, null);
  if (!d.ok) return d;
  return ok(
    d.value === null ? mean.value.toDecimal().toNumber() : Number(fixed(mean.value.roundHalfUp(d.value), d.value)),
  );
}

/** SCORE: S = Σ Aᵢ × (exact mean of round i), from the three rounds' expert totals, rounded half-up once. */
export function score(
  initial: unknown[][],
  review: unknown[][],
  final: unknown[][],
  weights?: unknown[][],
  mode?: unknown,
  decimals?: unknown,
): Outcome<number> {
  const given = weights && cells(weights).some((v) => !isBlank(v));
  const w: (Decimal | null)[] = given
    ? cells(weights!).map((v) => toDecimal(v))
    : ['0.2', '0.2', '0.6'].map((v) => new Decimal(v));
  if (w.length !== 3 || w.some((x) => x === null || x.isNegative()))
    return bad('权重应为三个非负数（初评、复评、终评）');
  const sum = w.reduce<Decimal>((a, x) => a.plus(x!), new Decimal(0));
  if (!sum.eq(1)) return bad(`三轮权重之和应为 1，实为 ${sum.toString()}`);
  const d = decimalsOf(decimals, 2);
  if (!d.ok) return d;
  let s = Ratio.zero;
  const rounds = [initial, review, final];
  for (let i = 0; i < 3; i++) {
    const m = exactMean(rounds[i], mode);
    if (!m.ok) return bad(`${['初评', '复评', '终评'][i]}：${m.message}`);
    s = s.plus(m.value.times(w[i]!));
  }
  return ok(Number(fixed(s.roundHalfUp(d.value!), d.value!)));
}

/** GRADE: 一等/二等/三等/无评级 by the lines of 9.3.2, compared exactly on the value given. */
export function grade(value: unknown): Outcome<string> {
  const d = typeof value === 'number' ? toDecimal(value) : null;
  if (!d) return bad(`“${String(value)}”不是综合得分`);
  if (d.isNegative() || d.gt(100)) return outOfRange(`综合得分 ${d.toString()} 不在 0~100 之间`);
  return ok(gradeOf(d));
}

/** BAND: 优秀/良好/一般 of an item score. */
export function band(itemId: unknown, value: unknown, rubric: Rubric = APPENDIX_B): Outcome<string> {
  const item = typeof itemId === 'string' ? itemFor(rubric, itemId) : undefined;
  if (!item) return bad(`没有指标“${String(itemId)}”`);
  const d = typeof value === 'number' ? toDecimal(value) : null;
  if (!d) return bad(`“${String(value)}”不是数字`);
  const b = bandOf(item, d);
  if (!b) return outOfRange(`“${item.name.zh}”须在 0~${item.max} 分之间`);
  return ok(BAND_LABEL[b.level].zh);
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function isoOf(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0)
    return new Date(EXCEL_EPOCH + Math.floor(v) * 86400000).toISOString().slice(0, 10);
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.trim())) return v.trim();
  return null;
}

function rangesOf(range: unknown[][] | undefined): Outcome<{ from: string; to: string }[]> {
  const out: { from: string; to: string }[] = [];
  for (const row of range ?? []) {
    const [a, b] = row;
    if (isBlank(a)) continue;
    const from = isoOf(a);
    const to = isBlank(b) ? from : isoOf(b);
    if (!from || !to) return bad(`“${String(a)}”不是日期`);
    out.push({ from, to });
  }
  return ok(out);
}

/** NOTICEEND: the last day of a notice period of `days` working days from `start`, as an Excel date serial. */
export function noticeEnd(
  start: unknown,
  days: unknown,
  holidays?: unknown[][],
  makeupDays?: unknown[][],
): Outcome<number> {
  const s = isoOf(start);
  if (!s) return bad(`开始日“${String(start)}”不是日期`);
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1)
    return bad(`工作日数“${String(days)}”应为正整数`);
  const h = rangesOf(holidays);
  if (!h.ok) return h;
  const m = rangesOf(makeupDays);
  if (!m.ok) return m;
  try {
    const { last } = noticePeriod(s, days, h.value, m.value);
    return ok(Math.round((Date.parse(`${last}T00:00:00Z`) - EXCEL_EPOCH) / 86400000));
  } catch (e) {
    if (e instanceof CalendarError) return bad(e.message);
    throw e;
  }
}
