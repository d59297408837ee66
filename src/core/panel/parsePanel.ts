import { Decimal, toDecimal } from '../exact/decimal';
import { APPENDIX_B } from '../rubric/appendixB';
import type { Rubric } from '../rubric/types';
import { RubricError, validateRubric } from '../rubric/validateRubric';
import {
  DEFAULT_CERTIFICATE_PATTERN,
  DEFAULT_WEIGHTS,
  ROUND_IDS,
  type CalendarRange,
  type CaseInfo,
  type NoticeSettings,
  type ExpertInfo,
  type Panel,
  type Policy,
  type RoundId,
  type RoundSetup,
  type ScoreEntry,
} from './types';

/** The panel cannot be used at all. One plain sentence, Chinese first (the CLI exits 2 with it). */
export class PanelError extends Error {
  constructor(
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = 'PanelError';
  }
}

function fail(zh: string, en: string): never {
  throw new PanelError(zh, en);
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function optString(o: Obj, key: string, where: string, whereEn: string): string {
  const v = o[key];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') fail(`${where}的“${key}”应为文字`, `${whereEn}: "${key}" must be text`);
  return v;
}

function id(o: Obj, where: string, whereEn: string): string {
  const v = o.id;
  if (v !== undefined && v !== null && typeof v !== 'string')
    fail(`${where}的编号（id）应为文字，实为 ${JSON.stringify(v)}`, `${whereEn}: the id must be text`);
  if (typeof v !== 'string' || v.trim() === '') fail(`${where}缺少编号（id）`, `${whereEn} has no id`);
  return v.trim();
}

function stringList(v: unknown, where: string, whereEn: string): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
    fail(`${where}应为文字列表`, `${whereEn} must be a list of text`);
  return v as string[];
}

export const DEFAULT_POLICY: Readonly<Policy> = Object.freeze({
  decimals: 2,
  gradeOn: 'rounded',
  aggregate: 'mean',
  scoreStep: new Decimal(1),
  outlierPoints: new Decimal(15),
});

/** Bounds for scoreStep and outlierPoints: scores are at most 100 points, typed with a few decimals at most. */
export const MAX_POLICY_POINTS = 1000;
export const MAX_POLICY_PLACES = 6;

export function parsePolicy(v: unknown): Policy {
  if (v === undefined || v === null) return { ...DEFAULT_POLICY };
  if (!isObj(v)) fail('“policy”应为对象', '"policy" must be an object');
  const p: Policy = { ...DEFAULT_POLICY };
  if (v.decimals !== undefined) {
    if (typeof v.decimals !== 'number' || !Number.isInteger(v.decimals) || v.decimals < 0 || v.decimals > 6) {
      fail('“policy.decimals”应为0到6之间的整数', '"policy.decimals" must be a whole number from 0 to 6');
    }
    p.decimals = v.decimals;
  }
  if (v.gradeOn !== undefined) {
    if (v.gradeOn !== 'rounded' && v.gradeOn !== 'exact')
      fail('“policy.gradeOn”只能是 rounded 或 exact', '"policy.gradeOn" must be rounded or exact');
    p.gradeOn = v.gradeOn;
  }
  if (v.aggregate !== undefined) {
    if (v.aggregate !== 'mean' && v.aggregate !== 'trimmed')
      fail('“policy.aggregate”只能是 mean 或 trimmed', '"policy.aggregate" must be mean or trimmed');
    p.aggregate = v.aggregate;
  }
  if (v.scoreStep !== undefined) {
    const d = toDecimal(v.scoreStep);
    if (d === null || !d.isPositive() || d.isZero())
      fail('“policy.scoreStep”应为正数', '"policy.scoreStep" must be a positive number');
    // Scores are held as whole numbers of 10^-places; a step like 1e-99999999 would make that number unusably large.
    if (d.gt(MAX_POLICY_POINTS) || d.decimalPlaces() > MAX_POLICY_PLACES)
      fail(
        `“policy.scoreStep”应在 0 到 ${MAX_POLICY_POINTS} 之间且最多 ${MAX_POLICY_PLACES} 位小数，实为 ${String(v.scoreStep)}`,
        `"policy.scoreStep" must be at most ${MAX_POLICY_POINTS} with at most ${MAX_POLICY_PLACES} decimal places`,
      );
    p.scoreStep = d;
  }
  if (v.outlierPoints !== undefined) {
    const d = toDecimal(v.outlierPoints);
    if (d === null || d.isNegative())
      fail('“policy.outlierPoints”应为非负数', '"policy.outlierPoints" must be a non-negative number');
    if (d.gt(MAX_POLICY_POINTS) || d.decimalPlaces() > MAX_POLICY_PLACES)
      fail(
        `“policy.outlierPoints”应在 0 到 ${MAX_POLICY_POINTS} 之间且最多 ${MAX_POLICY_PLACES} 位小数，实为 ${String(v.outlierPoints)}`,
        `"policy.outlierPoints" must be at most ${MAX_POLICY_POINTS} with at most ${MAX_POLICY_PLACES} decimal places`,
      );
    p.outlierPoints = d;
  }
  return p;
}

