import { Decimal, toDecimal } from '../exact/decimal';
import type { Band, BandLevel, BonusClause, Rubric, RubricGroup, RubricItem, Text } from './types';

/** A rubric that cannot be used; the message names the problem in Chinese (messageEn in English). */
export class RubricError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = 'RubricError';
  }
}

const LEVELS: BandLevel[] = ['excellent', 'good', 'fair'];

function fail(zh: string, en: string): never {
  throw new RubricError(zh, en);
}

function str(value: unknown, where: string, whereEn: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(`${where}缺少文字`, `${whereEn} is missing`);
  return value;
}

function num(value: unknown, where: string, whereEn: string): string {
  const d = toDecimal(value);
  if (d === null || d.isNegative())
    fail(`${where}不是非负数：${String(value)}`, `${whereEn} is not a non-negative number: ${String(value)}`);
  return d.toString();
}

function text(value: unknown, where: string, whereEn: string): Text {
  const v = (value ?? {}) as Record<string, unknown>;
  const zh = str(v.zh, `${where}的中文名称`, `${whereEn} Chinese name`);
  const en = typeof v.en === 'string' && v.en.trim() !== '' ? v.en : zh;
  return { zh, en };
}

/**
 * Checks a rubric and returns a normalised copy. Refuses rubrics whose items do not add up to their groups, whose
 * groups do not add up to the total of 100, or whose bands overlap, leave gaps (bands are in whole points, so the
 * next band starts one point above the previous one) or do not cover 0..max.
 */
export function validateRubric(input: unknown): Rubric {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    fail('评分表不是一个对象', 'The rubric is not an object');
  }
  const r = input as Record<string, unknown>;
  if (!Array.isArray(r.groups) || r.groups.length === 0)
    fail('评分表没有一级指标（groups）', 'The rubric has no groups');
  if (!Array.isArray(r.items) || r.items.length === 0) fail('评分表没有二级指标（items）', 'The rubric has no items');

  const total = num(r.total ?? '100', '评分表总分', 'Rubric total');
  if (!new Decimal(total).eq(100))
    fail(`评分表总分应为100，实为${total}`, `The rubric total must be 100, not ${total}`);

  const groups: RubricGroup[] = (r.groups as unknown[]).map((g, i) => {
    const o = (g ?? {}) as Record<string, unknown>;
    const id = str(o.id, `第${i + 1}个一级指标的编号`, `Group ${i + 1} id`);
    return {
      id,
      name: text(o.name, `一级指标 ${id}`, `Group ${id}`),
      max: num(o.max, `一级指标 ${id} 的满分`, `Group ${id} maximum`),
      items: [] as string[],
    };
  });
  const groupById = new Map<string, RubricGroup>();
  for (const g of groups) {
    if (groupById.has(g.id)) fail(`一级指标编号重复：${g.id}`, `Duplicate group id: ${g.id}`);
    groupById.set(g.id, g);
  }

  const itemIds = new Set<string>();
  const items: RubricItem[] = (r.items as unknown[]).map((it, i) => {
    const o = (it ?? {}) as Record<string, unknown>;
    const id = str(o.id, `第${i + 1}个二级指标的编号`, `Item ${i + 1} id`);
    if (itemIds.has(id) || groupById.has(id)) fail(`指标编号重复：${id}`, `Duplicate indicator id: ${id}`);
    itemIds.add(id);
    const groupId = str(o.group, `二级指标 ${id} 的一级指标`, `Item ${id} group`);
    const group = groupById.get(groupId);
    if (!group) fail(`二级指标 ${id} 属于不存在的一级指标 ${groupId}`, `Item ${id} names an unknown group ${groupId}`);
    group.items.push(id);
    const name = text(o.name, `二级指标 ${id}`, `Item ${id}`);
    const max = num(o.max, `二级指标“${name.zh}”的满分`, `Item ${id} maximum`);
    if (new Decimal(max).isZero()) fail(`二级指标“${name.zh}”的满分为0`, `Item ${id} has a maximum of 0`);
    const bands = checkBands(o.bands, id, name.zh, new Decimal(max));
    const evidence = typeof o.evidence === 'string' ? o.evidence : '';
    return { id, group: groupId, name, max, bands, evidence };
  });

  let sum = new Decimal(0);
  for (const g of groups) {
    if (g.items.length === 0) fail(`一级指标“${g.name.zh}”下没有二级指标`, `Group ${g.id} has no items`);
    const itemSum = items.filter((it) => it.group === g.id).reduce((a, it) => a.plus(it.max), new Decimal(0));
    if (!itemSum.eq(g.max)) {
      fail(
        `一级指标“${g.name.zh}”各二级指标满分之和为${itemSum.toString()}，与其满分${g.max}不一致`,
        `The items of group ${g.id} add up to ${itemSum.toString()}, not to its maximum ${g.max}`,
      );
    }
    sum = sum.plus(g.max);
  }
  if (!sum.eq(total)) {
    fail(
      `各一级指标满分之和为${sum.toString()}，不等于总分${total}`,
      `The groups add up to ${sum.toString()}, not to ${total}`,
    );
  }

  const bonuses: BonusClause[] = (Array.isArray(r.bonuses) ? r.bonuses : []).map((b, i) => {
    const o = (b ?? {}) as Record<string, unknown>;
    const id = str(o.id, `第${i + 1}条加分条款的编号`, `Bonus clause ${i + 1} id`);
    const target = str(o.target, `加分条款 ${id} 的对象`, `Bonus clause ${id} target`);
    const group = groupById.get(target);
    const item = items.find((it) => it.id === target);
    if (!group && !item)
      fail(`加分条款 ${id} 指向不存在的指标 ${target}`, `Bonus clause ${id} names an unknown indicator ${target}`);
    const targetMax = new Decimal(group ? group.max : item!.max);
    const min = num(o.min, `加分条款 ${id} 的下限`, `Bonus clause ${id} minimum`);
    const max = num(o.max, `加分条款 ${id} 的上限`, `Bonus clause ${id} maximum`);
    if (new Decimal(min).gt(max) || new Decimal(max).gt(targetMax)) {
      fail(
        `加分条款 ${id} 的分数段 ${min}~${max} 超出 0~${targetMax.toString()}`,
        `Bonus clause ${id} band ${min}-${max} is outside 0-${targetMax.toString()}`,
      );
    }
    return {
      id,
      target,
      targetKind: group ? 'group' : 'item',
      min,
      max,
      label: text(o.label, `加分条款 ${id}`, `Bonus clause ${id}`),
      text: typeof o.text === 'string' ? o.text : '',
    };
  });

  return {
    id: typeof r.id === 'string' && r.id !== '' ? r.id : 'custom',
    title: r.title ? text(r.title, '评分表标题', 'Rubric title') : { zh: '评分表', en: 'Rubric' },
    total,
    groups,
    items,
    bonuses,
  };
}

function checkBands(value: unknown, id: string, name: string, max: Decimal): Band[] {
  if (!Array.isArray(value) || value.length === 0) fail(`二级指标“${name}”没有评分档次`, `Item ${id} has no bands`);
  const bands: Band[] = value.map((b, i) => {
    const o = (b ?? {}) as Record<string, unknown>;
    const level = o.level as BandLevel;
    if (!LEVELS.includes(level))
      fail(`二级指标“${name}”第${i + 1}档的等次不是优秀/良好/一般`, `Item ${id} band ${i + 1} has an unknown level`);
    const min = num(o.min, `二级指标“${name}”${level}档的下限`, `Item ${id} ${level} band minimum`);
    const bmax = num(o.max, `二级指标“${name}”${level}档的上限`, `Item ${id} ${level} band maximum`);
    if (new Decimal(min).gt(bmax))
      fail(`二级指标“${name}”的档次 ${min}~${bmax} 下限大于上限`, `Item ${id} band ${min}-${bmax} is reversed`);
    return { level, min, max: bmax, rule: typeof o.rule === 'string' ? o.rule : '' };
  });
  const sorted = [...bands].sort((a, b) => new Decimal(a.min).cmp(b.min));
  if (!new Decimal(sorted[0].min).isZero()) {
    fail(`二级指标“${name}”的档次未从0分开始（最低为${sorted[0].min}）`, `The bands of item ${id} do not start at 0`);
  }
  for (let i = 1; i < sorted.length; i++) {
    const prevMax = new Decimal(sorted[i - 1].max);
    const min = new Decimal(sorted[i].min);
    if (min.lte(prevMax)) {
      fail(
        `二级指标“${name}”的档次 ${sorted[i - 1].min}~${sorted[i - 1].max} 与 ${sorted[i].min}~${sorted[i].max} 重叠`,
        `The bands of item ${id} overlap`,
      );
    }
    if (min.gt(prevMax.plus(1))) {
      fail(
        `二级指标“${name}”的档次在 ${sorted[i - 1].max} 与 ${sorted[i].min} 之间有空档`,
        `The bands of item ${id} leave a gap`,
      );
    }
  }
  const top = new Decimal(sorted[sorted.length - 1].max);
  if (!top.eq(max))
    fail(
      `二级指标“${name}”的最高档上限为${top.toString()}，与满分${max.toString()}不一致`,
      `The bands of item ${id} end at ${top.toString()}, not at its maximum`,
    );
  return bands;
}