export interface ParseOptions {
  /** An office's own rubric; the panel's `rubric` field wins over it, Appendix B is the default. */
  rubric?: Rubric;
}

/** Reads a panel object (SPEC section 6), or refuses it with one sentence naming what is wrong. */
export function parsePanel(input: unknown, options: ParseOptions = {}): Panel {
  if (!isObj(input))
    fail('文件内容不是评价面板：应为一个 JSON 对象', 'The file is not a panel: it must be a JSON object');

  let rubric = options.rubric ?? APPENDIX_B;
  if (input.rubric !== undefined) {
    try {
      rubric = validateRubric(input.rubric);
    } catch (e) {
      if (e instanceof RubricError)
        fail(`面板中的评分表不可用：${e.message}`, `The panel's rubric cannot be used: ${e.messageEn}`);
      throw e;
    }
  }
  if (input.title !== undefined && typeof input.title !== 'string') fail('“title”应为文字', '"title" must be text');
  const policy = parsePolicy(input.policy);

  if (input.cases !== undefined && input.cases !== null && !Array.isArray(input.cases))
    fail('“cases”应为列表', '"cases" must be a list');
  if (!Array.isArray(input.cases) || input.cases.length === 0)
    fail('面板中没有案例（cases 为空或缺失）', 'The panel has no cases');
  const bonusIds = new Set(rubric.bonuses.map((b) => b.id));
  const cases: CaseInfo[] = [];
  const caseIds = new Set<string>();
  input.cases.forEach((c, i) => {
    const where = `第${i + 1}个案例`;
    const whereEn = `Case ${i + 1}`;
    if (!isObj(c)) fail(`${where}不是对象`, `${whereEn} is not an object`);
    const cid = id(c, where, whereEn);
    if (caseIds.has(cid)) fail(`案例编号 ${cid} 重复`, `Case id ${cid} appears twice`);
    caseIds.add(cid);
    const bonus = stringList(c.bonus, `案例 ${cid} 的“bonus”`, `Case ${cid} "bonus"`);
    for (const b of bonus) {
      if (!bonusIds.has(b))
        fail(
          `案例 ${cid} 的加分条款 ${b} 不存在（可用：${[...bonusIds].join('、')}）`,
          `Case ${cid} names an unknown bonus clause ${b}`,
        );
    }
    const fr = c.formalReview ?? 'passed';
    if (fr !== 'passed' && fr !== 'failed' && fr !== 'pending')
      fail(
        `案例 ${cid} 的“formalReview”只能是 passed、failed 或 pending（限期补正）`,
        `Case ${cid}: "formalReview" must be passed, failed or pending`,
      );
    cases.push({
      id: cid,
      name: optString(c, 'name', `案例 ${cid}`, `Case ${cid}`),
      applicant: optString(c, 'applicant', `案例 ${cid}`, `Case ${cid}`),
      category: optString(c, 'category', `案例 ${cid}`, `Case ${cid}`),
      bonus: [...new Set(bonus)],
      formalReview: fr,
    });
  });

  if (input.experts !== undefined && !Array.isArray(input.experts))
    fail('“experts”应为列表', '"experts" must be a list');
  const experts: ExpertInfo[] = [];
  const expertIds = new Set<string>();
  ((input.experts as unknown[]) ?? []).forEach((e, i) => {
    const where = `第${i + 1}位专家`;
    const whereEn = `Expert ${i + 1}`;
    if (!isObj(e)) fail(`${where}不是对象`, `${whereEn} is not an object`);
    const eid = id(e, where, whereEn);
    if (expertIds.has(eid)) fail(`专家编号 ${eid} 重复`, `Expert id ${eid} appears twice`);
    expertIds.add(eid);
    experts.push({
      id: eid,
      name: optString(e, 'name', `专家 ${eid}`, `Expert ${eid}`),
      organization: optString(e, 'organization', `专家 ${eid}`, `Expert ${eid}`),
      fields: stringList(e.fields, `专家 ${eid} 的“fields”`, `Expert ${eid} "fields"`),
      conflicts: stringList(e.conflicts, `专家 ${eid} 的“conflicts”`, `Expert ${eid} "conflicts"`),
    });
  });

  const rounds = parseRounds(input.rounds, cases, expertIds);
  const scores = parseScores(input.scores);

  const notice = parseNotice(input.notice, input.calendar);
  return {
    title: typeof input.title === 'string' ? input.title : '',
    notice,
    policy,
    rubric,
    cases,
    experts,
    rounds,
    scores,
  };
}

function parseRounds(v: unknown, cases: CaseInfo[], expertIds: Set<string>): Record<RoundId, RoundSetup> {
  if (v !== undefined && !isObj(v))
    fail(
      '“rounds”应为对象（键为 initial、review、final）',
      '"rounds" must be an object keyed by initial, review, final',
    );
  const given = (v ?? {}) as Obj;
  for (const key of Object.keys(given)) {
    if (!(ROUND_IDS as readonly string[]).includes(key)) {
      fail(
        `未知的轮次编号“${key}”（只能是 initial、review、final）`,
        `Unknown round id "${key}" (must be initial, review or final)`,
      );
    }
  }
  const caseIds = new Set(cases.map((c) => c.id));
  const notFailed = cases.filter((c) => c.formalReview === 'passed').map((c) => c.id);
  const rounds = {} as Record<RoundId, RoundSetup>;
  let sum = new Decimal(0);
  for (const rid of ROUND_IDS) {
    const r = given[rid];
    if (r !== undefined && !isObj(r)) fail(`轮次 ${rid} 应为对象`, `Round ${rid} must be an object`);
    const ro = (r ?? {}) as Obj;
    const experts = stringList(ro.experts, `轮次 ${rid} 的“experts”`, `Round ${rid} "experts"`);
    const seen = new Set<string>();
    for (const e of experts) {
      if (!expertIds.has(e))
        fail(
          `轮次 ${rid} 的专家 ${e} 不在专家名单（experts）中`,
          `Round ${rid} names expert ${e}, who is not in the expert list`,
        );
      if (seen.has(e)) fail(`轮次 ${rid} 的专家 ${e} 重复`, `Round ${rid} lists expert ${e} twice`);
      seen.add(e);
    }
    let roundCases: string[];
    if (r === undefined) roundCases = [];
    else if (ro.cases === undefined) roundCases = notFailed;
    else {
      roundCases = stringList(ro.cases, `轮次 ${rid} 的“cases”`, `Round ${rid} "cases"`);
      const seenC = new Set<string>();
      for (const c of roundCases) {
        if (!caseIds.has(c))
          fail(
            `轮次 ${rid} 的案例 ${c} 不在案例名单（cases）中`,
            `Round ${rid} names case ${c}, which is not in the case list`,
          );
        if (seenC.has(c)) fail(`轮次 ${rid} 的案例 ${c} 重复`, `Round ${rid} lists case ${c} twice`);
        seenC.add(c);
      }
    }
    let weight = new Decimal(DEFAULT_WEIGHTS[rid]);
    if (ro.weight !== undefined) {
      const w = toDecimal(ro.weight);
      if (w === null || w.isNegative() || w.gt(1))
        fail(`轮次 ${rid} 的权重应为0到1之间的数`, `Round ${rid} weight must be a number from 0 to 1`);
      weight = w;
    }
    sum = sum.plus(weight);
    rounds[rid] = { id: rid, present: r !== undefined, experts, cases: roundCases, weight };
  }
  if (!sum.eq(1)) {
    const ws = ROUND_IDS.map((rid) => rounds[rid].weight.toString()).join(' + ');
    fail(
      `三轮权重之和应为1，实为 ${ws} = ${sum.toString()}`,
      `The round weights must add up to 1, but ${ws} = ${sum.toString()}`,
    );
  }
  return rounds;
}

function parseScores(v: unknown): ScoreEntry[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) fail('“scores”应为列表', '"scores" must be a list');
  return v.map((s, i) => {
    const where = `scores 第${i + 1}条`;
    const whereEn = `scores[${i}]`;
    if (!isObj(s)) fail(`${where}不是对象`, `${whereEn} is not an object`);
    const round = s.round;
    if (typeof round !== 'string' || !(ROUND_IDS as readonly string[]).includes(round)) {
      fail(
        `${where}的轮次“${String(round)}”未知（只能是 initial、review、final）`,
        `${whereEn} has an unknown round id "${String(round)}"`,
      );
    }
    if (typeof s.expert !== 'string' || s.expert === '')
      fail(`${where}缺少专家编号（expert）`, `${whereEn} has no expert`);
    if (typeof s.case !== 'string' || s.case === '') fail(`${where}缺少案例编号（case）`, `${whereEn} has no case`);
    if (s.recused !== undefined && typeof s.recused !== 'boolean')
      fail(`${where}的“recused”应为 true 或 false`, `${whereEn}: "recused" must be true or false`);
    if (s.items !== undefined && s.items !== null && !isObj(s.items))
      fail(`${where}的“items”应为对象`, `${whereEn}: "items" must be an object`);
    return {
      round: round as RoundId,
      expert: s.expert,
      case: s.case,
      recused: s.recused === true,
      items: (s.items as Obj | undefined) ?? {},
      ...(typeof s.recommend === 'boolean' ? { recommend: s.recommend } : {}),
      ...(typeof s.comment === 'string' && s.comment.trim() !== '' ? { comment: s.comment } : {}),
    };
  });
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD: 2027-02-30 and 2027-13-01 are not (Date.parse rolls the first over). */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !ISO_DATE.test(v)) return false;
  const t = Date.parse(`${v}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === v;
}

function isoDate(v: unknown, where: string, whereEn: string): string {
  if (!isIsoDate(v)) {
    fail(
      `${where}应为“YYYY-MM-DD”格式的日期，实为“${String(v)}”`,
      `${whereEn} must be a date YYYY-MM-DD, not "${String(v)}"`,
    );
  }
  return v;
}

export const DEFAULT_NOTICE_DAYS = 7;

function parseNotice(notice: unknown, calendar: unknown): NoticeSettings {
  if (notice !== undefined && !isObj(notice)) fail('“notice”应为对象', '"notice" must be an object');
  const n = (notice ?? {}) as Obj;
  const organizer = optString(n, 'organizer', '“notice”', '"notice"');
  const start = n.start === undefined || n.start === null ? null : isoDate(n.start, '“notice.start”', '"notice.start"');
  let workingDays = DEFAULT_NOTICE_DAYS;
  if (n.workingDays !== undefined) {
    const w = n.workingDays;
    if (typeof w !== 'number' || !Number.isInteger(w) || w < DEFAULT_NOTICE_DAYS || w > 60) {
      fail(
        '“notice.workingDays”应为7到60之间的整数（公示期不少于7个工作日）',
        '"notice.workingDays" must be a whole number from 7 to 60',
      );
    }
    workingDays = w;
  }
  if (calendar !== undefined && !Array.isArray(calendar)) fail('“calendar”应为列表', '"calendar" must be a list');
  const ranges: CalendarRange[] = ((calendar as unknown[]) ?? []).map((c, i) => {
    const where = `calendar 第${i + 1}条`;
    const whereEn = `calendar[${i}]`;
    if (!isObj(c)) fail(`${where}不是对象`, `${whereEn} is not an object`);
    const from = isoDate(c.from, `${where}的“from”`, `${whereEn} "from"`);
    const to = c.to === undefined ? from : isoDate(c.to, `${where}的“to”`, `${whereEn} "to"`);
    if (to < from) fail(`${where}的结束日期早于开始日期`, `${whereEn} ends before it starts`);
    if (c.kind !== 'holiday' && c.kind !== 'workday')
      fail(`${where}的“kind”只能是 holiday 或 workday`, `${whereEn} "kind" must be holiday or workday`);
    return { from, to, kind: c.kind, name: optString(c, 'name', where, whereEn) };
  });
  const date = n.date === undefined || n.date === null ? null : isoDate(n.date, '“notice.date”', '"notice.date"');
  const releaseDate =
    n.releaseDate === undefined || n.releaseDate === null
      ? null
      : isoDate(n.releaseDate, '“notice.releaseDate”', '"notice.releaseDate"');
  if (n.contact !== undefined && n.contact !== null && !isObj(n.contact))
    fail('“notice.contact”应为对象', '"notice.contact" must be an object');
  const c = (n.contact ?? {}) as Obj;
  const contact = {
    address: optString(c, 'address', '“notice.contact”', '"notice.contact"'),
    telephone: optString(c, 'telephone', '“notice.contact”', '"notice.contact"'),
    person: optString(c, 'person', '“notice.contact”', '"notice.contact"'),
  };
  const pattern = optString(n, 'certificatePattern', '“notice”', '"notice"') || DEFAULT_CERTIFICATE_PATTERN;
  const patternProblem = certificatePatternProblem(pattern);
  if (patternProblem)
    fail(`“notice.certificatePattern”${patternProblem.zh}`, `"notice.certificatePattern" ${patternProblem.en}`);
  return {
    organizer,
    start,
    workingDays,
    calendar: ranges,
    contact,
    date,
    releaseDate,
    certificatePattern: pattern,
  };
}

/**
 * Why a certificate number pattern cannot number certificates: it must hold {序号}, so that no two are alike, and
 * only the placeholders {年份}, {等级}, {序号} and {序号:N} (N from 1 to 9).
 */
export function certificatePatternProblem(pattern: string): { zh: string; en: string } | null {
  if (pattern.length > 60) return { zh: '过长（不超过 60 个字符）', en: 'is too long (60 characters at most)' };
  for (const m of pattern.matchAll(/\{([^}]*)\}/g))
    if (!/^(年份|等级|序号(:[1-9])?)$/.test(m[1]))
      return {
        zh: `中的“{${m[1]}}”不是可用的占位符（可用 {年份}、{等级}、{序号}、{序号:4}）`,
        en: `has "{${m[1]}}", which is not a placeholder (use {年份}, {等级}, {序号}, {序号:4})`,
      };
  if (!/\{序号(:[1-9])?\}/.test(pattern))
    return { zh: '须含 {序号}，证书编号才不会重复', en: 'must hold {序号}, so that no two numbers are alike' };
  return null;
}
